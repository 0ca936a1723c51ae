import type { Campaign } from '@/api/schemas/campaign'
import { RollUpBadge } from '@/components/rollup-badge'
import { useStatusFlash } from '@/components/use-status-flash'
import { campaignRollUp } from '@/domain/rollup'
import { statusMeta } from '@/domain/status'

export function CampaignRollUpBadge({ campaign }: { campaign: Campaign }) {
  const rollUp = campaignRollUp({ status: campaign.status, mediaBuys: campaign.mediaBuys ?? [] })
  const flashing = useStatusFlash(rollUp.status, (s) => `${campaign.name} is now ${statusMeta(s).label}`)
  return (
    <span
      className={`rounded-full transition-colors duration-700 motion-reduce:transition-none ${flashing ? 'bg-amber-200 ring-4 ring-amber-200 dark:bg-amber-800 dark:ring-amber-800' : ''}`}
    >
      <RollUpBadge rollUp={rollUp} />
    </span>
  )
}
