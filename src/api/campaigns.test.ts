// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { setupApiServer } from '@/lib/testing/api-server'
import { campaignDetailQueryOptions, campaignPollInterval } from './campaigns.ts'
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

describe('a campaign as it is read (CONTRACT D6 / §10.3)', () => {
  const server = setupApiServer()

  it('holds each buy once, a pending version sent as a second entry folded into the live buy', async () => {
    const live = { ...campaign(['ACTIVE']).mediaBuys![0], endTime: '2026-12-31T00:00:00Z' }
    const pending = { ...live, status: 'PENDING_APPROVAL', endTime: '2027-01-31T00:00:00Z', pendingAt: 'salesagent' }
    server.use(
      http.get('*/api/v2/buyer/campaigns/c', () =>
        HttpResponse.json({ data: { campaign: { ...campaign([]), mediaBuys: [live, pending] } }, error: null }),
      ),
    )
    const read = await new QueryClient().fetchQuery(campaignDetailQueryOptions('c'))
    expect(read.mediaBuys).toHaveLength(1)
    expect(read.mediaBuys![0].status).toBe('ACTIVE')
    expect(read.mediaBuys![0].pendingChange?.differences?.endTime).toEqual({
      live: '2026-12-31T00:00:00Z',
      proposed: '2027-01-31T00:00:00Z',
    })
  })
})
