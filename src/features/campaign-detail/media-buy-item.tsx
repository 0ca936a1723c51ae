import type { CampaignMediaBuy } from '@/api/schemas/campaign'
import { StatusBadge } from '@/components/status-badge'
import { formatDateTime, formatMoney } from '@/lib/format'
import { buyBudget, salesAgentNames } from './buy-figures'
import { PackageList } from './package-list'

const NEEDS_EXPLANATION = new Set(['INPUT_REQUIRED', 'FAILED', 'REJECTED', 'PENDING_APPROVAL'])

function humanize(code: string): string {
  const text = code.replaceAll('_', ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function MediaBuyItem({ buy, currency }: { buy: CampaignMediaBuy; currency: string }) {
  const agents = salesAgentNames(buy)
  const budget = buyBudget(buy)
  const headingId = `buy-${buy.mediaBuyId}`
  return (
    <li
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 id={headingId} className="font-semibold">
          {buy.name}
        </h3>
        <StatusBadge status={buy.status} />
        {buy.pendingChange ? (
          <span className="flex items-center gap-1 text-sm">
            change waiting: <StatusBadge status={buy.pendingChange.status} />
          </span>
        ) : null}
        <span className="ml-auto tabular-nums">
          {budget === undefined ? 'No budget' : formatMoney(budget, currency)}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        {agents.length ? `Sales agent: ${agents.join(', ')}` : 'Sales agent not reported'}
        <span className="font-mono text-xs"> · {buy.mediaBuyId}</span>
      </p>
      {NEEDS_EXPLANATION.has(buy.status) && (buy.sourceMessage || buy.pendingReason || buy.errorCode) ? (
        <p className="mt-2 rounded-md bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800">
          {buy.pendingReason ? <span className="font-medium">{humanize(buy.pendingReason)}. </span> : null}
          {buy.errorCode ? <span className="font-medium">{humanize(buy.errorCode)}. </span> : null}
          {buy.sourceMessage ? <span>Seller says: “{buy.sourceMessage}”</span> : null}
          {buy.pendingSince ? <span> Since {formatDateTime(buy.pendingSince)}.</span> : null}
        </p>
      ) : null}
      <div className="mt-3">
        <h4 className="sr-only">Packages</h4>
        <PackageList buy={buy} currency={currency} />
      </div>
    </li>
  )
}
