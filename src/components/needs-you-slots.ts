import type { ComponentType } from 'react'
import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'

/**
 * How the buyer answers a seller from the inbox: the fitting change with a reply, a reply (and dates), or cancel; a
 * failed or rejected buy is sent again (execute) or archived.
 */
export type AnswerKind = 'budget' | 'creatives' | 'goals' | 'reply' | 'cancel' | 'archive' | 'resubmit'

export interface AnswerDialogProps {
  campaign: Campaign
  buy: CampaignMediaBuy
  kind: AnswerKind
  onClose: () => void
}

/** What other features put into the Needs you inbox; the route composes them (features never import each other). */
export interface NeedsYouSlots {
  answerDialog?: ComponentType<AnswerDialogProps>
  /** Further things the buyer owes, listed after the buys (notifications, optimization suggestions). */
  sections?: ComponentType[]
  /** Sends a failed or rejected buy again (execute), and whether that is possible for it. */
  resubmit?: {
    Dialog: ComponentType<Omit<AnswerDialogProps, 'kind'>>
    allowed: (campaign: Campaign, buy: CampaignMediaBuy) => boolean
  }
}
