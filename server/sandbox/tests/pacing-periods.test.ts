// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSandbox, type TestSandbox } from './helpers.ts'
import type { PacingPeriods as Pacing } from '../../../src/api/schemas/shared-shapes.ts'

// A buy's pacing periods: replaced freely before the seller holds an order; on a live buy only a strict append of new
// periods, which go out as new packages (one per product and period); refused in every other status.

const PACED = 'cmp_100000001' // Summer Trail Gear — Always On: paced by quarters, live
const UNPACED = 'cmp_100000002' // Trailhead Video Launch: live, no pacing periods

interface PacedBuy {
  mediaBuyId: string
  status: string
  pacingPeriods?: Pacing | null
  packages: {
    packageId: string
    productIds?: string[]
    budget: number
    startTime?: string
    endTime?: string
    pacingPeriod?: { index: number; label?: string }
  }[]
}

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
})
afterEach(() => t.done())

async function buysOf(campaignId: string): Promise<PacedBuy[]> {
  return (await t.campaign(campaignId)).mediaBuys as unknown as PacedBuy[]
}

async function liveBuy(campaignId: string): Promise<PacedBuy> {
  return (await buysOf(campaignId)).find((b) => b.status === 'ACTIVE' && b.packages.length > 0)!
}

/** The periods a buy follows: its own, or the campaign's it was executed with. */
async function pacingOf(campaignId: string, buy: PacedBuy): Promise<Pacing> {
  const campaign = (await t.campaign(campaignId)) as unknown as { pacingPeriods?: Pacing | null }
  return (buy.pacingPeriods ?? campaign.pacingPeriods)!
}

const nextQuarter: Pacing['periods'][number] = {
  label: 'Extra quarter',
  start: '2027-01-01',
  end: '2027-03-31',
  weight: 2,
}

async function sendPacing(campaignId: string, mediaBuyId: string, pacingPeriods: Pacing | null) {
  return t.call('PUT', `/campaigns/${campaignId}`, { mediaBuys: [{ mediaBuyId, pacingPeriods }] })
}

async function refusedOnPacing(campaignId: string, buy: PacedBuy, pacing: Pacing | null, message: RegExp) {
  const before = await t.campaign(campaignId)
  const res = await sendPacing(campaignId, buy.mediaBuyId, pacing)
  expect(res.status).toBe(400)
  expect(res.error?.code).toBe('INVALID_STATE')
  expect(res.error?.field).toBe('mediaBuys.0.pacingPeriods')
  expect(res.error?.message).toMatch(message)
  const after = await t.campaign(campaignId)
  expect(after.revision).toBe(before.revision)
  const stored = (after.mediaBuys as unknown as PacedBuy[]).find((b) => b.mediaBuyId === buy.mediaBuyId)!
  expect(stored.pacingPeriods).toEqual(buy.pacingPeriods)
  expect(stored.packages).toHaveLength(buy.packages.length)
}

