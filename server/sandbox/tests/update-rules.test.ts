// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { SimulatedAgent } from '../agents/simulated-agent.ts'
import type { UpdateMediaBuyRequest } from '../agents/adcp.ts'
import { buyBy, DAY, HOUR, openSandbox, type Campaign, type TestSandbox, sellerRequests } from './helpers.ts'

const received = vi.spyOn(SimulatedAgent.prototype, 'handle')

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
  received.mockClear()
})
afterEach(() => t.done())

/** The update_media_buy requests the sellers handled, by the buy they name (buyer_ref). */
const sellerUpdates = (buyId?: string) => sellerRequests<UpdateMediaBuyRequest>(received, 'update_media_buy', buyId)

const put = (id: string, body: unknown) =>
  t.call<{ campaign: Campaign; warnings?: string[] }>('PUT', `/campaigns/${id}`, body)

async function refused(id: string, body: unknown, expected: { status: number; code: string; field?: string }) {
  const before = await t.campaign(id)
  const res = await put(id, body)
  expect(res.status).toBe(expected.status)
  expect(res.error).toMatchObject({ code: expected.code, ...(expected.field ? { field: expected.field } : {}) })
  // Atomic: a refused request changes nothing.
  expect(await t.campaign(id)).toEqual(before)
  return res
}

describe('CONTRACT §4.2: products[] only before the buy reaches its seller', () => {
  it('refuses products[] on an ACTIVE buy with INVALID_STATE', async () => {
    const c = await t.campaign(campaignIdOf(1))
    const buy = buyBy(c, 'Northwind Exchange')
    await refused(
      c.campaignId,
      {
        mediaBuys: [{ mediaBuyId: buy.mediaBuyId, products: [{ productId: buy.products[0].productId, budget: 100 }] }],
      },
      { status: 400, code: 'INVALID_STATE', field: 'mediaBuys.0.products' },
    )
  })

  it('changes, adds and removes products on a DRAFT buy', async () => {
    const c = await t.campaign(campaignIdOf(4))
    const buy = buyBy(c, 'Northwind Exchange')
    const res = await put(c.campaignId, {
      mediaBuys: [
        {
          mediaBuyId: buy.mediaBuyId,
          products: [
            { productId: 'prod_nw_news_display', budget: 9000, pacing: 'asap' },
            { productId: 'prod_nw_ros', budget: 2000 },
          ],
        },
      ],
    })
    expect(res.status).toBe(200)
    const after = res.data.campaign.mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId)!
    expect(after.products.map((p) => [p.productId, p.budget])).toEqual([
      ['prod_nw_news_display', 9000],
      ['prod_nw_ros', 2000],
    ])
    const removed = await put(c.campaignId, {
      mediaBuys: [{ mediaBuyId: buy.mediaBuyId, products: [{ productId: 'prod_nw_ros', remove: true }] }],
    })
    expect(removed.data.campaign.mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId)!.products).toHaveLength(1)
  })

  it('refuses a product sold by another agent', async () => {
    const c = await t.campaign(campaignIdOf(4))
    const buy = buyBy(c, 'Northwind Exchange')
    await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, products: [{ productId: 'prod_mp_preroll', budget: 10 }] }] },
      { status: 400, code: 'VALIDATION_ERROR', field: 'mediaBuys.0.products.0.productId' },
    )
  })

  it('allows budget changes but not new products on a PENDING_APPROVAL buy that was never executed', async () => {
    const c = await t.campaign(campaignIdOf(8))
    const buy = buyBy(c, 'Meridian Premium Direct')
    expect(buy.status).toBe('PENDING_APPROVAL')
    // This one was forwarded to its seller, so products are closed.
    await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, products: [{ productId: 'prod_mp_finance', budget: 100 }] }] },
      { status: 400, code: 'INVALID_STATE', field: 'mediaBuys.0.products' },
    )
  })
})

