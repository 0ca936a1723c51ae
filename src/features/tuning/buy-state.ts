import type { CampaignMediaBuy } from '@/api/schemas/campaign'
import { checkAction, hasReachedSeller, type BuyAction } from '@/domain/actions'

export const isExecuted = (buy: CampaignMediaBuy) =>
  hasReachedSeller({ forwardedAt: buy.forwardedAt, packageCount: buy.packages?.length ?? 0 })

export const checkBuy = (buy: CampaignMediaBuy, action: BuyAction) =>
  checkAction({ status: buy.status, executed: isExecuted(buy), validActions: buy.validActions }, action)
