// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import type { PacingPeriods as Pacing } from '../../../src/api/schemas/shared-shapes.ts'
import { openSandbox, type Campaign, type TestSandbox } from './helpers.ts'

// CONTRACT §4.2, per-buy pacingPeriods: a DRAFT or PENDING_APPROVAL buy stores the schedule for execute (null clears
// it); an ACTIVE or PAUSED buy takes only a strict append, each new period going out as one new package per product:
// active, paced like the product's packages, budgeted by weight or by the period's stated budget split evenly.

interface PacedBuy {
  mediaBuyId: string
  status: string
  pacingPeriods?: Pacing | null
  packages: {
    packageId: string
    status: string
    budget: number
    pacing?: string
    productIds?: string[]
    pacingPeriod?: { index: number; label?: string }
  }[]
}

const PACED = campaignIdOf(1) // Summer Trail Gear — Always On: paced by weight, two live buys of Northwind and Pinnacle
const extra = { label: 'Extra quarter', start: '2027-01-01', end: '2027-03-31', weight: 2 }

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
})
afterEach(() => t.done())

const buysOf = async (id: string) => (await t.campaign(id)).mediaBuys as unknown as PacedBuy[]
const buyOf = async (id: string, buyId: string) => (await buysOf(id)).find((b) => b.mediaBuyId === buyId)!
const put = (id: string, entry: Record<string, unknown>) =>
  t.call<{ campaign: Campaign }>('PUT', `/campaigns/${id}`, { mediaBuys: [entry] })
const campaignPacing = async (id: string) =>
  ((await t.campaign(id)) as unknown as { pacingPeriods: Pacing }).pacingPeriods
/** The package id a buy's n-th package has: its packages are numbered in order. */
const nth = (buy: PacedBuy, n: number) => `${buy.packages[0].packageId.replace(/_\d+$/, '')}_${n}`

describe('before the seller holds an order', () => {
  it('a DRAFT buy stores the schedule, and null leaves it as if it had never been paced', async () => {
    const id = campaignIdOf(4) // Holiday Gift Guide: DRAFT, four DRAFT buys
    const [draft, other] = await buysOf(id)
    expect(draft.status).toBe('DRAFT')
    expect(other).not.toHaveProperty('pacingPeriods')
    const schedule: Pacing = { mode: 'weight', periods: [extra] }
    expect((await put(id, { mediaBuyId: draft.mediaBuyId, pacingPeriods: schedule })).status).toBe(200)
    expect((await buyOf(id, draft.mediaBuyId)).pacingPeriods).toEqual(schedule)
    expect((await put(id, { mediaBuyId: draft.mediaBuyId, pacingPeriods: null })).status).toBe(200)
    expect(await buyOf(id, draft.mediaBuyId)).not.toHaveProperty('pacingPeriods')
  })
})

describe('on a live buy, a strict append', () => {
  it('adds exactly one package per product for the new period, numbered after the others, active', async () => {
    const [buy] = await buysOf(PACED)
    const current = await campaignPacing(PACED)
    const next: Pacing = { ...current, periods: [...current.periods, extra] }
    expect((await put(PACED, { mediaBuyId: buy.mediaBuyId, pacingPeriods: next })).status).toBe(200)
    const after = await buyOf(PACED, buy.mediaBuyId)
    const products = [...new Set(buy.packages.flatMap((p) => p.productIds ?? []))]
    expect(after.packages).toHaveLength(buy.packages.length + products.length)
    const added = after.packages.slice(buy.packages.length)
    expect(added.map((p) => p.packageId)).toEqual(products.map((_, i) => nth(buy, buy.packages.length + i + 1)))
    for (const p of added) {
      expect(p).toMatchObject({ status: 'active', pacing: 'even', pacingPeriod: { index: next.periods.length } })
    }
  })

  it("a PAUSED buy takes it too, and each new package is paced like its product's packages", async () => {
    expect((await t.call('POST', `/campaigns/${PACED}/pause`)).status).toBe(200)
    const [buy] = await buysOf(PACED)
    expect(buy.status).toBe('PAUSED')
    const [first] = buy.packages
    const product = first.productIds![0]
    // A paused buy takes a package change in place: the product's first package now paces asap.
    const paced = await put(PACED, {
      mediaBuyId: buy.mediaBuyId,
      packages: [{ packageId: first.packageId, pacing: 'asap' }],
    })
    expect(paced.status).toBe(200)
    const current = await campaignPacing(PACED)
    const res = await put(PACED, {
      mediaBuyId: buy.mediaBuyId,
      pacingPeriods: { ...current, periods: [...current.periods, extra] },
    })
    expect(res.status).toBe(200)
    const added = (await buyOf(PACED, buy.mediaBuyId)).packages.slice(buy.packages.length)
    expect(added.map((p) => [p.productIds?.[0], p.pacing])).toEqual(
      [...new Set(buy.packages.flatMap((p) => p.productIds ?? []))].map((id) => [id, id === product ? 'asap' : 'even']),
    )
  })

  it("a budget-mode schedule splits the new period's budget evenly over the buy's products, to the cent", async () => {
    const schedule: Pacing = {
      mode: 'budget',
      periods: [{ label: 'December', start: '2026-11-26', end: '2026-12-26', budget: 30_000 }],
    }
    const created = await t.call<{ campaign: { campaignId: string } }>('POST', '/campaigns', {
      advertiserId: 10421,
      name: 'Budget-paced test',
      mode: 'discovery',
      budget: { total: 30_000 },
      flightDates: { startDate: '2026-11-26T00:00:00Z', endDate: '2026-12-26T00:00:00Z' },
      productIds: ['prod_nw_news_display', 'prod_nw_native', 'prod_nw_ros'],
      pacingPeriods: schedule,
    })
    const id = created.data.campaign.campaignId
    expect((await t.call('POST', `/campaigns/${id}/execute`, {})).status).toBe(200)
    const [buy] = await buysOf(id)
    expect(buy.status).toBe('ACTIVE') // Northwind approves orders at once
    const next: Pacing = {
      mode: 'budget',
      periods: [...schedule.periods, { label: 'January', start: '2027-01-01', end: '2027-01-31', budget: 1_000 }],
    }
    expect((await put(id, { mediaBuyId: buy.mediaBuyId, pacingPeriods: next })).status).toBe(200)
    const added = (await buyOf(id, buy.mediaBuyId)).packages.filter((p) => p.pacingPeriod?.index === 2)
    expect(added.map((p) => p.budget)).toEqual([333.33, 333.33, 333.33])
  })

  it('a buy the seller holds in any other status refuses it, naming the status', async () => {
    const id = campaignIdOf(10) // Atelier Soldes d'Hiver: COMPLETED buys
    const [done] = await buysOf(id)
    expect(done.status).toBe('COMPLETED')
    const res = await put(id, { mediaBuyId: done.mediaBuyId, pacingPeriods: { mode: 'weight', periods: [extra] } })
    expect(res.error).toMatchObject({
      code: 'INVALID_STATE',
      message: 'Pacing periods cannot change while the buy is COMPLETED',
      field: 'mediaBuys.0.pacingPeriods',
    })
  })
})