describe('CONTRACT §4.2: packages[] only on ACTIVE, PAUSED, COMPLETED and INPUT_REQUIRED buys', () => {
  it('refuses packages[] on a DRAFT buy', async () => {
    const c = await t.campaign(campaignIdOf(4))
    const buy = buyBy(c, 'Northwind Exchange')
    await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, packages: [{ packageId: 'x', budget: 1 }] }] },
      { status: 400, code: 'INVALID_STATE', field: 'mediaBuys.0.packages' },
    )
  })

  it('refuses packages[] on a PENDING_APPROVAL buy', async () => {
    const c = await t.campaign(campaignIdOf(17))
    const buy = c.mediaBuys[0]
    await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, packages: [{ packageId: buy.packages[0].packageId, budget: 1 }] }] },
      { status: 400, code: 'INVALID_STATE', field: 'mediaBuys.0.packages' },
    )
  })

  it('applies packages[] in place on a PAUSED buy and bumps revision and updatedAt', async () => {
    const c = await t.campaign(campaignIdOf(11))
    const buy = buyBy(c, 'Northwind Exchange')
    expect(buy.status).toBe('PAUSED')
    const res = await put(c.campaignId, {
      mediaBuys: [
        {
          mediaBuyId: buy.mediaBuyId,
          packages: [{ packageId: buy.packages[0].packageId, budget: 14_000, pacing: 'asap' }],
        },
      ],
    })
    expect(res.status).toBe(200)
    const pkg = res.data.campaign.mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId)!.packages[0]
    expect(pkg.budget).toBe(14_000)
    expect(res.data.campaign.revision).toBe(c.revision + 1)
    expect(res.data.campaign.updatedAt).not.toBe(c.updatedAt)
  })

  it('refuses an unknown package id at its index', async () => {
    const c = await t.campaign(campaignIdOf(11))
    const buy = buyBy(c, 'Northwind Exchange')
    await refused(
      c.campaignId,
      {
        mediaBuys: [
          {
            mediaBuyId: buy.mediaBuyId,
            packages: [
              { packageId: buy.packages[0].packageId, budget: 10 },
              { packageId: 'pkg_nope', budget: 10 },
            ],
          },
        ],
      },
      { status: 400, code: 'VALIDATION_ERROR', field: 'mediaBuys.0.packages.1.packageId' },
    )
  })

  it('refuses any update on a REJECTED buy', async () => {
    const c = await t.campaign(campaignIdOf(6))
    const buy = buyBy(c, 'Summit Audio Network')
    expect(buy.status).toBe('REJECTED')
    await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, name: 'renamed' }] },
      { status: 400, code: 'INVALID_STATE' },
    )
  })
})

