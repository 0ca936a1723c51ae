import type { CampaignMediaBuy } from '@/api/schemas/campaign'
import { checkAction, type BuyAction } from '@/domain/actions'

/** A buy reached its seller once it was forwarded or has packages. */
export const isExecuted = (buy: CampaignMediaBuy) => Boolean(buy.forwardedAt) || (buy.packages?.length ?? 0) > 0

export const checkBuy = (buy: CampaignMediaBuy, action: BuyAction) =>
  checkAction({ status: buy.status, executed: isExecuted(buy), validActions: buy.validActions }, action)
