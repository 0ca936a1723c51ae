import type { CampaignRollUp } from '@/domain/rollup'
import { statusMeta } from '@/domain/status'
import { Tooltip } from '@/components/ui/tooltip'
import { StatusBadge } from './status-badge'

export function describeCounts(counts: CampaignRollUp['counts']): string {
  return counts.map(({ status, count }) => `${count} ${statusMeta(status).label.toLowerCase()}`).join(' · ')
}

function RollUpExplanation({ rollUp }: { rollUp: CampaignRollUp }) {
  if (!rollUp.fromBuys || !rollUp.driver) {
    return <p>No media buys yet: this is the campaign’s own status.</p>
  }
  const { driver } = rollUp
  return (
    <div className="space-y-1">
      <p>
        <span className="font-medium">{statusMeta(rollUp.status).label}</span> because of{' '}
        <span className="font-medium">{driver.name}</span>
        {driver.salesAgentName ? ` (${driver.salesAgentName})` : null}.
      </p>
      <p className="text-slate-600 dark:text-slate-300">{describeCounts(rollUp.counts)}</p>
    </div>
  )
}

// The campaign badge names its cause (CONTRACT D1): the trigger is a button so keyboard users reach the tooltip,
// and its accessible name carries the same explanation for screen readers.
export function RollUpBadge({ rollUp }: { rollUp: CampaignRollUp }) {
  const label = statusMeta(rollUp.status).label
  const why =
    rollUp.fromBuys && rollUp.driver
      ? `${label}, driven by ${rollUp.driver.name}${rollUp.driver.salesAgentName ? ` (${rollUp.driver.salesAgentName})` : ''}; ${describeCounts(rollUp.counts)}`
      : `${label}, campaign status; no media buys yet`
  return (
    <Tooltip content={<RollUpExplanation rollUp={rollUp} />}>
      <button type="button" aria-label={why} className="rounded-full" data-rollup="">
        <StatusBadge status={rollUp.status} />
      </button>
    </Tooltip>
  )
}