describe('CONTRACT §4.2: cancel and delete', () => {
  it('refuses cancel on a DRAFT buy (use delete)', async () => {
    const c = await t.campaign(campaignIdOf(4))
    const res = await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: c.mediaBuys[0].mediaBuyId, action: 'cancel' }] },
      { status: 400, code: 'INVALID_STATE', field: 'mediaBuys.0.action' },
    )
    expect(res.error?.message).toMatch(/archive/i)
  })

  it('refuses cancel on a COMPLETED buy', async () => {
    const c = await t.campaign(campaignIdOf(10))
    expect(c.mediaBuys[0].status).toBe('COMPLETED')
    await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: c.mediaBuys[0].mediaBuyId, action: 'cancel' }] },
      { status: 400, code: 'INVALID_STATE' },
    )
  })

  it('cancels an ACTIVE buy and deletes (archives) a DRAFT one', async () => {
    const active = await t.campaign(campaignIdOf(5))
    const nw = buyBy(active, 'Northwind Exchange')
    const res = await put(active.campaignId, {
      mediaBuys: [{ mediaBuyId: nw.mediaBuyId, action: 'cancel', reason: 'Creative refresh' }],
    })
    expect(res.data.campaign.mediaBuys.find((b) => b.mediaBuyId === nw.mediaBuyId)!.status).toBe('CANCELED')
    const draft = await t.campaign(campaignIdOf(4))
    const del = await put(draft.campaignId, {
      mediaBuys: [{ mediaBuyId: draft.mediaBuys[0].mediaBuyId, action: 'delete' }],
    })
    expect(del.data.campaign.mediaBuys[0].status).toBe('ARCHIVED')
  })

  it('cancels only the packages named in packageIds', async () => {
    const c = await t.campaign(campaignIdOf(1))
    const buy = buyBy(c, 'Northwind Exchange')
    const [first, second, ...rest] = buy.packages.map((p) => p.packageId)
    const res = await put(c.campaignId, {
      mediaBuys: [{ mediaBuyId: buy.mediaBuyId, action: 'cancel', packageIds: [first, second] }],
    })
    const after = res.data.campaign.mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId)!
    expect(after.status).toBe('ACTIVE')
    expect(after.packages.filter((p) => p.status === 'canceled').map((p) => p.packageId)).toEqual([first, second])
    expect(after.packages.filter((p) => rest.includes(p.packageId)).every((p) => p.status === 'active')).toBe(true)
  })

  it("refuses packageIds that are not the buy's at their index", async () => {
    const c = await t.campaign(campaignIdOf(1))
    const buy = buyBy(c, 'Northwind Exchange')
    await refused(
      c.campaignId,
      {
        mediaBuys: [
          { mediaBuyId: buy.mediaBuyId, action: 'cancel', packageIds: [buy.packages[0].packageId, 'pkg_other'] },
        ],
      },
      { status: 400, code: 'VALIDATION_ERROR', field: 'mediaBuys.0.packageIds.1' },
    )
  })
})

describe('strict mediaBuys[] items', () => {
  it('refuses an unknown key on an item, naming it', async () => {
    const c = await t.campaign(campaignIdOf(1))
    await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: c.mediaBuys[0].mediaBuyId, budget: 5 }] },
      { status: 400, code: 'VALIDATION_ERROR', field: 'mediaBuys.0.budget' },
    )
  })

  it('refuses an unknown key on a package item', async () => {
    const c = await t.campaign(campaignIdOf(1))
    await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: c.mediaBuys[0].mediaBuyId, packages: [{ packageId: 'x', creative_ids: [] }] }] },
      { status: 400, code: 'VALIDATION_ERROR', field: 'mediaBuys.0.packages.0.creative_ids' },
    )
  })

  it('refuses creative_ids with cancel or delete', async () => {
    const c = await t.campaign(campaignIdOf(1))
    await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: c.mediaBuys[0].mediaBuyId, action: 'cancel', creative_ids: [] }] },
      { status: 400, code: 'VALIDATION_ERROR', field: 'mediaBuys.0.creative_ids' },
    )
  })
})

