import type { Campaign } from '@/api/schemas/campaign'
import { tileAttention } from './attention'

const DAY = 86_400_000
const start = Date.parse('2026-11-01T00:00:00Z')
const now = start + 15 * DAY

function campaign(spend: number, statuses: string[] = ['ACTIVE']): Campaign {
  return {
    campaignId: 'cmp_1',
    advertiserId: '1',
    name: 'Test',
    status: 'ACTIVE',
    createdAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-10-01T00:00:00Z',
    flightDates: { startDate: '2026-11-01T00:00:00Z', endDate: '2026-12-01T00:00:00Z' },
    budget: { total: 3000, currency: 'USD' },
    mediaBuys: statuses.map((status, i) => ({
      mediaBuyId: `mb_${i}`,
      name: `Buy ${i}`,
      status,
      createdAt: '2026-10-01T00:00:00Z',
      updatedAt: '2026-10-01T00:00:00Z',
      performance: { impressions: 1000, spend: spend / statuses.length, clicks: 1 },
      packages: [{ packageId: `pk_${i}`, status: 'active', budget: 3000 / statuses.length, pacing: 'even' }],
    })),
  } as Campaign
}

describe('what a live campaign tile says', () => {
  it('flags underpacing against the ideal line, and sorts it above a campaign on plan', () => {
    const behind = tileAttention({ campaign: campaign(800), samples: [], now, fresh: true })
    const onPlan = tileAttention({ campaign: campaign(1500), samples: [], now, fresh: true })
    expect(behind.reasons).toEqual(['underpacing'])
    expect(onPlan.reasons).toEqual([])
    expect(behind.score).toBeGreaterThan(onPlan.score)
  })

  it('puts buys that need the buyer first', () => {
    const a = tileAttention({ campaign: campaign(1500, ['ACTIVE', 'INPUT_REQUIRED']), samples: [], now, fresh: true })
    expect(a.reasons[0]).toBe('needs_you')
    expect(a.needsYouCount).toBe(1)
  })

  it('calls delivery stalled when watched spend did not move', () => {
    const samples = [
      { at: now - 11 * 60_000, spend: 1500 },
      { at: now, spend: 1500 },
    ]
    expect(tileAttention({ campaign: campaign(1500), samples, now, fresh: true }).reasons).toContain('stalled')
  })

  it('raises no pacing or stall alarm on stale data', () => {
    const samples = [
      { at: now - 11 * 60_000, spend: 800 },
      { at: now, spend: 800 },
    ]
    expect(tileAttention({ campaign: campaign(800), samples, now, fresh: false }).reasons).toEqual([])
  })
})

describe('a budget cut below spend on the wall', () => {
  it('reads over budget, not overpacing by some thousand per cent', () => {
    const c = campaign(2206)
    const cut = {
      ...c,
      mediaBuys: c.mediaBuys?.map((b) => ({ ...b, packages: b.packages?.map((p) => ({ ...p, budget: 100 })) })),
    }
    const tile = tileAttention({ campaign: cut, samples: [], now, fresh: true })
    expect(tile.reasons).toContain('over_budget')
    expect(tile.reasons).not.toContain('overpacing')
  })

  it('words its pacing as the verdict does, so a figure below plan early in the flight reads too early to tell', () => {
    const early = tileAttention({ campaign: campaign(90), samples: [], now: start + 2 * DAY, fresh: true })
    expect(early.reasons).toEqual([])
    expect(early.pacingWords).toBe('too early to tell · 45 % of plan')
    expect(tileAttention({ campaign: campaign(800), samples: [], now, fresh: true }).pacingWords).toMatch(
      /^underpacing · \d+ % of plan$/,
    )
    expect(tileAttention({ campaign: campaign(800), samples: [], now, fresh: false }).pacingWords).toMatch(
      /^\d+ % of plan$/,
    )
  })
})
