// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { SimulatedAgent } from '../agents/simulated-agent.ts'
import type { UpdateMediaBuyRequest } from '../agents/adcp.ts'
import { buyBy, openSandbox, type Buy, type Campaign, type TestSandbox, sellerRequests } from './helpers.ts'

// A package change on a buy its seller holds (CONTRACT D6): the seller is told exactly the fields the buyer changed,
// in AdCP's names, and the buy shows each package's live → proposed value until the seller answers.

const received = vi.spyOn(SimulatedAgent.prototype, 'handle')
const CAMPAIGN = campaignIdOf(9) // Summit Audio Network: ACTIVE, two packages of 12,000 and 8,000 EUR, both even
const SELLER = 'Summit Audio Network'

let t: TestSandbox
let buy: Buy
beforeEach(async () => {
  t = openSandbox()
  received.mockClear()
  buy = buyBy(await t.campaign(CAMPAIGN), SELLER)
  expect(buy.status).toBe('ACTIVE')
})
afterEach(() => t.done())

const [first, second] = [0, 1]
/** A change to every field a package change can carry. */
const everything = {
  budget: 11_000,
  pacing: 'front_loaded',
  bidPrice: 14.5,
  startTime: '2026-11-20T00:00:00Z',
  endTime: '2026-12-10T00:00:00Z',
  targetingOverlay: { audience_include: ['aud_runners'], audience_exclude: ['aud_existing'] },
}
const pkgId = (i: number) => buy.packages[i].packageId

async function change(packages: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  const res = await t.call<{ campaign: Campaign }>('PUT', `/campaigns/${CAMPAIGN}`, {
    mediaBuys: [{ mediaBuyId: buy.mediaBuyId, packages, ...extra }],
  })
  expect(res.error).toBeNull()
  await new Promise((r) => setTimeout(r, 20))
  return buyBy(res.data.campaign, SELLER)
}

/** The packages of the last update_media_buy the seller received for this buy. */
function sentPackages() {
  const updates = sellerRequests<UpdateMediaBuyRequest>(received, 'update_media_buy', buy.mediaBuyId)
  expect(updates.length).toBeGreaterThan(0)
  return updates.at(-1)!.packages
}

describe('what the seller is told about a package change', () => {
  it('every field the buyer changed, under its AdCP name, and nothing else', async () => {
    await change([{ packageId: pkgId(first), ...everything }])
    expect(sentPackages()).toStrictEqual([
      {
        package_id: pkgId(first),
        buyer_ref: pkgId(first),
        budget: 11_000,
        pacing: 'front_loaded',
        bid_price: 14.5,
        start_time: '2026-11-20T00:00:00Z',
        end_time: '2026-12-10T00:00:00Z',
        targeting_overlay: everything.targetingOverlay,
      },
    ])
  })

  const single: [string, string, unknown][] = [
    ['budget', 'budget', 10_000],
    ['pacing', 'pacing', 'asap'],
    ['bidPrice', 'bid_price', 9.25],
    ['startTime', 'start_time', '2026-11-18T00:00:00Z'],
    ['endTime', 'end_time', '2026-12-12T00:00:00Z'],
    ['targetingOverlay', 'targeting_overlay', { audience_include: ['aud_commuters'] }],
  ]
  it.each(single)('a change to %s alone sends only %s', async (field, adcpName, value) => {
    await change([{ packageId: pkgId(second), [field]: value }])
    expect(sentPackages()).toStrictEqual([{ package_id: pkgId(second), buyer_ref: pkgId(second), [adcpName]: value }])
  })
})

