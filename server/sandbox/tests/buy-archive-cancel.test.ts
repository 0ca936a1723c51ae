// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { SimulatedAgent } from '../agents/simulated-agent.ts'
import type { UpdateMediaBuyRequest } from '../agents/adcp.ts'
import { buyBy, openSandbox, type Buy, type Campaign, type TestSandbox, sellerRequests } from './helpers.ts'

// CONTRACT §4.2: delete archives a buy, cancel ends it or some of its packages. A seller holding an order for the buy
// is told, in AdCP's words; a seller that holds none (a draft, a finished buy, a review with no order yet) is not.
// A buy that ends drops its pending change (D6): there is nothing left for the seller to approve.

const received = vi.spyOn(SimulatedAgent.prototype, 'handle')

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
  received.mockClear()
})
afterEach(() => t.done())

/** The update_media_buy requests the sellers handled for one buy (buyer_ref names it). */
async function sellerUpdates(buyId: string) {
  await new Promise((r) => setTimeout(r, 30))
  return sellerRequests<UpdateMediaBuyRequest>(received, 'update_media_buy', buyId)
}

const put = (campaignId: string, entries: Record<string, unknown>[]) =>
  t.call<{ campaign: Campaign }>('PUT', `/campaigns/${campaignId}`, { mediaBuys: entries })

async function accepted(campaignId: string, entries: Record<string, unknown>[]) {
  const res = await put(campaignId, entries)
  expect(res.error).toBeNull()
  return res.data.campaign
}

const withArchived = async (campaignId: string) =>
  (await t.call<{ campaign: Campaign }>('GET', `/campaigns/${campaignId}?includeArchived=true`)).data.campaign
const find = (c: Campaign, buyId: string) => c.mediaBuys.find((b) => b.mediaBuyId === buyId)!

/** The seller's push takes a buy into review before the platform recorded any order for it (no seller id). */
async function intoReview(campaignId: string, buyId: string): Promise<Buy> {
  const hook = await t.control('POST', '/webhooks/adcp', {
    task_id: `task_review_${buyId}`,
    task_type: 'create_media_buy',
    status: 'submitted',
    timestamp: '2026-11-25T12:00:00Z',
    result: { buyer_ref: buyId },
  })
  expect(hook.status).toBe(200)
  const inReview = find(await t.campaign(campaignId), buyId)
  expect(inReview.status).toBe('PENDING_APPROVAL')
  return inReview
}

/** A draft taken into review that way: no packages either. */
async function inReviewWithoutOrder(): Promise<{ campaignId: string; buy: Buy }> {
  const campaignId = campaignIdOf(4)
  const buy = await intoReview(campaignId, buyBy(await t.campaign(campaignId), 'Northwind Exchange').mediaBuyId)
  expect(buy.packages).toEqual([])
  return { campaignId, buy }
}

interface BuyStatus {
  media_buy_id: string
  internal_status: string
  adcp_status: string
}
async function adcpStatusOf(campaignId: string, buyId: string) {
  const res = await t.call<{ media_buys: BuyStatus[] }>('GET', `/campaigns/${campaignId}/media-buy-status`)
  return res.data.media_buys.find((m) => m.media_buy_id === buyId)!.adcp_status
}

const PENDING = campaignIdOf(2) // Meridian Premium Direct: ACTIVE, one package, a change waiting for the seller
const SUMMIT = campaignIdOf(9) // Summit Audio Network: ACTIVE, two live packages