describe('creative_ids (CONTRACT §9.2)', () => {
  it('refuses an id not linked to the campaign at its index', async () => {
    const c = await t.campaign(campaignIdOf(1))
    const buy = buyBy(c, 'Pinnacle Retail Media')
    const own = buy.creatives[0].creativeId
    const other = (await t.campaign(campaignIdOf(3))).campaignId
    const foreign = (await t.call<{ manifests: { creative_id: string }[] }>('GET', `/campaigns/${other}/creatives`))
      .data.manifests[0].creative_id
    await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, creative_ids: [own, foreign] }] },
      { status: 400, code: 'VALIDATION_ERROR', field: 'mediaBuys.0.creative_ids.1' },
    )
  })

  it("refuses a creative whose format the buy's products do not accept", async () => {
    const c = await t.campaign(campaignIdOf(5))
    const harbor = buyBy(c, 'Harbor Streaming')
    const manifests = (
      await t.call<{ manifests: { creative_id: string; format_kind: string }[] }>(
        'GET',
        `/campaigns/${c.campaignId}/creatives`,
      )
    ).data.manifests
    const native = manifests.find((m) => m.format_kind === 'native_in_feed')!.creative_id
    const res = await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: harbor.mediaBuyId, creative_ids: [native] }] },
      { status: 400, code: 'VALIDATION_ERROR', field: 'mediaBuys.0.creative_ids.0' },
    )
    expect(res.error?.message).toMatch(/format/)
  })

  it('[] clears the creatives, and an explicit list overrides auto-sync', async () => {
    const c = await t.campaign(campaignIdOf(11))
    const buy = buyBy(c, 'Northwind Exchange')
    expect(buy.creatives.length).toBeGreaterThan(0)
    const cleared = await put(c.campaignId, { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, creative_ids: [] }] })
    const after = cleared.data.campaign.mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId)!
    expect(after.creatives).toEqual([])
    expect(after.creativeIds).toEqual([])
    const one = buy.creatives[0].creativeId
    const set = await put(c.campaignId, { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, creative_ids: [one] }] })
    expect(
      set.data.campaign.mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId)!.creatives.map((x) => x.creativeId),
    ).toEqual([one])
  })
})

