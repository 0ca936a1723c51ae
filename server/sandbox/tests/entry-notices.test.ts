// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { SimulatedAgent } from '../agents/simulated-agent.ts'
import type { UpdateMediaBuyRequest } from '../agents/adcp.ts'
import { buyBy, NOW, openSandbox, type Buy, type Campaign, type TestSandbox, sellerRequests } from './helpers.ts'

// What a seller hears about an update (only what changed, and only for an order it holds), what stays in place on a
// buy that is not ACTIVE (no D6 pending version), and D5: the buyer's answer to a seller's question goes back to it.

const received = vi.spyOn(SimulatedAgent.prototype, 'handle')

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
  received.mockClear()
})
afterEach(() => t.done())

async function sellerUpdates(buyId: string) {
  await new Promise((r) => setTimeout(r, 30))
  return sellerRequests<UpdateMediaBuyRequest>(received, 'update_media_buy', buyId)
}

async function accepted(campaignId: string, entry: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = await t.call<{ campaign: Campaign }>('PUT', `/campaigns/${campaignId}`, { mediaBuys: [entry], ...extra })
  expect(res.error).toBeNull()
  return res.data.campaign.mediaBuys.find((b) => b.mediaBuyId === entry.mediaBuyId)!
}

type WithWhy = Buy & { pendingAt?: string; pendingReason?: string; pendingSince?: string; errorOwner?: string }

describe("D5: an update to a buy in INPUT_REQUIRED is the buyer's answer", () => {
  it('moves the buy to PENDING_APPROVAL, in the seller’s review, and sends the seller the reply', async () => {
    const c = await t.campaign(campaignIdOf(5))
    const buy = buyBy(c, 'Harbor Streaming')
    expect(buy.status).toBe('INPUT_REQUIRED')
    const after = (await accepted(c.campaignId, {
      mediaBuyId: buy.mediaBuyId,
      updated_reason: 'Yes, 20,000 is the budget',
    })) as WithWhy
    expect(after).toMatchObject({
      status: 'PENDING_APPROVAL',
      pendingAt: 'salesagent',
      pendingReason: 'awaiting_source_moderation',
      pendingSince: NOW.toISOString(),
    })
    expect(after.errorOwner).toBeUndefined()
    const sent = await sellerUpdates(buy.mediaBuyId)
    expect(sent.map((u) => u.reason)).toEqual(['Yes, 20,000 is the budget'])
  })
})

describe('the seller is told only what it must hear', () => {
  it('a rename is the buyer’s own: stored at once, with no pending version and nothing sent', async () => {
    const c = await t.campaign(campaignIdOf(9))
    const buy = buyBy(c, 'Summit Audio Network')
    const after = await accepted(c.campaignId, { mediaBuyId: buy.mediaBuyId, name: 'Summit, winter push' })
    expect(after.name).toBe('Summit, winter push')
    expect(after.pendingChange).toBeUndefined()
    expect(await sellerUpdates(buy.mediaBuyId)).toEqual([])
  })

  it('creatives chosen for a draft reach no seller: it has no order yet', async () => {
    const c = await t.campaign(campaignIdOf(4))
    const buy = buyBy(c, 'Northwind Exchange')
    const ids = buy.creatives.map((cr) => cr.creativeId)
    expect(ids.length).toBeGreaterThan(0)
    const after = await accepted(c.campaignId, { mediaBuyId: buy.mediaBuyId, creative_ids: ids })
    expect(after.creativeIds).toEqual(ids)
    expect(await sellerUpdates(buy.mediaBuyId)).toEqual([])
  })

  it('a PAUSED buy takes a new start in place, and its seller is told the start', async () => {
    const c = await t.campaign(campaignIdOf(11))
    const buy = buyBy(c, 'Northwind Exchange')
    expect(buy.status).toBe('PAUSED')
    const after = await accepted(c.campaignId, { mediaBuyId: buy.mediaBuyId, start_time: '2026-12-01T00:00:00Z' })
    expect(after.startTime).toBe('2026-12-01T00:00:00Z')
    expect(after.pendingChange).toBeUndefined()
    const sent = await sellerUpdates(buy.mediaBuyId)
    expect(sent.map((u) => [u.start_time, u.end_time])).toEqual([['2026-12-01T00:00:00Z', undefined]])
  })
})

describe('D3: a package change sent with a lower total', () => {
  it('a package whose budget was not sent is scaled like the others', async () => {
    const c = await t.campaign(campaignIdOf(11))
    const buy = buyBy(c, 'Northwind Exchange')
    const [pkg] = buy.packages
    const after = await accepted(
      c.campaignId,
      { mediaBuyId: buy.mediaBuyId, packages: [{ packageId: pkg.packageId, pacing: 'asap' }] },
      { budget: { total: c.allocatedBudget / 2 } },
    )
    expect(after.packages[0]).toMatchObject({ budget: pkg.budget / 2, pacing: 'asap' })
  })
})