describe('delete archives the buy', () => {
  it('tells the seller holding the order that the buy is canceled, archived by the buyer', async () => {
    const buy = buyBy(await t.campaign(SUMMIT), 'Summit Audio Network')
    await accepted(SUMMIT, [{ mediaBuyId: buy.mediaBuyId, action: 'delete' }])
    const [sent, ...more] = await sellerUpdates(buy.mediaBuyId)
    expect(more).toEqual([])
    expect(sent).toStrictEqual({
      media_buy_id: expect.stringMatching(/^summit_/),
      buyer_ref: buy.mediaBuyId,
      push_notification_config: expect.objectContaining({ operation_id: buy.mediaBuyId }),
      canceled: true,
      cancellation_reason: 'Archived by the buyer',
      idempotency_key: expect.any(String),
    })
  })

  it('ends the buy ARCHIVED, without the change that was waiting for its seller', async () => {
    const buy = buyBy(await t.campaign(PENDING), 'Meridian Premium Direct')
    expect(buy.pendingChange?.status).toBe('PENDING_APPROVAL')
    await accepted(PENDING, [{ mediaBuyId: buy.mediaBuyId, action: 'delete' }])
    const archived = find(await withArchived(PENDING), buy.mediaBuyId)
    expect(archived.status).toBe('ARCHIVED')
    expect(archived.pendingChange).toBeUndefined()
  })

  it('tells no seller about a draft, a finished buy, or a review with no order yet', async () => {
    const archivedQuietly = async (campaignId: string, buyId: string) => {
      await accepted(campaignId, [{ mediaBuyId: buyId, action: 'delete' }])
      expect(find(await withArchived(campaignId), buyId).status).toBe('ARCHIVED')
      expect(await sellerUpdates(buyId)).toEqual([])
    }
    await archivedQuietly(campaignIdOf(4), buyBy(await t.campaign(campaignIdOf(4)), 'Cobalt Social').mediaBuyId)
    const completed = buyBy(await t.campaign(campaignIdOf(10)), 'Northwind Exchange')
    expect(completed.status).toBe('COMPLETED')
    await archivedQuietly(campaignIdOf(10), completed.mediaBuyId)
    const { campaignId, buy } = await inReviewWithoutOrder()
    await archivedQuietly(campaignId, buy.mediaBuyId)
  })

  it('archiving an archived buy again changes nothing', async () => {
    const campaignId = campaignIdOf(13)
    const archived = (await withArchived(campaignId)).mediaBuys.find((b) => b.status === 'ARCHIVED')!
    await accepted(campaignId, [{ mediaBuyId: archived.mediaBuyId, action: 'delete' }])
    expect(find(await withArchived(campaignId), archived.mediaBuyId)).toEqual(archived)
  })

  it("takes the buy's products out of the campaign's selection, so the next execute does not bring it back", async () => {
    const campaignId = campaignIdOf(4)
    const c = await t.campaign(campaignId)
    const gone = buyBy(c, 'Summit Audio Network')
    await accepted(campaignId, [{ mediaBuyId: gone.mediaBuyId, action: 'delete' }])
    const res = await t.call('POST', `/campaigns/${campaignId}/execute`)
    expect(res.error).toBeNull()
    const after = await withArchived(campaignId)
    const summit = after.mediaBuys.filter((b) => b.products.some((p) => p.salesAgentName === 'Summit Audio Network'))
    expect(summit.map((b) => [b.mediaBuyId, b.status])).toEqual([[gone.mediaBuyId, 'ARCHIVED']])
  })
})

describe('cancel ends the whole buy', () => {
  it("tells the seller the buy is canceled, with the buyer's reason", async () => {
    const buy = buyBy(await t.campaign(SUMMIT), 'Summit Audio Network')
    await accepted(SUMMIT, [{ mediaBuyId: buy.mediaBuyId, action: 'cancel', reason: 'Brand safety concern' }])
    const sent = await sellerUpdates(buy.mediaBuyId)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toStrictEqual({
      media_buy_id: expect.stringMatching(/^summit_/),
      buyer_ref: buy.mediaBuyId,
      push_notification_config: expect.objectContaining({ operation_id: buy.mediaBuyId }),
      canceled: true,
      cancellation_reason: 'Brand safety concern',
      idempotency_key: expect.any(String),
    })
  })

  it('ends the buy CANCELED (AdCP canceled), without the change that was waiting for its seller', async () => {
    const buy = buyBy(await t.campaign(PENDING), 'Meridian Premium Direct')
    expect(buy.pendingChange?.status).toBe('PENDING_APPROVAL')
    const after = find(await accepted(PENDING, [{ mediaBuyId: buy.mediaBuyId, action: 'cancel' }]), buy.mediaBuyId)
    expect(after.status).toBe('CANCELED')
    expect(after.pendingChange).toBeUndefined()
    expect(await adcpStatusOf(PENDING, buy.mediaBuyId)).toBe('canceled')
  })

  it('tells no seller about a buy in review that it holds no order for', async () => {
    const { campaignId, buy } = await inReviewWithoutOrder()
    const after = find(await accepted(campaignId, [{ mediaBuyId: buy.mediaBuyId, action: 'cancel' }]), buy.mediaBuyId)
    expect(after.status).toBe('CANCELED')
    expect(await sellerUpdates(buy.mediaBuyId)).toEqual([])
  })

  it('refuses a buy that is not in the campaign, naming it', async () => {
    const res = await put(SUMMIT, [{ mediaBuyId: 'mb_elsewhere', action: 'cancel' }])
    expect(res.status).toBe(404)
    expect(res.error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Media buy mb_elsewhere in this campaign not found',
      field: 'mediaBuys.0.mediaBuyId',
    })
  })
})