describe('D3: lowering the campaign budget scales live package budgets', () => {
  it('scales every live package by newTotal / allocation, rounded down to the cent', async () => {
    const c = await t.campaign(campaignIdOf(15))
    const live = c.mediaBuys
      .filter((b) => !['CANCELED', 'ARCHIVED', 'COMPLETED', 'REJECTED', 'FAILED'].includes(b.status))
      .flatMap((b) => b.packages.filter((p) => p.status !== 'canceled'))
    const allocation = live.reduce((s, p) => s + p.budget, 0)
    expect(allocation).toBe(50_000)
    const res = await put(c.campaignId, { budget: { total: 33_333.33 } })
    expect(res.status).toBe(200)
    expect(res.data.warnings?.[0]).toMatch(/scaled/)
    const after = res.data.campaign.mediaBuys.flatMap((b) => b.packages)
    for (const p of live) {
      const scaled = after.find((x) => x.packageId === p.packageId)!.budget
      expect(scaled).toBe(Math.floor(p.budget * (33_333.33 / allocation) * 100 + 1e-6) / 100)
    }
    const sum = after.reduce((s, p) => s + Math.round(p.budget * 100), 0) / 100
    expect(sum).toBeLessThanOrEqual(33_333.33)
    expect(res.data.campaign.budget.total).toBe(33_333.33)
  })

  it('applies explicit package budgets as given and scales the rest into what is left', async () => {
    const c = await t.campaign(campaignIdOf(15))
    const harbor = buyBy(c, 'Harbor Streaming')
    const res = await put(c.campaignId, {
      budget: { total: 30_000 },
      mediaBuys: [
        { mediaBuyId: harbor.mediaBuyId, packages: [{ packageId: harbor.packages[0].packageId, budget: 20_000 }] },
      ],
    })
    expect(res.status).toBe(200)
    const after = res.data.campaign
    // Harbor's ACTIVE buy keeps its live budget and carries the explicit amount as a pending change (D6).
    expect(buyBy(after, 'Harbor Streaming').pendingChange?.differences.budget).toEqual({
      live: 25_000,
      proposed: 20_000,
    })
    const others = after.mediaBuys.filter((b) => b.mediaBuyId !== harbor.mediaBuyId).flatMap((b) => b.packages)
    expect(others.reduce((s, p) => s + p.budget, 0)).toBeLessThanOrEqual(10_000)
  })

  it('answers 409 INSUFFICIENT_MEDIA_BUDGET when explicit budgets alone exceed the new total, and changes nothing', async () => {
    const c = await t.campaign(campaignIdOf(15))
    const harbor = buyBy(c, 'Harbor Streaming')
    const res = await refused(
      c.campaignId,
      {
        budget: { total: 10_000 },
        mediaBuys: [
          { mediaBuyId: harbor.mediaBuyId, packages: [{ packageId: harbor.packages[0].packageId, budget: 12_000 }] },
        ],
      },
      { status: 409, code: 'INSUFFICIENT_MEDIA_BUDGET' },
    )
    expect(res.error).toMatchObject({
      field: 'mediaBuys',
      message: 'The package budgets (12000.00 EUR) exceed the campaign budget of 10000.00 EUR',
    })
    expect(res.error?.details).toEqual({
      requestedTotal: 10_000,
      committedAllocation: 50_000,
      minimumAllowedBudget: 12_000,
    })
  })

  it('answers 409 INSUFFICIENT_MEDIA_BUDGET on budget.total when explicit budgets push the allocation over an unchanged total', async () => {
    const c = await t.campaign(campaignIdOf(15))
    const northwind = buyBy(c, 'Northwind Exchange')
    const pkg = northwind.packages[0]
    const over = c.budget.total - c.allocatedBudget + 1_000
    const res = await refused(
      c.campaignId,
      {
        mediaBuys: [
          { mediaBuyId: northwind.mediaBuyId, packages: [{ packageId: pkg.packageId, budget: pkg.budget + over }] },
        ],
      },
      { status: 409, code: 'INSUFFICIENT_MEDIA_BUDGET', field: 'budget.total' },
    )
    const allocation = c.allocatedBudget + over
    expect(res.error?.message).toBe(
      `The package budgets (${allocation.toFixed(2)} EUR) exceed the campaign budget of ${c.budget.total.toFixed(2)} EUR`,
    )
    expect(res.error?.details).toEqual({
      requestedTotal: c.budget.total,
      committedAllocation: c.allocatedBudget,
      minimumAllowedBudget: allocation,
    })
  })

  it('tells each seller holding a buy its scaled package budgets, applied at once (no pending version)', async () => {
    const c = await t.campaign(campaignIdOf(15))
    const atSeller = c.mediaBuys.filter((b) =>
      ['ACTIVE', 'PAUSED', 'PENDING_APPROVAL', 'INPUT_REQUIRED'].includes(b.status),
    )
    expect(atSeller.length).toBeGreaterThan(1)
    const res = await put(c.campaignId, { budget: { total: 25_000 } })
    expect(res.status).toBe(200)
    // Every package halves (asserted below), and the buyer is told so.
    expect(res.data.warnings).toEqual([
      `Package budgets were scaled by 50.00% to fit the new campaign budget of 25000.00 ${c.budget.currency}.`,
    ])
    await new Promise((r) => setTimeout(r, 50))
    const after = await t.campaign(c.campaignId)
    for (const buy of atSeller) {
      const scaled = after.mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId)!
      expect(scaled.pendingChange).toBeUndefined()
      const sent = sellerUpdates(buy.mediaBuyId)
      expect(sent).toHaveLength(1)
      expect(sent[0]).toMatchObject({
        buyer_ref: buy.mediaBuyId,
        media_buy_id: expect.any(String),
        reason: 'Campaign budget lowered',
        push_notification_config: { url: expect.any(String), token: expect.any(String), operation_id: buy.mediaBuyId },
      })
      expect(sent[0].packages).toEqual(
        scaled.packages.map((p) => ({ package_id: p.packageId, buyer_ref: p.packageId, budget: p.budget })),
      )
      expect(scaled.packages.map((p) => p.budget)).toEqual(buy.packages.map((p) => p.budget / 2))
    }
  })

  it('tells no seller about a buy it holds no order for (no seller media buy id yet)', async () => {
    const c = await t.campaign(campaignIdOf(19))
    const failed = c.mediaBuys.find((b) => b.status === 'FAILED' && b.packages.length > 0)!
    // The seller's push takes the buy into review before it has named its order.
    const hook = await t.control('POST', '/webhooks/adcp', {
      task_id: 'task_review_without_order',
      task_type: 'create_media_buy',
      status: 'submitted',
      timestamp: '2026-11-25T12:00:00Z',
      result: { buyer_ref: failed.mediaBuyId },
    })
    expect(hook.status).toBe(200)
    const before = await t.campaign(c.campaignId)
    expect(before.mediaBuys.find((b) => b.mediaBuyId === failed.mediaBuyId)!.status).toBe('PENDING_APPROVAL')
    const res = await put(c.campaignId, { budget: { total: Math.floor(before.allocatedBudget / 2) } })
    expect(res.status).toBe(200)
    await new Promise((r) => setTimeout(r, 50))
    const after = res.data.campaign.mediaBuys.find((b) => b.mediaBuyId === failed.mediaBuyId)!
    expect(after.packages[0].budget).toBeLessThan(failed.packages[0].budget)
    expect(sellerUpdates(failed.mediaBuyId)).toEqual([])
  })

  it("a buy's pending change is settled by the seller's answer to it, not by a scaling notice sent after it", async () => {
    const c = await t.campaign(campaignIdOf(9))
    const summit = buyBy(c, 'Summit Audio Network')
    const pkg = summit.packages[0]
    const pacing = pkg.pacing === 'asap' ? 'even' : 'asap'
    await put(c.campaignId, {
      mediaBuys: [{ mediaBuyId: summit.mediaBuyId, packages: [{ packageId: pkg.packageId, pacing }] }],
    })
    await new Promise((r) => setTimeout(r, 50))
    t.sb.tick(3 * HOUR)
    const lowered = await put(c.campaignId, { budget: { total: Math.floor(c.allocatedBudget / 2) } })
    expect(lowered.status).toBe(200)
    await new Promise((r) => setTimeout(r, 50))
    expect(sellerUpdates(summit.mediaBuyId).map((u) => u.reason)).toContain('Campaign budget lowered')
    t.sb.tick(3.5 * HOUR) // Summit approves the pacing change six hours after it was sent
    const after = buyBy(await t.campaign(c.campaignId), 'Summit Audio Network')
    expect(after.pendingChange).toBeUndefined()
    expect(after.packages[0].pacing).toBe(pacing)
  })

  it('tells no seller when only DRAFT buys, which their sellers have not seen, are scaled', async () => {
    const c = await t.campaign(campaignIdOf(4))
    expect(c.mediaBuys.every((b) => b.status === 'DRAFT' || b.status === 'ARCHIVED')).toBe(true)
    const res = await put(c.campaignId, { budget: { total: 11_300 } })
    expect(res.status).toBe(200)
    await new Promise((r) => setTimeout(r, 50))
    expect(sellerUpdates()).toEqual([])
  })

  it('scales DRAFT product budgets too', async () => {
    const c = await t.campaign(campaignIdOf(4))
    // Its drafts hold 22,600 (14,000 + 600 + 5,000 + 3,000): half of that scales each product to half.
    const res = await put(c.campaignId, { budget: { total: 11_300 } })
    const budgets = res.data.campaign.mediaBuys.flatMap((b) => b.products.map((p) => p.budget ?? 0))
    expect(budgets.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(11_300)
    expect(budgets.sort((a, b) => a - b)).toEqual([300, 1_500, 2_500, 7_000])
  })
})

