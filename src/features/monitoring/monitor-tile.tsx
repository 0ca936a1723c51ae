import { Link } from '@tanstack/react-router'
import clsx from 'clsx'
import { useEffect } from 'react'
import type { Campaign } from '@/api/schemas/campaign'
import { PacingBar } from '@/components/campaign-tree/pacing-bar'
import { Freshness } from '@/components/freshness'
import { formatMoney } from '@/lib/format'
import { REASON_LABEL, type TileAttention } from './attention'
import { recordSpend } from './spend-samples'

const REASON_TONE = {
  needs_you: 'bg-amber-100 text-amber-950 dark:bg-amber-900/60 dark:text-amber-50',
  over_budget: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-50',
  budget_exhausted: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-50',
  stalled: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-50',
  underpacing: 'bg-amber-100 text-amber-950 dark:bg-amber-900/60 dark:text-amber-50',
  overpacing: 'bg-blue-100 text-blue-900 dark:bg-blue-900/50 dark:text-blue-50',
  waiting_on_seller: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-50',
} as const

/** One live campaign on the wall: big figures, the reasons it needs attention in words, a link to its page. */
export function MonitorTile({
  campaign,
  attention,
  stale,
  updatedAt,
}: {
  campaign: Campaign
  attention: TileAttention | null
  stale: boolean
  updatedAt: number
}) {
  const spend = attention?.spend
  // Each refresh leaves a sample; spend that stops moving across samples is a stall.
  useEffect(() => {
    if (spend !== undefined && updatedAt) recordSpend(campaign.campaignId, updatedAt, spend)
  }, [campaign.campaignId, updatedAt, spend])
  const currency = campaign.budget?.currency ?? 'USD'
  const money = (v: number) => formatMoney(v, currency)
  const titleId = `tile-${campaign.campaignId}`
  const alarm = Boolean(attention?.reasons.some((r) => r !== 'waiting_on_seller'))
  return (
    <article
      aria-labelledby={titleId}
      data-attention={attention?.reasons.join(' ') || 'none'}
      className={clsx(
        'flex h-full flex-col gap-3 rounded-xl border-2 p-5 transition-opacity',
        alarm ? 'border-amber-500 dark:border-amber-400' : 'border-slate-200 dark:border-slate-700',
        stale && 'opacity-50',
      )}
    >
      <h2 id={titleId} className="text-xl font-semibold leading-tight">
        <Link
          to="/campaigns/$campaignId"
          params={{ campaignId: campaign.campaignId }}
          className="underline-offset-4 hover:underline focus-visible:underline"
        >
          {campaign.name}
        </Link>
      </h2>
      {attention ? (
        <>
          <ul aria-label="Attention" className="flex min-h-7 flex-wrap gap-1.5">
            {attention.reasons.length ? (
              attention.reasons.map((r) => (
                <li key={r} className={clsx('rounded px-2 py-0.5 text-sm font-semibold', REASON_TONE[r])}>
                  {r === 'needs_you' ? `${REASON_LABEL[r]} (${attention.needsYouCount})` : REASON_LABEL[r]}
                </li>
              ))
            ) : (
              <li className="text-sm text-slate-600 dark:text-slate-400">
                {stale ? 'Figures stale: no verdict' : 'On plan'}
              </li>
            )}
          </ul>
          <div className="text-3xl font-semibold tabular-nums">{money(attention.spend)}</div>
          {attention.budget ? (
            <div className="space-y-1.5 text-base text-slate-700 dark:text-slate-300">
              <PacingBar
                className="!w-full !h-2.5"
                spend={attention.spend}
                budget={attention.budget}
                expected={attention.expected ?? undefined}
                tone={
                  attention.reasons.some((r) => r === 'over_budget' || r === 'budget_exhausted')
                    ? 'over'
                    : attention.reasons.includes('underpacing')
                      ? 'behind'
                      : attention.reasons.includes('overpacing')
                        ? 'ahead'
                        : 'ok'
                }
              />
              <p>
                of {money(attention.budget)}
                {attention.pacingWords ? ` · ${attention.pacingWords}` : ''}
              </p>
            </div>
          ) : null}
        </>
      ) : (
        <p className="text-base text-slate-600 dark:text-slate-400">Loading figures…</p>
      )}
      <div className="mt-auto">
        <Freshness updatedAt={updatedAt} className="text-sm" />
        {stale ? (
          <strong className="ml-2 text-sm font-semibold text-amber-800 dark:text-amber-300">stale</strong>
        ) : null}
      </div>
    </article>
  )
}
