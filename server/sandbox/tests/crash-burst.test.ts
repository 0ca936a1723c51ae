// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Campaign } from './helpers.ts'
import { outboxOf, platformBudgets, readDb, sellerBudgets, sellerOrders, until } from './durability.ts'
import { freePort, startServer, type ServerProcess } from './server-process.ts'

const dir = mkdtempSync(join(tmpdir(), 'sandbox-crash-burst-'))
const dbFile = join(dir, 'sandbox.sqlite')
let server: ServerProcess | undefined
afterAll(async () => {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const DAY = 86_400_000
const ROUNDS = 5
const PUTS_PER_PACKAGE = 4
const KILL_AFTER_ACKS = 20

interface Target {
  campaignId: string
  buyId: string
  packageId: string
  index: number
}

const queued = () =>
  readDb(
    dbFile,
    (db) => db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM seller_outbox WHERE state = 'queued'").get()!.n,
  )
const buyStatus = (id: string) =>
  readDb(dbFile, (db) =>
    db
      .prepare<[string], { status: string; pending: string | null }>(
        'SELECT status, pending_change_json AS pending FROM media_buys WHERE id = ?',
      )
      .get(id)!,
  )
const ledgerKeys = (orderId: string) =>
  readDb(dbFile, (db) =>
    db
      .prepare<[string], { k: string }>(
        "SELECT idempotency_key AS k FROM agent_idempotency WHERE adcp_media_buy_id = ? AND tool = 'update_media_buy'",
      )
      .all(orderId)
      .map((r) => r.k)
      // The campaign pause is sent directly, not through the outbox.
      .filter((k) => !k.includes(':pause:')),
  )

/** Each package gets a chain of PUTs, one after the other; the chains run side by side. Values only go down. */
const valueOf = (round: number, step: number, index: number) => 9_000 - round * 100 - step * 10 - index

describe('a crash in the middle of a burst of changes', () => {
  it(`${ROUNDS} times: platform and every seller end in agreement, no change lost or applied twice`, async () => {
    const port = await freePort()
    server = await startServer({ port, dbFile, reset: true })
    const now = Date.parse((await server.call<{ now: string }>('GET', '/sandbox/state')).data.now)
    const day = (n: number) => new Date(now + n * DAY).toISOString().slice(0, 10) + 'T00:00:00Z'
    const campaigns: string[] = []
    for (let i = 0; i < 5; i++) {
      const res = await server.call<{ campaign: Campaign }>('POST', '/campaigns', {
        advertiserId: 10421,
        name: `Burst ${i}`,
        mode: 'discovery',
        budget: { total: 30_000 },
        flightDates: { startDate: day(1), endDate: day(60) },
        productIds: ['prod_nw_news_display', 'prod_nw_native', 'prod_pn_sponsored'],
      })
      campaigns.push(res.data.campaign.campaignId)
      expect((await server.call('POST', `/campaigns/${res.data.campaign.campaignId}/execute`, {})).status).toBe(200)
    }
    await server.call('POST', '/sandbox/tick', { days: 1 }) // Pinnacle approves its orders
    expect((await server.call('POST', `/campaigns/${campaigns[0]}/pause`, {})).status).toBe(200)
    const targets: Target[] = []
    for (const campaignId of campaigns) {
      const { data } = await server.call<{ campaign: Campaign }>('GET', `/campaigns/${campaignId}`)
      for (const buy of data.campaign.mediaBuys)
        for (const p of buy.packages)
          targets.push({ campaignId, buyId: buy.mediaBuyId, packageId: p.packageId, index: targets.length })
    }
    const buyIds = [...new Set(targets.map((x) => x.buyId))]
    expect(buyIds.map((id) => buyStatus(id).status).sort()).toEqual([...Array(8).fill('ACTIVE'), 'PAUSED', 'PAUSED'])
    const finals = new Map(targets.map((x) => [x.packageId, platformBudgets(dbFile, x.buyId).get(x.packageId)!]))

    for (let round = 0; round < ROUNDS; round++) {
      const live = server
      const acked = new Map<string, number[]>()
      let acks = 0
      const chains = targets.map(async (x) => {
        for (let step = 0; step < PUTS_PER_PACKAGE; step++) {
          const budget = valueOf(round, step, x.index)
          const res = await live.call('PUT', `/campaigns/${x.campaignId}`, {
            mediaBuys: [{ mediaBuyId: x.buyId, packages: [{ packageId: x.packageId, budget }] }],
          })
          if (res.status !== 200) throw new Error(`PUT answered ${res.status}`)
          acked.set(x.packageId, [...(acked.get(x.packageId) ?? []), step])
          acks++
        }
      })
      const burst = Promise.allSettled(chains)
      await until(`${KILL_AFTER_ACKS} acknowledged changes`, () => acks >= KILL_AFTER_ACKS, 20_000, 5)
      await live.crash()
      await burst
      expect(acks, 'the kill came mid-burst').toBeLessThan(targets.length * PUTS_PER_PACKAGE)

      server = await startServer({ port, dbFile, reset: false })
      await until('the outbox to drain after the restart', () => queued() === 0, 20_000)
      expect((await server.call('POST', '/sandbox/tick', { days: 1 })).status).toBe(200)
      await until('the outbox to drain after the tick', () => queued() === 0, 20_000)

      for (const x of targets) {
        // The last acknowledged change holds, or the one after it (committed, its answer cut off by the kill).
        const steps = acked.get(x.packageId) ?? []
        const last = steps.at(-1)
        const allowed =
          last === undefined
            ? [finals.get(x.packageId), valueOf(round, 0, x.index)]
            : [
                valueOf(round, last, x.index),
                ...(last + 1 < PUTS_PER_PACKAGE ? [valueOf(round, last + 1, x.index)] : []),
              ]
        const final = platformBudgets(dbFile, x.buyId).get(x.packageId)!
        expect(allowed, `round ${round}, ${x.packageId}`).toContain(final)
        finals.set(x.packageId, final)
      }
      for (const buyId of buyIds) {
        expect(buyStatus(buyId).pending, `round ${round}: pending change left on ${buyId}`).toBeNull()
        expect(sellerBudgets(dbFile, buyId), `round ${round}: ${buyId}`).toEqual(platformBudgets(dbFile, buyId))
        const outbox = outboxOf(dbFile, buyId)
        expect(
          outbox.filter((o) => o.state !== 'delivered').map((o) => o.idempotency_key),
          `round ${round}: undelivered`,
        ).toEqual([])
        const [order] = sellerOrders(dbFile, buyId)
        expect(order.state.pendingUpdates).toHaveLength(0)
        expect(ledgerKeys(order.id).sort()).toEqual(outbox.map((o) => o.idempotency_key).sort())
      }
    }
  }, 110_000)
})
