import type { ComponentType } from 'react'
import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'

/** How the buyer answers a seller from the inbox: the fitting change with a reply, a reply (and dates), or cancel. */
export type AnswerKind = 'budget' | 'creatives' | 'goals' | 'reply' | 'cancel'

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
}