describe('pacing periods on a live buy', () => {
  it('appends a period as one new package per product, budgeted by the weight against the average', async () => {
    const buy = await liveBuy(PACED)
    const current = await pacingOf(PACED, buy)
    expect(current.periods.length).toBeGreaterThan(0)
    const next: Pacing = { ...current, periods: [...current.periods, nextQuarter] }
    const res = await sendPacing(PACED, buy.mediaBuyId, next)
    expect(res.status).toBe(200)

    const after = (await buysOf(PACED)).find((b) => b.mediaBuyId === buy.mediaBuyId)!
    expect(after.pacingPeriods).toEqual(next)
    const added = after.packages.filter((p) => p.pacingPeriod?.index === next.periods.length)
    const products = [...new Set(buy.packages.flatMap((p) => p.productIds ?? []))]
    expect(added).toHaveLength(products.length)
    const avgWeight = current.periods.reduce((a, p) => a + (p.weight ?? 1), 0) / current.periods.length
    for (const pkg of added) {
      expect(pkg.pacingPeriod).toEqual({ index: next.periods.length, label: 'Extra quarter' })
      expect(pkg.startTime).toBe('2027-01-01T00:00:00Z')
      expect(pkg.endTime).toBe('2027-03-31T23:59:59Z')
      const own = buy.packages.filter((p) => p.productIds?.[0] === pkg.productIds?.[0])
      const avg = own.reduce((a, p) => a + p.budget, 0) / own.length
      expect(pkg.budget).toBe(Math.floor(avg * (2 / avgWeight) * 100) / 100)
    }
  })

  it('refuses anything but a strict append, and changes nothing', async () => {
    const buy = await liveBuy(PACED)
    const current = await pacingOf(PACED, buy)
    const [first, ...rest] = current.periods
    const strict = /only a strict append/
    // The same periods again, nothing new.
    await refusedOnPacing(PACED, buy, current, strict)
    // An existing period changed while one is added.
    const relabelled = { ...current, periods: [{ ...first, label: 'Renamed' }, ...rest, nextQuarter] }
    await refusedOnPacing(PACED, buy, relabelled, strict)
    await refusedOnPacing(
      PACED,
      buy,
      { ...current, periods: [{ ...first, start: '2020-01-01' }, ...rest, nextQuarter] },
      strict,
    )
    await refusedOnPacing(
      PACED,
      buy,
      { ...current, periods: [{ ...first, end: '2030-01-01' }, ...rest, nextQuarter] },
      strict,
    )
    // Another mode.
    const mode = current.mode === 'weight' ? 'budget' : 'weight'
    await refusedOnPacing(PACED, buy, { mode, periods: [...current.periods, nextQuarter] }, strict)
  })

  it('refuses pacing on a live buy that was never paced, and removing it from one that is', async () => {
    const unpaced = await liveBuy(UNPACED)
    expect(unpaced.pacingPeriods ?? null).toBeNull()
    await refusedOnPacing(UNPACED, unpaced, { mode: 'weight', periods: [nextQuarter] }, /already paced/)
    await refusedOnPacing(PACED, await liveBuy(PACED), null, /already paced/)
  })

  it('refuses a change while the seller waits on the buyer', async () => {
    const campaignId = 'cmp_100000005' // Lumen Wellness Awareness CTV: Harbor Streaming asks for more budget
    const buy = (await buysOf(campaignId)).find((b) => b.status === 'INPUT_REQUIRED')!
    const next: Pacing = { mode: 'weight', periods: [nextQuarter] }
    await refusedOnPacing(campaignId, buy, next, /cannot change while the buy is INPUT_REQUIRED/)
  })
})

describe('pacing periods before the seller holds an order', () => {
  it('replaces them whole on a buy waiting for approval, and clears them with null', async () => {
    let found: { campaignId: string; buy: PacedBuy } | undefined
    for (let n = 1; n <= 30 && !found; n++) {
      const campaignId = `cmp_1000000${String(n).padStart(2, '0')}`
      const buy = (await buysOf(campaignId)).find((b) => b.status === 'PENDING_APPROVAL')
      if (buy) found = { campaignId, buy }
    }
    expect(found, 'a demo buy waits for its seller’s approval').toBeDefined()
    const { campaignId, buy } = found!
    const replaced: Pacing = { mode: 'budget', periods: [{ ...nextQuarter, budget: 1000 }] }
    expect((await sendPacing(campaignId, buy.mediaBuyId, replaced)).status).toBe(200)
    const stored = async () => (await buysOf(campaignId)).find((b) => b.mediaBuyId === buy.mediaBuyId)!
    expect((await stored()).pacingPeriods).toEqual(replaced)
    expect((await sendPacing(campaignId, buy.mediaBuyId, null)).status).toBe(200)
    expect((await stored()).pacingPeriods ?? null).toBeNull()
  })
})
