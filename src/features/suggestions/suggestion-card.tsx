import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { cachedCampaignDetailQueryOptions, campaignRowDetailQueryOptions } from '@/api/campaigns'
import { isApiError } from '@/api/errors'
import {
  suggestionDetailQueryOptions,
  useDecideSuggestion,
  type SuggestionDecision,
} from '@/api/optimization-suggestions'
import type { Campaign } from '@/api/schemas/campaign'
import {
  SUGGESTION_REASON_MAX,
  SUGGESTION_WAITING,
  type OptimizationSuggestionListItem,
} from '@/api/schemas/optimization-suggestion'
import { enumLabel } from '@/components/audit-changes'
import { buyBudget } from '@/components/campaign-tree/buy-figures'
import { Button } from '@/components/ui/button'
import { FieldError, FieldLabel } from '@/components/ui/field'
import { Textarea } from '@/components/ui/textarea'
import { sumMoney } from '@/domain/budget'
import { scaledBudget } from '@/domain/optimization'
import { formatDateTime, formatMoney } from '@/lib/format'

const STATUS_WORDS: Record<string, string> = {
  HIL_WAITING: 'Waiting for your approval',
  HIL_APPROVED: 'Approved',
  HIL_REJECTED: 'Rejected',
  APPLIED: 'Applied',
  APPLIED_FAIL: 'Could not be applied',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
  CREATED: 'Being prepared',
  INGESTED: 'Being prepared',
  CREATED_FAILED: 'Could not be prepared',
  INGESTED_FAIL: 'Could not be prepared',
}
export const suggestionStatusLabel = (status: string) => STATUS_WORDS[status] ?? enumLabel(status)

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** "2 product adjustments · 1 bid adjustment", or that it changes neither. */
export function adjustmentText(
  item: Pick<OptimizationSuggestionListItem, 'productAdjustmentCount' | 'bidAdjustmentCount'>,
) {
  const parts = [
    item.productAdjustmentCount ? plural(item.productAdjustmentCount, 'product adjustment', 'product adjustments') : '',
    item.bidAdjustmentCount ? plural(item.bidAdjustmentCount, 'bid adjustment', 'bid adjustments') : '',
  ].filter(Boolean)
  return parts.length ? parts.join(' · ') : 'No product or bid adjustments'
}

export interface DecisionOutcome {
  suggestionId: string
  tone: 'ok' | 'problem'
  text: string
}

interface Props {
  item: OptimizationSuggestionListItem
  /** The campaign when the page has it; otherwise its detail is read while the card is on screen. */
  campaign?: Campaign
  onScreen: boolean
  onDecided: (outcome: DecisionOutcome) => void
  headingLevel?: 'h3' | 'h4'
}

