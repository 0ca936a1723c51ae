// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Campaign } from './helpers.ts'
import { readDb, sellerOrders, until } from './durability.ts'
import { freePort, startServer, type ServerProcess } from './server-process.ts'

const dir = mkdtempSync(join(tmpdir(), 'sandbox-crash-execute-'))
const dbFile = join(dir, 'sandbox.sqlite')
let server: ServerProcess | undefined
afterAll(async () => {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const DAY = 86_400_000

interface BuyRow {
  id: string
  sales_agent_id: string
  status: string
  adcp_media_buy_id: string | null
}
const buysOf = (campaignId: string) =>
  readDb(dbFile, (db) =>
    db
      .prepare<[string], BuyRow>(
        'SELECT id, sales_agent_id, status, adcp_media_buy_id FROM media_buys WHERE campaign_id = ? ORDER BY position',
      )
      .all(campaignId),
  )

describe('a crash while execute waits on a seller', () => {
  it('creates each order exactly once, and platform spend equals seller spend', async () => {
    const port = await freePort()
    server = await startServer({ port, dbFile, reset: true })
    const { data: state } = await server.call<{ now: string }>('GET', '/sandbox/state')
    const now = Date.parse(state.now)
    const created = await server.call<{ campaign: Campaign }>('POST', '/campaigns', {
      advertiserId: 10421,
      name: 'Crash during execute',
      mode: 'discovery',
      budget: { total: 30_000 },
      flightDates: {
        startDate: new Date(now + DAY).toISOString().slice(0, 10) + 'T00:00:00Z',
        endDate: new Date(now + 20 * DAY).toISOString().slice(0, 10) + 'T00:00:00Z',
      },
      productIds: ['prod_nw_native', 'prod_mp_finance', 'prod_pn_offsite'],
    })
    expect(created.status).toBe(201)
    const campaignId = created.data.campaign.campaignId
    // Meridian, second in line, takes the order and its answer never comes back; Pinnacle is never reached.
    await server.call('POST', '/sandbox/agents/sa_meridian/fault', {
      mode: 'lost_reply',
      timeoutMs: 120_000,
      holdMs: 120_000,
    })
    void server.call('POST', `/campaigns/${campaignId}/execute`, {}).catch(() => undefined)
    await until('Meridian to hold the order', () => {
      const meridian = buysOf(campaignId).find((b) => b.sales_agent_id === 'sa_meridian')
      return meridian !== undefined && sellerOrders(dbFile, meridian.id).length === 1
    })
    await server.crash()

    const before = buysOf(campaignId)
    expect(before).toHaveLength(3)
    expect(before.find((b) => b.sales_agent_id === 'sa_meridian')?.status).toBe('DRAFT')
    expect(before.find((b) => b.sales_agent_id === 'sa_pinnacle')).toMatchObject({
      status: 'DRAFT',
      adcp_media_buy_id: null,
    })

    server = await startServer({ port, dbFile, reset: false })
    const again = await server.call<{ success: boolean; mediaBuysExecuted: number }>(
      'POST',
      `/campaigns/${campaignId}/execute`,
      {},
    )
    expect(again.status).toBe(200)
    const after = buysOf(campaignId)
    for (const buy of after) {
      const orders = sellerOrders(dbFile, buy.id)
      expect(orders, `${buy.sales_agent_id} orders for ${buy.id}`).toHaveLength(1)
      expect(orders[0].agentId).toBe(buy.sales_agent_id)
      expect(buy.adcp_media_buy_id).toBe(orders[0].id)
      expect(buy.status).not.toBe('DRAFT')
    }

    expect((await server.call('POST', '/sandbox/tick', { days: 30 })).status).toBe(200)
    for (const buy of buysOf(campaignId)) {
      const [order] = sellerOrders(dbFile, buy.id)
      const sellerSpend = order.state.packages.reduce((s, p) => s + p.spent, 0)
      const platformSpend = readDb(
        dbFile,
        (db) =>
          db
            .prepare<[string], { s: number }>(
              'SELECT COALESCE(SUM(spend), 0) AS s FROM packages WHERE media_buy_id = ?',
            )
            .get(buy.id)!.s,
      )
      expect(sellerSpend, `${buy.sales_agent_id} delivered`).toBeGreaterThan(0)
      expect(platformSpend).toBeCloseTo(sellerSpend, 2)
      expect(buy.status).toBe('COMPLETED')
    }
  }, 90_000)
})
