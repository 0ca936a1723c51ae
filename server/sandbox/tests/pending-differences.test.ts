// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { buyBy, openSandbox, type Buy, type Campaign, type TestSandbox } from './helpers.ts'

// D6: the pending version of an ACTIVE buy shows the buyer each value that would change, live → proposed: the buy's
// budget over its live packages, its end (the latest of the new package ends), its creatives, and per package only
// the fields that really differ.

const CAMPAIGN = campaignIdOf(9) // Summit Audio Network: ACTIVE, two packages of 12,000 and 8,000 EUR, both even
const SELLER = 'Summit Audio Network'
let t: TestSandbox
let buy: Buy
beforeEach(async () => {
  t = openSandbox()
  buy = buyBy(await t.campaign(CAMPAIGN), SELLER)
  expect(buy.status).toBe('ACTIVE')
})
afterEach(() => t.done())

const pkg = (i: number) => buy.packages[i].packageId
async function put(entry: Record<string, unknown>): Promise<Buy> {
  const res = await t.call<{ campaign: Campaign }>('PUT', `/campaigns/${CAMPAIGN}`, {
    mediaBuys: [{ mediaBuyId: buy.mediaBuyId, ...entry }],
  })
  expect(res.error).toBeNull()
  return buyBy(res.data.campaign, SELLER)
}

describe("a pending version's differences, live → proposed", () => {
  it("the buy's budget leaves out a package the buyer canceled", async () => {
    const canceled = await put({ action: 'cancel', packageIds: [pkg(1)] })
    expect(canceled.packages.map((p) => p.status)).toEqual(['active', 'canceled'])
    const after = await put({ packages: [{ packageId: pkg(0), budget: 11_000 }] })
    expect(after.pendingChange?.differences.budget).toEqual({ live: 12_000, proposed: 11_000 })
  })

  it("one package's new end is the buy's proposed end", async () => {
    const after = await put({ packages: [{ packageId: pkg(1), endTime: '2026-12-09T00:00:00Z' }] })
    expect(after.pendingChange?.differences.endTime).toEqual({ live: buy.endTime, proposed: '2026-12-09T00:00:00Z' })
  })

  it('the latest new package end is the proposed end, whichever package the buyer named first', async () => {
    const after = await put({
      packages: [
        { packageId: pkg(0), endTime: '2026-12-11T00:00:00Z' },
        { packageId: pkg(1), endTime: '2026-12-05T00:00:00Z' },
      ],
    })
    expect(after.pendingChange?.differences.endTime).toEqual({ live: buy.endTime, proposed: '2026-12-11T00:00:00Z' })
    // A later change to the same version that names no end leaves the proposed end as it was.
    const withoutEnd = await put({ packages: [{ packageId: pkg(0), budget: 11_000 }] })
    expect(withoutEnd.pendingChange?.differences.endTime?.proposed).toBe('2026-12-11T00:00:00Z')
  })

  it('chosen creatives are listed as the proposed creatives', async () => {
    const live = buy.creatives.map((c) => c.creativeId)
    expect(live.length).toBeGreaterThan(0)
    const after = await put({ creative_ids: live.slice(0, 1) })
    expect(after.pendingChange?.differences.creatives).toEqual({ live, proposed: live.slice(0, 1) })
  })

  it('removing the bid of a package that has none is no difference', async () => {
    const after = await put({ packages: [{ packageId: pkg(0), bidPrice: null, pacing: 'asap' }] })
    expect(after.pendingChange?.differences).toStrictEqual({
      packages: [{ packageId: pkg(0), pacing: { live: 'even', proposed: 'asap' } }],
    })
  })
})