describe('cancel with packageIds ends only those packages', () => {
  it('tells the seller exactly the canceled packages, with the reason, and the buy stays live', async () => {
    const c = await t.campaign(campaignIdOf(1))
    const buy = buyBy(c, 'Northwind Exchange')
    const [first, , third] = buy.packages.map((p) => p.packageId)
    const after = find(
      await accepted(c.campaignId, [
        { mediaBuyId: buy.mediaBuyId, action: 'cancel', packageIds: [first, third], reason: 'Underperforming' },
      ]),
      buy.mediaBuyId,
    )
    expect(after.status).toBe('ACTIVE')
    expect(after.updatedAt > buy.updatedAt).toBe(true)
    const sent = await sellerUpdates(buy.mediaBuyId)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toStrictEqual({
      media_buy_id: expect.stringMatching(/^northwind_/),
      buyer_ref: buy.mediaBuyId,
      push_notification_config: expect.objectContaining({ operation_id: buy.mediaBuyId }),
      packages: [
        { package_id: first, buyer_ref: first, canceled: true },
        { package_id: third, buyer_ref: third, canceled: true },
      ],
      reason: 'Underperforming',
      idempotency_key: expect.any(String),
    })
  })

  it('canceling the last live package cancels the buy; one canceled before counts as gone', async () => {
    const c = await t.campaign(campaignIdOf(22))
    const buy = buyBy(c, 'Northwind Exchange')
    const live = buy.packages.filter((p) => p.status === 'active').map((p) => p.packageId)
    expect(live.length).toBe(buy.packages.length - 1)
    const after = find(
      await accepted(c.campaignId, [{ mediaBuyId: buy.mediaBuyId, action: 'cancel', packageIds: live }]),
      buy.mediaBuyId,
    )
    expect(after.status).toBe('CANCELED')
    expect(after.packages.every((p) => p.status === 'canceled')).toBe(true)
    expect(await adcpStatusOf(c.campaignId, buy.mediaBuyId)).toBe('canceled')
  })

  it("canceling a buy's only package cancels it without the change that was waiting for its seller", async () => {
    const buy = buyBy(await t.campaign(PENDING), 'Meridian Premium Direct')
    const packageIds = buy.packages.map((p) => p.packageId)
    const after = find(
      await accepted(PENDING, [{ mediaBuyId: buy.mediaBuyId, action: 'cancel', packageIds }]),
      buy.mediaBuyId,
    )
    expect(after.status).toBe('CANCELED')
    expect(after.pendingChange).toBeUndefined()
  })

  it("the seller's answer to a package cancel does not settle the change still waiting on the buy", async () => {
    const buy = buyBy(await t.campaign(SUMMIT), 'Summit Audio Network')
    const [first, second] = buy.packages
    await accepted(SUMMIT, [
      { mediaBuyId: buy.mediaBuyId, packages: [{ packageId: second.packageId, pacing: 'asap' }] },
    ])
    await accepted(SUMMIT, [{ mediaBuyId: buy.mediaBuyId, action: 'cancel', packageIds: [first.packageId] }])
    await sellerUpdates(buy.mediaBuyId)
    t.sb.tick(60_000)
    const after = buyBy(await t.campaign(SUMMIT), 'Summit Audio Network')
    expect(after.pendingChange?.status).toBe('PENDING_APPROVAL')
    expect(after.packages.map((p) => [p.status, p.pacing])).toEqual([
      ['canceled', first.pacing],
      ['active', second.pacing],
    ])
  })

  it('tells no seller about a package of a buy in review that it holds no order for', async () => {
    const c = await t.campaign(campaignIdOf(19))
    const failed = c.mediaBuys.find((b) => b.status === 'FAILED' && b.packages.length === 1)!
    await intoReview(c.campaignId, failed.mediaBuyId)
    const packageIds = failed.packages.map((p) => p.packageId)
    const after = find(
      await accepted(c.campaignId, [{ mediaBuyId: failed.mediaBuyId, action: 'cancel', packageIds }]),
      failed.mediaBuyId,
    )
    expect(after.status).toBe('CANCELED')
    expect(await sellerUpdates(failed.mediaBuyId)).toEqual([])
  })

  it('refuses a package of another buy, naming it and its index', async () => {
    const c = await t.campaign(campaignIdOf(1))
    const [buy, other] = [buyBy(c, 'Northwind Exchange'), buyBy(c, 'Pinnacle Retail Media')]
    const foreign = other.packages[0].packageId
    const res = await put(c.campaignId, [
      { mediaBuyId: buy.mediaBuyId, action: 'cancel', packageIds: [buy.packages[0].packageId, foreign] },
    ])
    expect(res.status).toBe(400)
    expect(res.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: `Package ${foreign} does not belong to media buy ${buy.mediaBuyId}`,
      field: 'mediaBuys.0.packageIds.1',
    })
    expect(await t.campaign(c.campaignId)).toEqual(c)
  })
})
