import type { CampaignMediaBuy } from '@/api/schemas/campaign'
import type { CreativePlatformLink } from '@/api/schemas/creative'

/** The seller a buy is with, as far as the campaign says: its creatives' sync entries, else its products. */
function sellerOf(buy: CampaignMediaBuy): { agentId?: string; name?: string } {
  const agentId = (buy.creatives ?? []).flatMap((c) => c.sourceSyncStatus ?? []).find((s) => s.agentId)?.agentId
  const name = (buy.products ?? []).find((p) => p.salesAgentName)?.salesAgentName
  return { agentId, name }
}

export function linkOf(buy: CampaignMediaBuy | undefined, links: readonly CreativePlatformLink[]) {
  if (!buy) return undefined
  const seller = sellerOf(buy)
  return links.find((l) => (seller.agentId && l.agent_id === seller.agentId) || l.agent_name === seller.name)
}

/** The buy's seller after its name, unless the name already says it. */
export function sellerText(buy: CampaignMediaBuy | undefined, name = buy ? sellerOf(buy).name : undefined): string {
  return name && buy && !buy.name.includes(name) ? ` (${name})` : ''
}
