import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'
import { StatusBadge } from '@/components/status-badge'
import { useStatusFlash } from '@/components/use-status-flash'
import { effectiveBuyStatus } from '@/domain/rollup'
import { statusMeta } from '@/domain/status'
import { describeBuyReason } from '@/lib/buy-reasons'
import { publisherNames, salesAgentNames } from './buy-figures'
import { Muted } from './figure-cells'

export function sellerOf(buy: CampaignMediaBuy): string {
  return salesAgentNames(buy).join(', ') || 'an unnamed seller'
}

export function BuyParty({ buy }: { buy: CampaignMediaBuy }) {
  const agents = salesAgentNames(buy)
  const publishers = publisherNames(buy)
  return (
    <div className="min-w-0">
      <div className="break-words">{agents.length ? agents.join(', ') : <Muted>Sales agent not reported</Muted>}</div>
      {publishers.length ? (
        <div className="text-xs break-words text-slate-600 dark:text-slate-400">{publishers.join(', ')}</div>
      ) : null}
    </div>
  )
}

/**
 * The buy's badge, its reasons in words, and a brief highlight (plus one announcement) when polling changes it. The
 * badge is the buy's effective status (D1/D6), the one the roll-up, the pacing table and Monitor use; a live buy
 * whose change waits on the seller says what is live beside it.
 */
export function BuyStatusCell({ buy }: { buy: CampaignMediaBuy }) {
  const status = effectiveBuyStatus(buy)
  const flashing = useStatusFlash(status, (next) => `${buy.name} at ${sellerOf(buy)} is now ${statusMeta(next).label}`)
  const reasons = describeBuyReason(buy)
  return (
    <div
      data-flash={flashing || undefined}
      className={`-mx-1 rounded px-1 transition-colors duration-700 motion-reduce:transition-none ${flashing ? 'bg-amber-200 dark:bg-amber-800' : ''}`}
    >
      <StatusBadge status={status} />
      {status !== buy.status ? (
        <span className="ml-1 text-xs text-slate-700 dark:text-slate-300">live: {statusMeta(buy.status).label}</span>
      ) : null}
      {reasons.length ? (
        <p className="mt-1 line-clamp-2 text-xs text-slate-700 dark:text-slate-300" title={reasons.join(' · ')}>
          {reasons.join(' · ')}
        </p>
      ) : null}
    </div>
  )
}

export function BuyDetails({ buy }: { campaign: Campaign; buy: CampaignMediaBuy }) {
  const packages = buy.packages?.length ?? 0
  const creatives = buy.creatives?.length ?? 0
  return (
    <span className="text-xs text-slate-700 dark:text-slate-300">
      {packages === 1 ? '1 package' : `${packages} packages`} ·{' '}
      {creatives === 1 ? '1 creative' : `${creatives} creatives`}
      {buy.creativeIds ? ' (chosen for this buy)' : ''}
    </span>
  )
}
