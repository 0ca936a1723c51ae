import type { CampaignMediaBuy, CampaignPackage, MediaBuyPendingChange } from '@/api/schemas/campaign'
import { StatusBadge } from '@/components/status-badge'
import { pacingLabel } from '@/domain/labels'
import { formatCount, formatDate, formatDateTime, formatMoney } from '@/lib/format'
import { pendingDifferenceRows } from '@/components/pending-differences'
import { Muted } from './figure-cells'

export function PackageDetails({ pkg, currency }: { pkg: CampaignPackage; currency: string }) {
  const parts: string[] = []
  if (pkg.delivery) {
    parts.push(`${formatCount(pkg.delivery.impressions)} impr.`)
    if (pkg.delivery.clicks !== null) parts.push(`${formatCount(pkg.delivery.clicks)} clicks`)
  }
  if (typeof pkg.bidPrice === 'number') parts.push(`bid ${formatMoney(pkg.bidPrice, pkg.budgetCurrency ?? currency)}`)
  if (pkg.pacing) parts.push(`${pacingLabel(pkg.pacing).toLowerCase()} pacing`)
  const creatives = pkg.creatives?.length
  if (creatives !== undefined) parts.push(creatives === 1 ? '1 creative' : `${creatives} creatives`)
  return parts.length ? (
    <span className="text-xs text-slate-700 dark:text-slate-300">{parts.join(' · ')}</span>
  ) : (
    <Muted>—</Muted>
  )
}

type Live = { live?: unknown; proposed?: unknown }

function arrow(pair: Live | undefined, format: (value: unknown) => string) {
  if (!pair || (pair.live === undefined && pair.proposed === undefined)) return null
  return (
    <span>
      {pair.live === undefined ? '—' : format(pair.live)} →{' '}
      <strong className="font-semibold">{pair.proposed === undefined ? '—' : format(pair.proposed)}</strong>
    </span>
  )
}

/** D6: one row for a change waiting on the seller: live → proposed, and since when. */
export function changeCells({
  change,
  buy,
  currency,
}: {
  change: MediaBuyPendingChange
  buy: CampaignMediaBuy
  currency: string
}) {
  const d = change.differences ?? {}
  const since = change.since ?? change.pendingAt ?? buy.pendingSince
  const money = (v: unknown) => (typeof v === 'number' ? formatMoney(v, currency) : String(v))
  const date = (v: unknown) => (typeof v === 'string' ? formatDate(v) : String(v))
  // Budget and end have their own columns; every other difference is listed by name, live → proposed.
  // A single package's budget is the buy's, already in the budget column.
  const onePackage = (buy.packages ?? []).filter((p) => p.status !== 'canceled').length === 1
  const others = pendingDifferenceRows(change, buy, currency).filter(
    (r) => r.kind !== 'budget' && r.kind !== 'end' && !(onePackage && r.term === 'budget'),
  )
  return {
    flight: arrow(d.endTime, (v) => `ends ${date(v)}`),
    budget: arrow(d.budget, money),
    status: (
      <div>
        <StatusBadge status={change.status} />
        <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">Waiting on the seller</p>
      </div>
    ),
    details: (
      <div className="text-xs text-slate-700 dark:text-slate-300">
        {others.length ? (
          <ul aria-label="Proposed changes">
            {others.map((r) => (
              <li key={r.field}>
                {r.field}: {r.live} → <strong className="font-semibold">{r.proposed}</strong>
              </li>
            ))}
          </ul>
        ) : null}
        <p>
          {since ? `since ${formatDateTime(since)}` : 'since: not reported'}
          {change.reason ? ` · “${change.reason}”` : ''}
        </p>
      </div>
    ),
  }
}
