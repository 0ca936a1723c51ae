// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { SimulatedAgent } from '../agents/simulated-agent.ts'
import type { CreateMediaBuyRequest } from '../agents/adcp.ts'
import { buyBy, openSandbox, type Buy, type Campaign, type TestSandbox, sellerRequests } from './helpers.ts'

// CONTRACT §4.2 for products[]: what a buy's products take before its seller has it, what they refuse (the code, the
// words a buyer reads, the field to point at), and D3 for the budgets they are given while the total is lowered.

const received = vi.spyOn(SimulatedAgent.prototype, 'handle')

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
  received.mockClear()
})
afterEach(() => t.done())

const put = (campaignId: string, entry: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  t.call<{ campaign: Campaign; warnings?: string[] }>('PUT', `/campaigns/${campaignId}`, {
    mediaBuys: [entry],
    ...extra,
  })

async function refused(
  campaignId: string,
  entry: Record<string, unknown>,
  expected: { code: string; message: string; field: string },
) {
  const before = await t.campaign(campaignId)
  const res = await put(campaignId, entry)
  expect(res.status).toBe(400)
  expect(res.error).toMatchObject(expected)
  expect(await t.campaign(campaignId)).toEqual(before)
}

async function accepted(campaignId: string, entry: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = await put(campaignId, entry, extra)
  expect(res.error).toBeNull()
  return res.data.campaign.mediaBuys.find((b) => b.mediaBuyId === entry.mediaBuyId)!
}

/** A seller's push takes a buy into review before the platform recorded its order (no forward, no seller id). */
async function intoReview(campaignId: string, buyId: string): Promise<Buy> {
  const hook = await t.control('POST', '/webhooks/adcp', {
    task_id: `task_review_${buyId}`,
    task_type: 'create_media_buy',
    status: 'submitted',
    timestamp: '2026-11-25T12:00:00Z',
    result: { buyer_ref: buyId },
  })
  expect(hook.status).toBe(200)
  const buy = (await t.campaign(campaignId)).mediaBuys.find((b) => b.mediaBuyId === buyId)!
  expect(buy.status).toBe('PENDING_APPROVAL')
  return buy
}

const DRAFTS = campaignIdOf(4) // four DRAFT buys; Northwind's holds prod_nw_news_display

describe('products[]: budgets while the buy has not reached its seller, the product list only while DRAFT', () => {
  it('a buy in review that was never executed takes budget changes but refuses adding or removing products', async () => {
    const draft = buyBy(await t.campaign(DRAFTS), 'Northwind Exchange')
    const buy = await intoReview(DRAFTS, draft.mediaBuyId)
    const [own] = buy.products.map((p) => p.productId)
    const message = 'Products can only be added or removed while the buy is a DRAFT'
    const keep = { productId: own, budget: 9_000 }
    await refused(
      DRAFTS,
      { mediaBuyId: buy.mediaBuyId, products: [keep, { productId: 'prod_nw_ros', budget: 100 }] },
      { code: 'INVALID_STATE', message, field: 'mediaBuys.0.products.1' },
    )
    await refused(
      DRAFTS,
      { mediaBuyId: buy.mediaBuyId, products: [{ productId: own, remove: true }] },
      { code: 'INVALID_STATE', message, field: 'mediaBuys.0.products.0' },
    )
    const after = await accepted(DRAFTS, { mediaBuyId: buy.mediaBuyId, products: [keep] })
    expect(after.products.map((p) => [p.productId, p.budget])).toEqual([[own, 9_000]])
  })

  it('a buy in review whose seller already returned packages refuses product changes', async () => {
    const c = await t.campaign(campaignIdOf(19))
    const failed = c.mediaBuys.find((b) => b.status === 'FAILED')!
    expect(failed.packages.length).toBeGreaterThan(0)
    const buy = await intoReview(c.campaignId, failed.mediaBuyId)
    const res = await put(c.campaignId, {
      mediaBuyId: buy.mediaBuyId,
      products: [{ productId: buy.products[0].productId, budget: 100 }],
    })
    expect(res.status).toBe(400)
    expect(res.error).toMatchObject({ code: 'INVALID_STATE', field: 'mediaBuys.0.products' })
  })

  it("refuses a product another sales agent sells, in the buyer's words", async () => {
    const buy = buyBy(await t.campaign(DRAFTS), 'Northwind Exchange')
    await refused(
      DRAFTS,
      { mediaBuyId: buy.mediaBuyId, products: [{ productId: 'prod_mp_preroll', budget: 10 }] },
      {
        code: 'VALIDATION_ERROR',
        message: "Product prod_mp_preroll is not sold by this buy's sales agent",
        field: 'mediaBuys.0.products.0.productId',
      },
    )
  })

  it("stores each of a product's budget, pacing and bid as sent, and keeps the ones not sent", async () => {
    const buy = buyBy(await t.campaign(DRAFTS), 'Northwind Exchange')
    const productId = buy.products[0].productId
    const change = async (p: Record<string, unknown>) =>
      (await accepted(DRAFTS, { mediaBuyId: buy.mediaBuyId, products: [{ productId, ...p }] })).products[0]
    expect(await change({ budget: 9_000, pacing: 'asap', bidPrice: 4.5 })).toMatchObject({
      budget: 9_000,
      pacing: 'asap',
      bidPrice: 4.5,
    })
    expect(await change({ pacing: 'even' })).toMatchObject({ budget: 9_000, pacing: 'even', bidPrice: 4.5 })
    expect(await change({ budget: 8_000 })).toMatchObject({ budget: 8_000, pacing: 'even', bidPrice: 4.5 })
    expect(await change({ bidPrice: 6 })).toMatchObject({ budget: 8_000, pacing: 'even', bidPrice: 6 })
  })

  it('products added with their budgets while the total is lowered keep them; the rest is scaled into what is left', async () => {
    const buy = buyBy(await t.campaign(DRAFTS), 'Northwind Exchange')
    const res = await put(
      DRAFTS,
      {
        mediaBuyId: buy.mediaBuyId,
        products: [
          { productId: 'prod_nw_ros', budget: 1_000 },
          { productId: 'prod_nw_native', budget: 300 },
        ],
      },
      { budget: { total: 11_300 } },
    )
    expect(res.error).toBeNull()
    const products = res.data.campaign.mediaBuys.flatMap((b) => b.products)
    expect(products.find((p) => p.productId === 'prod_nw_ros')?.budget).toBe(1_000)
    expect(products.find((p) => p.productId === 'prod_nw_native')?.budget).toBe(300)
    const total = products.reduce((a, p) => a + (p.budget ?? 0), 0)
    expect(total).toBeLessThanOrEqual(11_300)
    expect(total).toBeGreaterThan(11_000)
  })

  it('a product added without a budget starts at zero and scales nothing', async () => {
    const before = await t.campaign(DRAFTS)
    const buy = buyBy(before, 'Northwind Exchange')
    const res = await put(DRAFTS, { mediaBuyId: buy.mediaBuyId, products: [{ productId: 'prod_nw_ros' }] })
    expect(res.error).toBeNull()
    expect(res.data.warnings).toBeUndefined()
    const budgets = (c: Campaign) => c.mediaBuys.flatMap((b) => b.products.map((p) => [p.productId, p.budget]))
    expect(budgets(res.data.campaign)).toEqual([
      ...budgets(before).slice(0, buy.products.length),
      ['prod_nw_ros', 0],
      ...budgets(before).slice(buy.products.length),
    ])
  })

  it('the pricing option the buyer chose is the one its seller is asked for, after a later budget change', async () => {
    const buy = buyBy(await t.campaign(DRAFTS), 'Northwind Exchange')
    const productId = buy.products[0].productId
    await accepted(DRAFTS, { mediaBuyId: buy.mediaBuyId, products: [{ productId, pricingOptionId: 'po_buyer_pick' }] })
    await accepted(DRAFTS, { mediaBuyId: buy.mediaBuyId, products: [{ productId, budget: 9_000 }] })
    await t.call('POST', `/campaigns/${DRAFTS}/execute`)
    const [created] = sellerRequests<CreateMediaBuyRequest>(received, 'create_media_buy', buy.mediaBuyId)
    expect(created?.packages.map((p) => [p.product_id, p.budget, p.pricing_option_id])).toEqual([
      [productId, 9_000, 'po_buyer_pick'],
    ])
  })
})
