import { campaignPollInterval } from './campaigns.ts'
import type { Campaign } from './schemas/campaign.ts'

const campaign = (statuses: string[], pending = false): Campaign => ({
  campaignId: 'c',
  advertiserId: '1',
  name: 'C',
  status: 'ACTIVE',
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  mediaBuys: statuses.map((status, i) => ({
    mediaBuyId: `mb_${i}`,
    name: `Buy ${i}`,
    status,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    pendingChange: pending ? { status: 'PENDING_APPROVAL' } : undefined,
  })),
})

describe('campaign polling (CONTRACT D4)', () => {
  it('polls about every 15 s while a buy waits on a seller or on the buyer', () => {
    expect(campaignPollInterval(campaign(['ACTIVE', 'PENDING_APPROVAL']))).toBe(15_000)
    expect(campaignPollInterval(campaign(['INPUT_REQUIRED']))).toBe(15_000)
    expect(campaignPollInterval(campaign(['ACTIVE'], true))).toBe(15_000)
  })

  it('polls about every 60 s otherwise', () => {
    expect(campaignPollInterval(campaign(['ACTIVE', 'COMPLETED']))).toBe(60_000)
    expect(campaignPollInterval(undefined)).toBe(60_000)
  })
})
