// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { campaignIdOf } from '../seed/scenarios.ts'
import { buyBy, openSandbox, type Campaign, type TestSandbox } from './helpers.ts'

// Execute as the sellers see it: whatever the platform answers, each seller holds exactly one order per media buy,
// carrying the buy's packages.

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
})
afterEach(() => t.done())

interface HeldOrder {
  seller: string
  buyId: string
  budgets: number[]
}

/** The orders the simulated sellers hold for a campaign's buys, read from their own state. */
function ordersHeld(c: Campaign): HeldOrder[] {
  const ids = c.mediaBuys.map((b) => b.mediaBuyId)
  if (ids.length === 0) return []
  const db = new Database(t.dbFile, { readonly: true })
  const rows = db
    .prepare(
      `SELECT sales_agent_id, buyer_ref, state_json FROM agent_orders WHERE buyer_ref IN (${ids.map(() => '?').join(', ')}) ORDER BY buyer_ref`,
    )
    .all(...ids) as { sales_agent_id: string; buyer_ref: string; state_json: string }[]
  db.close()
  return rows.map((r) => ({
    seller: r.sales_agent_id,
    buyId: r.buyer_ref,
    budgets: (JSON.parse(r.state_json) as { packages: { budget: number }[] }).packages.map((p) => p.budget),
  }))
}

const execute = (id: string) =>
  t.call<{ success: boolean; mediaBuysExecuted: number }>('POST', `/campaigns/${id}/execute`, {})

async function newCampaign(productIds: string[]): Promise<string> {
  const res = await t.call<{ campaign: Campaign }>('POST', '/campaigns', {
    advertiserId: 10421,
    name: 'Seller orders',
    mode: 'discovery',
    budget: { total: 30_000 },
    flightDates: { startDate: '2026-11-26T00:00:00Z', endDate: '2026-12-26T00:00:00Z' },
    productIds,
  })
  return res.data.campaign.campaignId
}

function expectOneOrderPerBuy(c: Campaign) {
  const held = ordersHeld(c)
  expect(held.map((o) => o.buyId).sort()).toEqual(c.mediaBuys.map((b) => b.mediaBuyId).sort())
  for (const buy of c.mediaBuys) {
    const order = held.find((o) => o.buyId === buy.mediaBuyId)!
    expect(order.budgets).toEqual(buy.packages.map((p) => p.budget))
  }
}

describe('execute, as each seller receives it', () => {
  it('two executes of one campaign at the same time leave each seller with one order per buy', async () => {
    const id = campaignIdOf(3)
    await Promise.all([execute(id), execute(id)])
    const c = await t.campaign(id)
    expect(c.mediaBuys).toHaveLength(2)
    expect(c.mediaBuys.map((b) => b.status).sort()).toEqual(['ACTIVE', 'PENDING_APPROVAL'])
    expectOneOrderPerBuy(c)
    expect(new Set(ordersHeld(c).map((o) => o.seller))).toEqual(new Set(['sa_northwind', 'sa_pinnacle']))
  })

  it('an execute after the others have finished sends nothing more', async () => {
    const id = campaignIdOf(3)
    await Promise.all([execute(id), execute(id)])
    const again = await execute(id)
    expect(again.data).toMatchObject({ success: true, mediaBuysExecuted: 0 })
    expectOneOrderPerBuy(await t.campaign(id))
  })

  it('a retry after a seller failed sends that buy once more and leaves the accepted one alone', async () => {
    const id = await newCampaign(['prod_nw_native', 'prod_cb_feed'])
    const first = await execute(id)
    expect(first.data).toMatchObject({ success: false, mediaBuysExecuted: 1 })
    const failed = await t.campaign(id)
    expect(buyBy(failed, 'Cobalt Social').status).toBe('FAILED')
    // Cobalt refused the first submission, so only Northwind holds an order.
    expect(ordersHeld(failed).map((o) => o.seller)).toEqual(['sa_northwind'])

    const retry = await execute(id)
    expect(retry.data).toMatchObject({ success: true, mediaBuysExecuted: 1 })
    const c = await t.campaign(id)
    expect(buyBy(c, 'Cobalt Social').status).toBe('PENDING_APPROVAL')
    expectOneOrderPerBuy(c)
    expect(
      ordersHeld(c)
        .map((o) => o.seller)
        .sort(),
    ).toEqual(['sa_cobalt', 'sa_northwind'])
  })
})
