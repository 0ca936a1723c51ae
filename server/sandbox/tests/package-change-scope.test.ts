// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { buyBy, HOUR, openSandbox, type Buy, type Campaign, type TestSandbox } from './helpers.ts'

// A change writes only what it names: the package terms and buy dates it leaves out keep their values, whether the
// change applies in place (a PAUSED buy) or once the seller approves it (an ACTIVE buy, CONTRACT D6).

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
}, 60_000)
afterEach(() => t.done())

async function change(campaignId: string, seller: string, entry: Record<string, unknown>): Promise<Buy> {
  const buy = buyBy(await t.campaign(campaignId), seller)
  const res = await t.call<{ campaign: Campaign }>('PUT', `/campaigns/${campaignId}`, {
    mediaBuys: [{ mediaBuyId: buy.mediaBuyId, ...entry }],
  })
  expect(res.error).toBeNull()
  return buyBy(res.data.campaign, seller)
}

type Terms = Record<string, unknown>
const terms = (b: Buy, i: number): Terms => {
  const { delivery: _delivery, ...rest } = b.packages[i]
  return rest
}

describe('a package change on a PAUSED buy, in place', () => {
  const CAMPAIGN = campaignIdOf(11) // Brightwater Savings ISA Push: both buys PAUSED
  const SELLER = 'Northwind Exchange'
  const set = {
    pacing: 'front_loaded',
    bidPrice: 6.5,
    startTime: '2026-11-10T00:00:00Z',
    endTime: '2026-12-18T00:00:00Z',
    targetingOverlay: { audience_include: ['aud_savers'] },
  }

  it('keeps the bid, dates, pacing and targeting set earlier when only the budget changes', async () => {
    const buy = buyBy(await t.campaign(CAMPAIGN), SELLER)
    expect(buy.status).toBe('PAUSED')
    const packageId = buy.packages[0].packageId
    const first = await change(CAMPAIGN, SELLER, { packages: [{ packageId, ...set }] })
    expect(terms(first, 0)).toMatchObject(set)
    const second = await change(CAMPAIGN, SELLER, { packages: [{ packageId, budget: 9_000 }] })
    expect(terms(second, 0)).toEqual({ ...terms(first, 0), budget: 9_000 })
  })
})

describe('a package change on an ACTIVE buy, once its seller approves', () => {
  const CAMPAIGN = campaignIdOf(9) // Atelier Maison Podcast: Summit's ACTIVE buy, flight to 2026-12-15
  const SELLER = 'Summit Audio Network'

  it("keeps the buy's own end date, set by an earlier approved change", async () => {
    const buy = buyBy(await t.campaign(CAMPAIGN), SELLER)
    await change(CAMPAIGN, SELLER, { end_time: '2026-12-12T00:00:00Z' })
    t.sb.tick(7 * HOUR) // Summit approves changes after six hours
    const ended = buyBy(await t.campaign(CAMPAIGN), SELLER)
    expect(ended.pendingChange).toBeUndefined()
    expect(ended.endTime).toBe('2026-12-12T00:00:00Z')
    await change(CAMPAIGN, SELLER, { packages: [{ packageId: buy.packages[0].packageId, budget: 11_000 }] })
    t.sb.tick(7 * HOUR)
    const approved = buyBy(await t.campaign(CAMPAIGN), SELLER)
    expect(approved.pendingChange).toBeUndefined()
    expect(approved.packages[0].budget).toBe(11_000)
    expect([approved.startTime, approved.endTime]).toEqual([buy.startTime, '2026-12-12T00:00:00Z'])
  }, 60_000)
})
