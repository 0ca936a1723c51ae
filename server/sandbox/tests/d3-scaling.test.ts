// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { buyBy, openSandbox, type Campaign, type TestSandbox } from './helpers.ts'

// CONTRACT D3 within one request: what the allocation is once the request's own cancels and additions are counted,
// and that only a lower total scales package budgets (an unchanged or raised one refuses an overflow instead).

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
}, 60_000)
afterEach(() => t.done())

const put = (id: string, body: unknown) =>
  t.call<{ campaign: Campaign; warnings?: string[] }>('PUT', `/campaigns/${id}`, body)
const packageBudgets = (c: Campaign) => c.mediaBuys.map((b) => b.packages.map((p) => p.budget))
const productBudgets = (c: Campaign) => c.mediaBuys.map((b) => b.products.map((p) => p.budget))

describe('D3: budget canceled in the same request no longer counts', () => {
  it('a buy canceled with the lower total: the other buys already fit, so nothing is scaled', async () => {
    const c = await t.campaign(campaignIdOf(15)) // Northwind 10,000, Harbor 25,000, Cobalt 15,000
    const cobalt = buyBy(c, 'Cobalt Social')
    const res = await put(c.campaignId, {
      budget: { total: 35_000 },
      mediaBuys: [{ mediaBuyId: cobalt.mediaBuyId, action: 'cancel' }],
    })
    expect(res.error).toBeNull()
    expect(res.data.warnings ?? []).toEqual([])
    const after = await t.campaign(c.campaignId)
    expect(after.budget.total).toBe(35_000)
    expect(packageBudgets(after)).toEqual(packageBudgets(c))
  })

  it('a package canceled with the lower total: the other package already fits, so it keeps its budget', async () => {
    const c = await t.campaign(campaignIdOf(9)) // Summit: 12,000 and 8,000
    const summit = buyBy(c, 'Summit Audio Network')
    const res = await put(c.campaignId, {
      budget: { total: 12_000 },
      mediaBuys: [{ mediaBuyId: summit.mediaBuyId, action: 'cancel', packageIds: [summit.packages[1].packageId] }],
    })
    expect(res.error).toBeNull()
    expect(res.data.warnings ?? []).toEqual([])
    const after = buyBy(await t.campaign(c.campaignId), 'Summit Audio Network')
    expect(after.packages.map((p) => [p.status, p.budget])).toEqual([
      ['active', 12_000],
      ['canceled', 8_000],
    ])
  })
})

describe('D3: a product added to a draft with a budget counts', () => {
  // Holiday Gift Guide: total 30,000; its four drafts hold 14,000 + 600 + 5,000 + 3,000 = 22,600.
  const CAMPAIGN = campaignIdOf(4)
  const addToNorthwind = async (budget: number, total?: number) => {
    const c = await t.campaign(CAMPAIGN)
    const draft = buyBy(c, 'Northwind Exchange')
    expect(draft.products.map((p) => p.productId)).toEqual(['prod_nw_news_display'])
    const body = {
      ...(total === undefined ? {} : { budget: { total } }),
      mediaBuys: [{ mediaBuyId: draft.mediaBuyId, products: [{ productId: 'prod_nw_native', budget }] }],
    }
    return { c, res: await put(CAMPAIGN, body) }
  }

  it('past the unchanged total it is refused on budget.total, and nothing changes', async () => {
    const { c, res } = await addToNorthwind(10_000)
    expect(res.status).toBe(409)
    expect(res.error).toMatchObject({
      code: 'INSUFFICIENT_MEDIA_BUDGET',
      field: 'budget.total',
      message: `The package budgets (32600.00 ${c.budget.currency}) exceed the campaign budget of 30000.00 ${c.budget.currency}`,
      details: { requestedTotal: 30_000, minimumAllowedBudget: 32_600 },
    })
    expect(await t.campaign(CAMPAIGN)).toEqual(c)
  })

  it('with a lower total, it keeps its amount and the other drafts share what is left', async () => {
    const { c, res } = await addToNorthwind(5_000, 25_000)
    expect(res.error).toBeNull()
    // 20,000 is left for the drafts' 22,600: each is scaled by 20,000 / 22,600, rounded down to the cent.
    expect(res.data.warnings).toEqual([
      `Package budgets were scaled by 88.50% to fit the new campaign budget of 25000.00 ${c.budget.currency}.`,
    ])
    const after = await t.campaign(CAMPAIGN)
    expect(productBudgets(after)).toEqual([[12_389.38, 5_000], [530.97], [4_424.77], [2_654.86]])
  })
})

describe('D3: only a lower total scales', () => {
  // Verdant E-Scooter Launch: total 60,000; Northwind 10,000, Harbor 25,000, Cobalt 15,000.
  it.each([
    ['the same total', 60_000],
    ['a higher total', 62_000],
  ])('explicit budgets past %s are refused on budget.total, not scaled into it', async (_what, total) => {
    const c = await t.campaign(campaignIdOf(15))
    const northwind = buyBy(c, 'Northwind Exchange')
    const res = await put(c.campaignId, {
      budget: { total },
      mediaBuys: [
        {
          mediaBuyId: northwind.mediaBuyId,
          packages: [{ packageId: northwind.packages[0].packageId, budget: 25_000 }],
        },
      ],
    })
    expect(res.status).toBe(409)
    expect(res.error).toMatchObject({
      code: 'INSUFFICIENT_MEDIA_BUDGET',
      field: 'budget.total',
      details: { requestedTotal: total, committedAllocation: 50_000, minimumAllowedBudget: 65_000 },
    })
    expect(await t.campaign(c.campaignId)).toEqual(c)
  })
})
