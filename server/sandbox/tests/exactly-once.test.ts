// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import Database from 'better-sqlite3'
import { openDatabase } from '../db/open.ts'
import { createClock } from '../clock.ts'
import { createIds } from '../ids.ts'
import { AGENTS } from '../agents/catalog.ts'
import { SimulatedAgent } from '../agents/simulated-agent.ts'
import type { CreateMediaBuyRequest, PushNotificationConfig, UpdateMediaBuyRequest } from '../agents/adcp.ts'
import { buyBy, openSandbox, sellerRequests, type Campaign, type TestSandbox } from './helpers.ts'
import { readDb, sellerOrders } from './durability.ts'

// What every seller was actually handed, whichever sandbox it belongs to.
const received = vi.spyOn(SimulatedAgent.prototype, 'handle')

let t: TestSandbox
beforeAll(async () => {
  t = openSandbox()
  await t.sb.ready()
})
afterAll(() => t.done())
afterEach(async () => {
  for (const id of ['sa_pinnacle', 'sa_northwind']) await fault(id, { mode: 'none' })
})

interface ExecuteData {
  success: boolean
  mediaBuysExecuted: number
  errors?: { salesAgentId: string; message: string }[]
}
const execute = (id: string) => t.call<ExecuteData>('POST', `/campaigns/${id}/execute`, {})
const fault = (agentId: string, body: Record<string, unknown>) => t.control('POST', `/agents/${agentId}/fault`, body)

async function newCampaign(productIds: string[]): Promise<string> {
  const res = await t.call<{ campaign: Campaign }>('POST', '/campaigns', {
    advertiserId: 10421,
    name: 'Exactly-once test',
    mode: 'discovery',
    budget: { total: 40_000 },
    flightDates: { startDate: '2026-11-26T00:00:00Z', endDate: '2026-12-26T00:00:00Z' },
    productIds,
  })
  return res.data.campaign.campaignId
}

/** The create_media_buy calls a seller handled for this buy, in order. */
function createsFor(buyId: string): CreateMediaBuyRequest[] {
  return sellerRequests<CreateMediaBuyRequest>(received, 'create_media_buy', buyId)
}

describe('a seller honours idempotency keys', () => {
  const db = openDatabase(':memory:', false)
  const clock = createClock(db)
  clock.set(new Date('2026-11-25T12:00:00Z'))
  const agent = new SimulatedAgent(
    AGENTS.find((a) => a.id === 'sa_northwind')!,
    db,
    clock,
    createIds(),
    () => ({ cpm: 5, ctr: 0.001, video: false }),
  )
  const push: PushNotificationConfig = {
    url: '/sandbox/webhooks/adcp',
    token: 'whk',
    authentication: { schemes: ['Bearer'], credentials: 'whk' },
  }
  const order: CreateMediaBuyRequest = {
    buyer_ref: 'mb_test',
    account: { account_id: 'adv_1' },
    brand: { domain: 'example.com', name: 'Example' },
    po_number: 'cmp_1',
    total_budget: { amount: 1000, currency: 'USD' },
    ext: { idempotency_key: 'mb_test:create:1' },
    start_time: 'asap',
    end_time: '2026-12-20T00:00:00Z',
    packages: [
      {
        buyer_ref: 'pkg_1',
        product_id: 'prod_nw_ros',
        budget: 1000,
        pricing_option_id: 'po_nw_ros_cpm',
        pacing: 'even',
      },
    ],
    push_notification_config: push,
  }

  it('a repeated create_media_buy returns the existing order and creates no second one', () => {
    const first = agent.handle('create_media_buy', order)
    const again = agent.handle('create_media_buy', { ...order, total_budget: { amount: 2000, currency: 'USD' } })
    expect(first).toMatchObject({ status: 'completed', media_buy_id: expect.any(String) })
    expect(again).toMatchObject({ status: 'completed', media_buy_id: first.media_buy_id, buyer_ref: 'mb_test' })
    expect(db.prepare('SELECT COUNT(*) AS n FROM agent_orders').get()).toEqual({ n: 1 })
    const other = agent.handle('create_media_buy', { ...order, ext: { idempotency_key: 'mb_test:create:2' } })
    expect(other.media_buy_id).not.toBe(first.media_buy_id)
  })

  it('a repeated update_media_buy is applied once, and its replay tells when the change went through', () => {
    const [{ adcp_media_buy_id: id }] = db
      .prepare<[], { adcp_media_buy_id: string }>(
        'SELECT adcp_media_buy_id FROM agent_orders ORDER BY created_at LIMIT 1',
      )
      .all()
    const update: UpdateMediaBuyRequest = {
      media_buy_id: id,
      idempotency_key: 'mb_test:update:1',
      packages: [{ package_id: 'pkg_1', buyer_ref: 'pkg_1', budget: 800 }],
      push_notification_config: push,
    }
    const first = agent.handle('update_media_buy', update)
    const again = agent.handle('update_media_buy', update)
    expect(first).toMatchObject({ status: 'submitted', task_id: expect.any(String) })
    expect(again).toEqual(first)
    const pendingUpdates = () =>
      (
        JSON.parse(
          db
            .prepare<[string], { state_json: string }>(
              'SELECT state_json FROM agent_orders WHERE adcp_media_buy_id = ?',
            )
            .get(id)!.state_json,
        ) as { pendingUpdates: unknown[] }
      ).pendingUpdates
    expect(pendingUpdates()).toHaveLength(1)
    const later = new Date(clock.now().getTime() + 3_600_000)
    agent.step(clock.now(), later)
    clock.set(later)
    expect(pendingUpdates()).toHaveLength(0)
    expect(agent.handle('update_media_buy', update)).toMatchObject({
      status: 'completed',
      task_id: first.task_id,
      packages: [expect.objectContaining({ budget: 800 })],
    })
  })

  it('a repeated create_media_buy finds its order even once the start it asked for has passed', () => {
    const dated: CreateMediaBuyRequest = {
      ...order,
      buyer_ref: 'mb_dated',
      ext: { idempotency_key: 'mb_dated:create:1' },
      start_time: new Date(clock.now().getTime() + 60_000).toISOString(),
    }
    const first = agent.handle('create_media_buy', dated)
    expect(first).toMatchObject({ status: 'completed', media_buy_id: expect.any(String) })
    clock.set(new Date(clock.now().getTime() + 120_000))
    expect(agent.handle('create_media_buy', dated)).toMatchObject({
      status: 'completed',
      media_buy_id: first.media_buy_id,
      buyer_ref: 'mb_dated',
    })
    // A new key is a new order, and that one meets the seller's rules.
    const fresh = agent.handle('create_media_buy', { ...dated, ext: { idempotency_key: 'mb_dated:create:2' } })
    expect(fresh).toMatchObject({ status: 'failed', errors: [expect.objectContaining({ code: 'START_TIME_IN_PAST' })] })
  })
})

