import type { MediaBuyStatus } from '@/api/schemas/common'
import type { CampaignListFilters } from '@/api/campaigns'

export interface NeedsYouSection {
  id: string
  title: string
  explanation: string
  statuses: MediaBuyStatus[]
}

// "Needs you" first (the seller waits for the buyer), then what went wrong and needs a decision.
export const NEEDS_YOU_SECTIONS: NeedsYouSection[] = [
  {
    id: 'input-required',
    title: 'Sellers are waiting for your input',
    explanation: 'A sales agent asked for something before it can go on with the buy.',
    statuses: ['INPUT_REQUIRED'],
  },
  {
    id: 'failed-rejected',
    title: 'Failed or rejected',
    explanation: 'The buy did not go through: retry, change it, or cancel it.',
    statuses: ['FAILED', 'REJECTED'],
  },
]

export function sectionFilters(section: NeedsYouSection): CampaignListFilters {
  // Every campaign status: a paused or completed campaign can still hold a rejected buy.
  return { mediaBuyStatus: section.statuses, status: ['ALL'], take: 100 }
}
