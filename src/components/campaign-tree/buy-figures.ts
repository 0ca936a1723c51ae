import type { CampaignMediaBuy } from '@/api/schemas/campaign'

export function salesAgentNames(buy: CampaignMediaBuy): string[] {
  const names = (buy.products ?? []).map((p) => p.salesAgentName).filter((n): n is string => Boolean(n))
  return [...new Set(names)]
}

export function publisherNames(buy: CampaignMediaBuy): string[] {
  const names = (buy.products ?? []).map((p) => p.publisherName).filter((n): n is string => Boolean(n))
  return [...new Set(names)]
}

// A buy has no budget field of its own: once executed it is the sum of its packages, before that of its products.
export function buyBudget(buy: CampaignMediaBuy): number | undefined {
  const sources: { budget?: number | null }[] = buy.packages?.length
    ? buy.packages.filter((p) => p.status.toLowerCase() !== 'canceled')
    : (buy.products ?? [])
  const amounts = sources.map((s) => s.budget).filter((b): b is number => typeof b === 'number')
  return amounts.length ? amounts.reduce((sum, b) => sum + b, 0) : undefined
}

/** Spend as reported: the buy's performance, else the sum of its packages' delivery. */
export function buySpend(buy: CampaignMediaBuy): number | undefined {
  if (buy.performance) return buy.performance.spend
  const spends = (buy.packages ?? []).map((p) => p.delivery?.spend).filter((s): s is number => typeof s === 'number')
  return spends.length ? spends.reduce((sum, s) => sum + s, 0) : undefined
}

export function campaignSpend(buys: readonly CampaignMediaBuy[]): number | undefined {
  const spends = buys.map(buySpend).filter((s): s is number => s !== undefined)
  return spends.length ? spends.reduce((sum, s) => sum + s, 0) : undefined
}

const SEPARATOR = /^\s*[·:—–-]\s*/

/**
 * A buy's name where its campaign is already on screen: "Spring launch · Acme Sales" under "Spring launch" reads
 * "Acme Sales". A name that does not start with the campaign's, or would be left empty, is shown whole.
 */
export function buyNameUnder(buyName: string, campaignName: string): string {
  if (!campaignName || !buyName.startsWith(campaignName)) return buyName
  const rest = buyName.slice(campaignName.length)
  const match = SEPARATOR.exec(rest)
  const short = match ? rest.slice(match[0].length).trim() : ''
  return short || buyName
}