describe("a package change's pending version, live → proposed", () => {
  it('lists each changed field of each package, and the buy total over its packages', async () => {
    const after = await change([
      { packageId: pkgId(first), budget: 10_000, pacing: 'asap' },
      { packageId: pkgId(second), bidPrice: 7 },
    ])
    // Live values stay until the seller answers.
    expect(after.packages.map((p) => [p.budget, p.pacing])).toEqual([
      [12_000, 'even'],
      [8_000, 'even'],
    ])
    expect(after.pendingChange?.differences).toStrictEqual({
      budget: { live: 20_000, proposed: 18_000 },
      packages: [
        {
          packageId: pkgId(first),
          budget: { live: 12_000, proposed: 10_000 },
          pacing: { live: 'even', proposed: 'asap' },
        },
        { packageId: pkgId(second), bidPrice: { live: null, proposed: 7 } },
      ],
    })
  })

  it('leaves out a field sent with its live value, and a package with nothing to change', async () => {
    const after = await change([
      { packageId: pkgId(first), budget: 12_000, pacing: 'even' },
      { packageId: pkgId(second), pacing: 'even', bidPrice: 3 },
    ])
    expect(after.pendingChange?.differences).toStrictEqual({
      budget: { live: 20_000, proposed: 20_000 },
      packages: [{ packageId: pkgId(second), bidPrice: { live: null, proposed: 3 } }],
    })
  })

  it('names no budget, creatives or goals when only pacing changes, and no package list when none differs', async () => {
    const paced = await change([{ packageId: pkgId(first), pacing: 'asap' }])
    expect(paced.pendingChange?.differences).toStrictEqual({
      packages: [{ packageId: pkgId(first), pacing: { live: 'even', proposed: 'asap' } }],
    })
    t.sb.tick(7 * 3_600_000) // the seller approves; the next change starts a fresh version
    const same = await change([{ packageId: pkgId(second), pacing: 'even' }])
    expect(same.pendingChange?.differences).toStrictEqual({})
  })

  it("shows the latest of the packages' new end dates as the buy's proposed end", async () => {
    const after = await change([
      { packageId: pkgId(first), endTime: '2026-12-05T00:00:00Z' },
      { packageId: pkgId(second), endTime: '2026-12-11T00:00:00Z' },
    ])
    expect(after.pendingChange?.differences.endTime).toEqual({
      live: buy.endTime,
      proposed: '2026-12-11T00:00:00Z',
    })
    expect(after.endTime).toBe(buy.endTime)
  })

  it("keeps the first change's reason and start when a second change adds to the same version", async () => {
    const opened = await change([{ packageId: pkgId(first), budget: 11_000 }], { updated_reason: 'Rebalance' })
    const since = (opened.pendingChange as { since?: string } | undefined)?.since
    expect(since).toEqual(expect.any(String))
    t.sb.tick(3_600_000) // an hour later, before the seller (six hours) answers
    const merged = await change([{ packageId: pkgId(second), budget: 7_000 }])
    expect(merged.pendingChange).toMatchObject({
      reason: 'Rebalance',
      since,
      differences: {
        budget: { live: 20_000, proposed: 18_000 },
        packages: [
          { packageId: pkgId(first), budget: { live: 12_000, proposed: 11_000 } },
          { packageId: pkgId(second), budget: { live: 8_000, proposed: 7_000 } },
        ],
      },
    })
  })
})

describe('a package change once the seller approves it (D6), and on a paused buy at once', () => {
  /** A package's terms, without its delivery, which moves on with the clock. */
  const terms = (b: Buy, i: number) => {
    const { delivery: _delivery, ...rest } = b.packages[i]
    return rest as Record<string, unknown>
  }

  it('makes every field of the change live, and leaves the other package and the buy as they were', async () => {
    await change([{ packageId: pkgId(first), ...everything }])
    t.sb.tick(7 * 3_600_000) // Summit approves changes after six hours
    const approved = buyBy(await t.campaign(CAMPAIGN), SELLER)
    expect(approved.pendingChange).toBeUndefined()
    expect(terms(approved, first)).toMatchObject(everything)
    expect(terms(approved, second)).toEqual(terms(buy, second))
    expect([approved.startTime, approved.endTime]).toEqual([buy.startTime, buy.endTime])
  })

  it("a budget change alone leaves the package's pacing, bid, dates and targeting as they were", async () => {
    await change([{ packageId: pkgId(first), budget: 9_000 }])
    t.sb.tick(7 * 3_600_000)
    const approved = buyBy(await t.campaign(CAMPAIGN), SELLER)
    expect(approved.pendingChange).toBeUndefined()
    expect(terms(approved, first)).toEqual({ ...terms(buy, first), budget: 9_000 })
  })

  it('a PAUSED buy takes the same package change in place, with no pending version', async () => {
    const id = campaignIdOf(11)
    const paused = buyBy(await t.campaign(id), 'Northwind Exchange')
    expect(paused.status).toBe('PAUSED')
    const target = 0
    const res = await t.call<{ campaign: Campaign }>('PUT', `/campaigns/${id}`, {
      mediaBuys: [
        {
          mediaBuyId: paused.mediaBuyId,
          packages: [{ packageId: paused.packages[target].packageId, ...everything, budget: 1_000 }],
        },
      ],
    })
    expect(res.error).toBeNull()
    const after = buyBy(res.data.campaign, 'Northwind Exchange')
    expect(after.pendingChange).toBeUndefined()
    expect(terms(after, target)).toMatchObject({ ...everything, budget: 1_000 })
  })
})