describe('D6: updating an ACTIVE buy stores a pending change', () => {
  it('keeps live values, exposes pendingChange and mediaBuyRefs, and applies on seller approval', async () => {
    const c = await t.campaign(campaignIdOf(9))
    const buy = buyBy(c, 'Summit Audio Network')
    expect(buy.status).toBe('ACTIVE')
    const pkg = buy.packages[0]
    const res = await put(c.campaignId, {
      mediaBuys: [
        {
          mediaBuyId: buy.mediaBuyId,
          packages: [{ packageId: pkg.packageId, budget: pkg.budget - 1_000 }],
          updated_reason: 'Rebalance',
        },
      ],
    })
    const after = buyBy(res.data.campaign, 'Summit Audio Network')
    expect(after.status).toBe('ACTIVE')
    expect(after.packages[0].budget).toBe(pkg.budget)
    expect(after.pendingChange).toMatchObject({
      status: 'PENDING_APPROVAL',
      pendingAt: 'salesagent',
      differences: { budget: { live: 20_000, proposed: 19_000 } },
    })
    expect(res.data.campaign.mediaBuyRefs.find((r) => r.mediaBuyId === buy.mediaBuyId)).toMatchObject({
      status: 'ACTIVE',
      pendingChange: { status: 'PENDING_APPROVAL' },
    })
    const listed = await t.call<{ campaigns: { campaignId: string }[] }>(
      'GET',
      '/campaigns?mediaBuyStatus=PENDING_APPROVAL',
    )
    expect(listed.data.campaigns.map((x) => x.campaignId)).toContain(c.campaignId)

    t.sb.tick(7 * 3_600_000) // Summit approves changes after six hours
    const approved = buyBy(await t.campaign(c.campaignId), 'Summit Audio Network')
    expect(approved.pendingChange).toBeUndefined()
    expect(approved.packages[0].budget).toBe(pkg.budget - 1_000)
  })

  it('shows an end-time proposal from the demo (campaign 27) until the slow seller answers', async () => {
    const c = await t.campaign(campaignIdOf(27))
    const buy = c.mediaBuys[0]
    expect(buy.pendingChange?.differences.endTime).toMatchObject({
      proposed: expect.any(String),
      live: expect.any(String),
    })
    t.sb.tick(2 * DAY)
    const after = (await t.campaign(c.campaignId)).mediaBuys[0]
    expect(after.pendingChange).toBeUndefined()
  })
})