describe('execute sends each order exactly once', () => {
  it('keeps one idempotency key across every attempt of a submission, and finds an order whose answer was lost', async () => {
    const id = await newCampaign(['prod_pn_offsite'])
    // Attempt 1 never reaches the seller; attempt 2 reaches it, and the answer is lost.
    await fault('sa_pinnacle', { mode: 'timeout', timeoutMs: 300, holdMs: 600 })
    expect((await execute(id)).data.errors?.[0].message).toMatch(/^AGENT_TIMEOUT/)
    const buy = buyBy(await t.campaign(id), 'Pinnacle Retail Media')
    await fault('sa_pinnacle', { mode: 'lost_reply', timeoutMs: 2_000, holdMs: 4_000 })
    expect((await execute(id)).data.errors?.[0].message).toMatch(/^AGENT_TIMEOUT/)
    // An abandoned attempt can still land later: whatever arrived carries the one key, and made one order.
    const keys = createsFor(buy.mediaBuyId).map((r) => r.ext.idempotency_key)
    expect(keys.length).toBeGreaterThan(0)
    expect(new Set(keys)).toEqual(new Set([`${buy.mediaBuyId}:create:1`]))
    expect(sellerOrders(t.dbFile, buy.mediaBuyId)).toHaveLength(1)
    // Attempt 3: the platform asks the seller first, takes the order in, and sends nothing.
    await fault('sa_pinnacle', { mode: 'none' })
    expect((await execute(id)).data).toMatchObject({ success: true, mediaBuysExecuted: 1 })
    expect(new Set(createsFor(buy.mediaBuyId).map((r) => r.ext.idempotency_key))).toEqual(new Set(keys))
    const orders = sellerOrders(t.dbFile, buy.mediaBuyId)
    expect(orders).toHaveLength(1)
    const after = buyBy(await t.campaign(id), 'Pinnacle Retail Media')
    expect(after.status).toBe('PENDING_APPROVAL')
    expect(
      readDb(t.dbFile, (db) =>
        db.prepare('SELECT adcp_media_buy_id AS adcp FROM media_buys WHERE id = ?').get(buy.mediaBuyId),
      ),
    ).toEqual({ adcp: orders[0].id })
    expect(
      readDb(t.dbFile, (db) =>
        db
          .prepare('SELECT idempotency_key AS key, attempts, state FROM order_dispatches WHERE buy_id = ?')
          .get(buy.mediaBuyId),
      ),
    ).toEqual({ key: `${buy.mediaBuyId}:create:1`, attempts: 2, state: 'placed' })
  })

  it('a submission the seller refused is followed by a new one with a new key', async () => {
    const id = await newCampaign(['prod_cb_feed'])
    await execute(id)
    const buy = buyBy(await t.campaign(id), 'Cobalt Social')
    expect((await execute(id)).data).toMatchObject({ success: true, mediaBuysExecuted: 1 })
    expect(createsFor(buy.mediaBuyId).map((r) => r.ext.idempotency_key)).toEqual([
      `${buy.mediaBuyId}:create:1`,
      `${buy.mediaBuyId}:create:2`,
    ])
    expect(sellerOrders(t.dbFile, buy.mediaBuyId)).toHaveLength(1)
  })

  it('two concurrent executes of one campaign dispatch once', async () => {
    const id = await newCampaign(['prod_nw_native', 'prod_pn_sponsored'])
    const [a, b] = await Promise.all([execute(id), execute(id)])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const c = await t.campaign(id)
    for (const buy of c.mediaBuys) {
      expect(createsFor(buy.mediaBuyId)).toHaveLength(1)
      expect(sellerOrders(t.dbFile, buy.mediaBuyId)).toHaveLength(1)
    }
  })

  it('a claim on the campaign is kept in the file, and released when a new process opens it', async () => {
    const id = await newCampaign(['prod_nw_ros'])
    const db = new Database(t.dbFile)
    db.prepare('INSERT INTO execute_claims (campaign_id, owner, claimed_at) VALUES (?, ?, ?)').run(
      id,
      'another-process',
      new Date().toISOString(),
    )
    db.close()
    expect((await execute(id)).status).toBe(409)
    expect((await t.campaign(id)).mediaBuys).toHaveLength(0)
    const next = openSandbox()
    try {
      expect(readDb(next.dbFile, (r) => r.prepare('SELECT COUNT(*) AS n FROM execute_claims').get())).toEqual({ n: 0 })
    } finally {
      next.done()
    }
  })
})