/** D12: what a suggestion would change, in the buyer's terms, with approve and reject-with-a-reason. */
export function SuggestionCard({ item, campaign: given, onScreen, onDecided, headingLevel: H = 'h3' }: Props) {
  const detail = useQuery({ ...suggestionDetailQueryOptions(item.suggestionId), enabled: onScreen })
  const fetched = useQuery(
    given
      ? cachedCampaignDetailQueryOptions(item.campaignId)
      : { ...campaignRowDetailQueryOptions(item.campaignId), enabled: onScreen },
  )
  const campaign = given ?? fetched.data
  const buy = campaign?.mediaBuys?.find((b) => b.mediaBuyId === item.mediaBuyId)
  const currency = campaign?.budget?.currency ?? 'USD'
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const ids = { reason: useId(), reasonError: useId(), title: useId() }
  const waiting = item.status === SUGGESTION_WAITING
  const buyName = buy?.name ?? item.mediaBuyId
  const d = detail.data
  const now = buy ? buyBudget(buy) : undefined
  const factor = d?.mediaBuyScalingFactor ?? null
  // Applied package by package (each scaled to the cent), as the platform applies it.
  const scaled = (buy?.packages ?? [])
    .filter((p) => p.status.toLowerCase() !== 'canceled' && (p.budget ?? 0) > 0)
    .map((p) => scaledBudget(p.budget!, factor ?? 1))
  const next =
    now !== undefined && factor !== null ? (scaled.length ? sumMoney(scaled) : scaledBudget(now, factor)) : undefined

  const decide = useDecideSuggestion(item.suggestionId, item.campaignId, (input, result, error) =>
    onDecided({
      suggestionId: item.suggestionId,
      tone: error ? 'problem' : 'ok',
      text: error
        ? isApiError(error) && error.status === 409
          ? `The suggestion for ${buyName} no longer waits for a decision (it was decided elsewhere or expired); the list has been refreshed.`
          : `Could not send your decision on the suggestion for ${buyName}: ${error.message}`
        : input.decision === 'approve'
          ? `Approved the suggestion for ${buyName}: ${suggestionStatusLabel(result?.status ?? '').toLowerCase()}.${
              next !== undefined ? ` Its budget goes to ${formatMoney(next, currency)}.` : ''
            }`
          : `Rejected the suggestion for ${buyName}.`,
    }),
  )
  const send = (input: SuggestionDecision) => decide.mutate(input)

  const submitReject = () => {
    const text = reason.trim()
    if (text.length > SUGGESTION_REASON_MAX) {
      setReasonError(`At most ${SUGGESTION_REASON_MAX} characters (now ${text.length})`)
      return
    }
    setReasonError(null)
    send({ decision: 'reject', reason: text || undefined })
  }

  return (
    <article
      aria-labelledby={ids.title}
      data-suggestion-id={item.suggestionId}
      data-suggestion-status={item.status}
      className="rounded-lg border border-slate-200 p-3 dark:border-slate-700"
    >
      <H id={ids.title} className="font-medium">
        Optimization for {buy ? buy.name : 'a buy (loading its name…)'}
        {buy ? null : (
          <span className="ml-1 font-mono text-xs text-slate-600 dark:text-slate-400">{item.mediaBuyId}</span>
        )}
        {campaign && !given ? (
          <>
            {' '}
            in{' '}
            <Link
              to="/campaigns/$campaignId"
              params={{ campaignId: item.campaignId }}
              className="text-blue-800 underline dark:text-blue-300"
            >
              {campaign.name}
            </Link>
          </>
        ) : null}
      </H>
      <p className="text-xs text-slate-700 dark:text-slate-300">
        {suggestionStatusLabel(item.status)} · proposed {formatDateTime(item.createdAt)}
        {item.optimizationMetric ? ` · optimizing ${enumLabel(item.optimizationMetric).toLowerCase()}` : ''}
        {!campaign && !given ? (
          <>
            {' · '}
            <Link
              to="/campaigns/$campaignId"
              params={{ campaignId: item.campaignId }}
              className="text-blue-800 underline dark:text-blue-300"
            >
              open its campaign
            </Link>
          </>
        ) : null}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-700 dark:text-slate-300">Budget</dt>
        <dd data-testid="suggestion-budget">
          {!d ? (
            detail.isError ? (
              '—'
            ) : (
              <span className="text-slate-700 dark:text-slate-300">Loading…</span>
            )
          ) : factor === null ? (
            'No change to the buy’s budget'
          ) : now !== undefined && next !== undefined ? (
            <>
              {formatMoney(now, currency)} → {formatMoney(next, currency)}{' '}
              <span className="text-slate-700 dark:text-slate-300">(× {factor.toLocaleString()})</span>
            </>
          ) : (
            `Scaled × ${factor.toLocaleString()}`
          )}
        </dd>
        <dt className="text-slate-700 dark:text-slate-300">Adjustments</dt>
        <dd>{adjustmentText(item)}</dd>
        {d?.mediaBuyScalingRationale ? (
          <>
            <dt className="text-slate-700 dark:text-slate-300">Why</dt>
            <dd className="break-words whitespace-pre-line">{d.mediaBuyScalingRationale}</dd>
          </>
        ) : null}
        {d?.pacingRecommendation ? (
          <>
            <dt className="text-slate-700 dark:text-slate-300">Pacing</dt>
            <dd>
              <span className="font-medium">{enumLabel(d.pacingRecommendation.status)}</span>: spending{' '}
              {formatMoney(d.pacingRecommendation.currentDailyRate, currency)} a day, recommended{' '}
              {formatMoney(d.pacingRecommendation.recommendedDailySpend, currency)} a day.
              {d.pacingRecommendation.message ? (
                <span className="block break-words text-slate-700 dark:text-slate-300">
                  {d.pacingRecommendation.message}
                </span>
              ) : null}
            </dd>
          </>
        ) : null}
        {d?.statusReason && !waiting ? (
          <>
            <dt className="text-slate-700 dark:text-slate-300">Reason</dt>
            <dd className="break-words">{d.statusReason}</dd>
          </>
        ) : null}
      </dl>
      {detail.isError ? (
        <p className="mt-1 text-sm text-red-800 dark:text-red-300">The suggestion’s details could not be loaded.</p>
      ) : null}
      {waiting ? (
        rejecting ? (
          <form
            className="mt-3"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              submitReject()
            }}
          >
            <FieldLabel htmlFor={ids.reason}>Why reject it (optional, seen by the optimizer)</FieldLabel>
            <Textarea
              id={ids.reason}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={ids.reasonError}
              className="mt-1 w-full"
            />
            <FieldError id={ids.reasonError}>{reasonError}</FieldError>
            <div className="flex gap-2">
              <Button type="submit" size="sm" variant="danger" disabled={decide.isPending}>
                Send rejection
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setRejecting(false)}>
                Back
              </Button>
            </div>
          </form>
        ) : (
          <div className="mt-3 flex gap-2">
            <Button size="sm" disabled={decide.isPending} onClick={() => send({ decision: 'approve' })}>
              Approve<span className="sr-only"> the suggestion for {buyName}</span>
            </Button>
            <Button size="sm" variant="secondary" disabled={decide.isPending} onClick={() => setRejecting(true)}>
              Reject…<span className="sr-only"> the suggestion for {buyName}</span>
            </Button>
          </div>
        )
      ) : null}
    </article>
  )
}
