// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { SimulatedAgent } from '../agents/simulated-agent.ts'
import type { UpdateMediaBuyRequest } from '../agents/adcp.ts'
import { buyBy, DAY, openSandbox, sellerRequests, type Campaign, type TestSandbox } from './helpers.ts'
import { outboxOf, platformBudgets, readDb, sellerBudgets, sellerOrders, until } from './durability.ts'

const received = vi.spyOn(SimulatedAgent.prototype, 'handle')

let t: TestSandbox
beforeAll(async () => {
  t = openSandbox()
  await t.sb.ready()
})
afterAll(() => t.done())
afterEach(async () => {
  await t.control('POST', '/agents/sa_northwind/fault', { mode: 'none' })
})

interface LiveBuy {
  campaignId: string
  buyId: string
  packageIds: string[]
}

/** A campaign whose Northwind buy is live at once (Northwind approves orders synchronously, changes after 10 min). */
async function liveBuy(): Promise<LiveBuy> {
  const res = await t.call<{ campaign: Campaign }>('POST', '/campaigns', {
    advertiserId: 10421,
    name: 'Outbox test',
    mode: 'discovery',
    budget: { total: 30_000 },
    flightDates: { startDate: '2026-11-26T00:00:00Z', endDate: '2026-12-26T00:00:00Z' },
    productIds: ['prod_nw_news_display', 'prod_nw_native', 'prod_nw_ros'],
  })
  const campaignId = res.data.campaign.campaignId
  await t.call('POST', `/campaigns/${campaignId}/execute`, {})
  const buy = buyBy(await t.campaign(campaignId), 'Northwind Exchange')
  expect(buy.status).toBe('ACTIVE')
  return { campaignId, buyId: buy.mediaBuyId, packageIds: buy.packages.map((p) => p.packageId) }
}

const put = (b: LiveBuy, packageId: string, budget: number) =>
  t.call('PUT', `/campaigns/${b.campaignId}`, {
    mediaBuys: [{ mediaBuyId: b.buyId, packages: [{ packageId, budget }] }],
  })

/** The update_media_buy calls the seller handled for this buy, in the order it handled them. */
function updatesFor(buyId: string): UpdateMediaBuyRequest[] {
  return sellerRequests<UpdateMediaBuyRequest>(received, 'update_media_buy', buyId)
}

const seqOf = (key: string) => Number(key.split(':').at(-1))

function pendingChanges(buyIds: string[]): number {
  return readDb(
    t.dbFile,
    (db) =>
      buyIds.filter(
        (id) =>
          db
            .prepare<[string], { p: string | null }>('SELECT pending_change_json AS p FROM media_buys WHERE id = ?')
            .get(id)?.p != null,
      ).length,
  )
}

describe('the seller outbox', () => {
  it('delivers 50 concurrent updates of one package in the order they were accepted, and both sides end equal', async () => {
    const b = await liveBuy()
    const pkg = b.packageIds[0]
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => put(b, pkg, 5_000 + i)))
    expect(answers.every((a) => a.status === 200)).toBe(true)
    const outbox = outboxOf(t.dbFile, b.buyId)
    expect(outbox.map((o) => o.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect(outbox.every((o) => o.state === 'delivered')).toBe(true)
    const sent = updatesFor(b.buyId)
    expect(sent.map((u) => seqOf(u.idempotency_key))).toEqual(outbox.map((o) => o.seq))
    const accepted = outbox.map((o) => (JSON.parse(o.request_json) as UpdateMediaBuyRequest).packages?.[0].budget)
    expect(sent.map((u) => u.packages?.[0].budget)).toEqual(accepted)
    t.sb.tick(DAY)
    expect(pendingChanges([b.buyId])).toBe(0)
    expect(platformBudgets(t.dbFile, b.buyId).get(pkg)).toBe(accepted.at(-1))
    expect(sellerBudgets(t.dbFile, b.buyId)).toEqual(platformBudgets(t.dbFile, b.buyId))
  })

  it('48 concurrent updates across 12 packages: once approved, platform and seller agree on every package', async () => {
    const buys = await Promise.all(Array.from({ length: 4 }, () => liveBuy()))
    const puts = buys.flatMap((b) =>
      b.packageIds.flatMap((pkg, p) => Array.from({ length: 4 }, (_, i) => put(b, pkg, 6_000 + p * 100 + i))),
    )
    expect(puts).toHaveLength(48)
    expect((await Promise.all(puts)).every((a) => a.status === 200)).toBe(true)
    t.sb.tick(DAY)
    expect(pendingChanges(buys.map((b) => b.buyId))).toBe(0)
    for (const b of buys) {
      expect(platformBudgets(t.dbFile, b.buyId).size).toBe(3)
      expect(sellerBudgets(t.dbFile, b.buyId)).toEqual(platformBudgets(t.dbFile, b.buyId))
    }
  })

  it('a seller that is down gets the change once it is back, with no second call and no new request', async () => {
    const b = await liveBuy()
    await t.control('POST', '/agents/sa_northwind/fault', { mode: 'drop' })
    expect((await put(b, b.packageIds[1], 4_321)).status).toBe(200)
    const [entry] = outboxOf(t.dbFile, b.buyId)
    expect(entry).toMatchObject({ state: 'queued', attempts: 1 })
    expect(updatesFor(b.buyId)).toHaveLength(0)
    await t.control('POST', '/agents/sa_northwind/fault', { mode: 'none' })
    await until('the retry to be delivered', () => outboxOf(t.dbFile, b.buyId)[0].state === 'delivered')
    expect(outboxOf(t.dbFile, b.buyId)[0].attempts).toBeGreaterThanOrEqual(2)
    expect(updatesFor(b.buyId).map((u) => u.idempotency_key)).toEqual([entry.idempotency_key])
    t.sb.tick(DAY)
    expect(sellerBudgets(t.dbFile, b.buyId).get(b.packageIds[1])).toBe(4_321)
    expect(sellerBudgets(t.dbFile, b.buyId)).toEqual(platformBudgets(t.dbFile, b.buyId))
    expect(pendingChanges([b.buyId])).toBe(0)
  })

  it('an update whose answer was lost is sent again with its key and applied once', async () => {
    const b = await liveBuy()
    await t.control('POST', '/agents/sa_northwind/fault', { mode: 'lost_reply', timeoutMs: 2_000, holdMs: 4_000 })
    expect((await put(b, b.packageIds[2], 3_210)).status).toBe(200)
    expect(outboxOf(t.dbFile, b.buyId)[0].state).toBe('queued')
    await t.control('POST', '/agents/sa_northwind/fault', { mode: 'none' })
    await until('the resend to be delivered', () => outboxOf(t.dbFile, b.buyId)[0].state === 'delivered')
    const keys = updatesFor(b.buyId).map((u) => u.idempotency_key)
    expect(keys.length).toBeGreaterThanOrEqual(2)
    expect(new Set(keys).size).toBe(1)
    const [order] = sellerOrders(t.dbFile, b.buyId)
    expect(order.state.pendingUpdates).toHaveLength(1)
    t.sb.tick(DAY)
    expect(pendingChanges([b.buyId])).toBe(0)
    expect(sellerBudgets(t.dbFile, b.buyId).get(b.packageIds[2])).toBe(3_210)
    expect(sellerBudgets(t.dbFile, b.buyId)).toEqual(platformBudgets(t.dbFile, b.buyId))
  })
})
