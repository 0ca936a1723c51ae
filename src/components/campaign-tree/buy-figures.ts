import type { CampaignMediaBuy, CampaignPackage } from '@/api/schemas/campaign'

export function salesAgentNames(buy: CampaignMediaBuy): string[] {
  const names = (buy.products ?? []).map((p) => p.salesAgentName).filter((n): n is string => Boolean(n))
  return [...new Set(names)]
}

// A buy has no budget field of its own: once executed it is the sum of its packages, before that of its products.
export function buyBudget(buy: CampaignMediaBuy): number | undefined {
  const sources: { budget?: number | null }[] = buy.packages?.length ? buy.packages : (buy.products ?? [])
  const amounts = sources.map((s) => s.budget).filter((b): b is number => typeof b === 'number')
  return amounts.length ? amounts.reduce((sum, b) => sum + b, 0) : undefined
}

export function productName(buy: CampaignMediaBuy, pkg: CampaignPackage): string | undefined {
  const productId = pkg.productIds?.[0]
  if (!productId) return undefined
  const product = buy.products?.find((p) => p.productId === productId)
  return product?.productName ?? productId
}

// Packages report lowercase AdCP states; show them with the same badges as buys.
export function packageStatus(status: string): string {
  const upper = status.toUpperCase()
  return ['ACTIVE', 'PAUSED', 'CANCELED', 'COMPLETED'].includes(upper) ? upper : status
}
