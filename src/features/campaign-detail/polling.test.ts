import type { Campaign } from '@/api/schemas/campaign'
import { campaignPollInterval } from './polling'

const campaign = (statuses: string[]): Campaign => ({
  campaignId: 'c1',
  advertiserId: 'a1',
  name: 'C',
  status: 'ACTIVE',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  mediaBuys: statuses.map((status, i) => ({
    mediaBuyId: `mb${i}`,
    name: `Buy ${i}`,
    status,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  })),
})

describe('campaign polling (D4)', () => {
  it('polls every 15 s while a buy waits on someone', () => {
    expect(campaignPollInterval(campaign(['ACTIVE', 'PENDING_APPROVAL']))).toBe(15_000)
    expect(campaignPollInterval(campaign(['INPUT_REQUIRED']))).toBe(15_000)
  })
  it('slows to 60 s when nothing is in flight', () => {
    expect(campaignPollInterval(campaign(['ACTIVE', 'COMPLETED']))).toBe(60_000)
    expect(campaignPollInterval(undefined)).toBe(60_000)
  })
})