describe('frequency caps: replace semantics', () => {
  it('replaces the caps with the array sent, and [] clears them', async () => {
    const id = campaignIdOf(1)
    const caps = [
      { max_impressions: 3, window: { interval: 1, unit: 'days' } },
      { max_impressions: 10, window: { interval: 7, unit: 'days' } },
    ]
    const set = await t.call<{ campaign: { frequencyCaps: { max_impressions: number }[] } }>(
      'PUT',
      `/campaigns/${id}`,
      { frequencyCaps: caps },
    )
    expect(set.data.campaign.frequencyCaps.map((f) => f.max_impressions)).toEqual([3, 10])
    const replaced = await t.call<{ campaign: { frequencyCaps: unknown[] } }>('PUT', `/campaigns/${id}`, {
      frequencyCaps: [caps[0]],
    })
    expect(replaced.data.campaign.frequencyCaps).toHaveLength(1)
    const untouched = await t.call<{ campaign: { frequencyCaps: unknown[] } }>('PUT', `/campaigns/${id}`, {
      name: 'Renamed',
    })
    expect(untouched.data.campaign.frequencyCaps).toHaveLength(1)
    const cleared = await t.call<{ campaign: { frequencyCaps: unknown[] } }>('PUT', `/campaigns/${id}`, {
      frequencyCaps: [],
    })
    expect(cleared.data.campaign.frequencyCaps).toEqual([])
  })
})

describe('atomicity', () => {
  it('a request whose second action is refused leaves the first unapplied', async () => {
    const c = await t.campaign(campaignIdOf(5))
    const nw = buyBy(c, 'Northwind Exchange')
    await refused(
      c.campaignId,
      {
        name: 'Changed',
        mediaBuys: [
          { mediaBuyId: nw.mediaBuyId, action: 'cancel' },
          { mediaBuyId: 'mb_missing', name: 'x' },
        ],
      },
      { status: 404, code: 'NOT_FOUND', field: 'mediaBuys.1.mediaBuyId' },
    )
  })
})
