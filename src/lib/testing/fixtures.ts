import type { Campaign, CampaignMediaBuy, CampaignSummary } from '@/api/schemas/campaign'

const at = '2026-03-01T00:00:00Z'

export function summary(overrides: Partial<CampaignSummary> = {}): CampaignSummary {
  return {
    campaignId: 'cmp_1',
    advertiserId: '101',
    name: 'Spring launch',
    status: 'ACTIVE',
    flightDates: { startDate: '2026-03-01T00:00:00Z', endDate: '2026-03-31T00:00:00Z' },
    budget: { total: 50000, currency: 'USD' },
    createdAt: at,
    updatedAt: at,
    ...overrides,
  }
}

export function buy(overrides: Partial<CampaignMediaBuy> & { agent?: string } = {}): CampaignMediaBuy {
  const { agent = 'Acme Sales Agent', ...rest } = overrides
  return {
    mediaBuyId: 'mb_1',
    name: 'Acme display',
    status: 'ACTIVE',
    createdAt: at,
    updatedAt: at,
    products: [{ productId: 'p1', productName: 'Homepage takeover', salesAgentName: agent, budget: 1000 }],
    ...rest,
  }
}

export function campaign(overrides: Partial<Campaign> = {}): Campaign {
  const { budget, ...base } = summary()
  return { ...base, budget: budget && { ...budget }, revision: 1, mediaBuys: [], ...overrides }
}

export const envelope = <T>(data: T) => ({ data, error: null })
export const errorEnvelope = (code: string, message: string) => ({ data: null, error: { code, message } })
