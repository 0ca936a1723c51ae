// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { SimulatedAgent } from '../agents/simulated-agent.ts'
import type { AdcpResponse, UpdateMediaBuyRequest } from '../agents/adcp.ts'
import { buyBy, DAY, HOUR, NOW, openSandbox, type Buy, type Campaign, type TestSandbox } from './helpers.ts'

// What a buyer sees stored after each kind of change: the live values, not only the pending-change record.

const received = vi.spyOn(SimulatedAgent.prototype, 'handle')

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
  received.mockClear()
})
afterEach(() => t.done())

const put = (id: string, body: unknown) =>
  t.call<{ campaign: Campaign; warnings?: string[] }>('PUT', `/campaigns/${id}`, body)
const budgets = (c: Campaign) =>
  Object.fromEntries(c.mediaBuys.flatMap((b) => b.packages.map((p) => [p.packageId, p.budget])))
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')

describe('D3: only live packages count as the allocation', () => {
  // [what is left out, campaign, new total]: each new total is above the live allocation and below it with the
  // left-out packages counted, so counting them would scale the live packages down.
  it.each([
    ['COMPLETED buys', 23, 11_000],
    ['CANCELED buys', 12, 20_000],
    ['REJECTED buys', 6, 7_000],
    ['FAILED buys', 7, 8_000],
    ['canceled packages', 22, 14_600],
  ])('leaves out %s: a total above the live packages scales nothing', async (_what, n, total) => {
    const c = await t.campaign(campaignIdOf(n))
    const res = await put(c.campaignId, { budget: { total } })
    expect(res.status).toBe(200)
    expect(res.data.warnings ?? []).toEqual([])
    const after = await t.campaign(c.campaignId)
    expect(after.budget.total).toBe(total)
    expect(budgets(after)).toEqual(budgets(c))
  })

  it('scales the live packages when the total goes below them, and leaves finished buys as they were', async () => {
    const c = await t.campaign(campaignIdOf(12))
    const live = buyBy(c, 'Northwind Exchange')
    const canceled = buyBy(c, 'Meridian Premium Direct')
    const res = await put(c.campaignId, { budget: { total: 9_000 } })
    expect(res.status).toBe(200)
    const after = await t.campaign(c.campaignId)
    expect(buyBy(after, 'Northwind Exchange').packages[0].budget).toBe(9_000)
    expect(buyBy(after, 'Meridian Premium Direct').packages).toEqual(canceled.packages)
    expect(live.packages[0].budget).toBe(12_000)
  })

  it('a raised total scales nothing up', async () => {
    const c = await t.campaign(campaignIdOf(15))
    const res = await put(c.campaignId, { budget: { total: 90_000 } })
    expect(res.status).toBe(200)
    expect(budgets(await t.campaign(c.campaignId))).toEqual(budgets(c))
  })
})

describe('D3 with D6: explicit package budgets sent with a lower total', () => {
  it("leave an ACTIVE buy's live budget alone until its seller approves, while the rest is scaled in place", async () => {
    const c = await t.campaign(campaignIdOf(15))
    const harbor = buyBy(c, 'Harbor Streaming')
    const pkg = harbor.packages[0]
    expect(pkg.budget).toBe(25_000)
    const res = await put(c.campaignId, {
      budget: { total: 30_000 },
      mediaBuys: [{ mediaBuyId: harbor.mediaBuyId, packages: [{ packageId: pkg.packageId, budget: 20_000 }] }],
    })
    expect(res.status).toBe(200)
    const after = await t.campaign(c.campaignId)
    const pending = buyBy(after, 'Harbor Streaming')
    expect(pending.packages[0].budget).toBe(25_000)
    expect(pending.pendingChange?.differences.budget).toEqual({ live: 25_000, proposed: 20_000 })
    // Northwind (10,000) and Cobalt (15,000) share the 10,000 left: scaled by 0.4, live at once.
    expect(buyBy(after, 'Northwind Exchange').packages[0].budget).toBe(4_000)
    expect(buyBy(after, 'Cobalt Social').packages[0].budget).toBe(6_000)

    t.sb.tick(4 * HOUR) // Harbor reviews changes within three hours
    const approved = buyBy(await t.campaign(c.campaignId), 'Harbor Streaming')
    expect(approved.pendingChange).toBeUndefined()
    expect(approved.packages[0].budget).toBe(20_000)
  })
})

describe('D6: an ACTIVE buy keeps its live values until the seller approves', () => {
  const summit = async () => {
    const c = await t.campaign(campaignIdOf(9))
    const buy = buyBy(c, 'Summit Audio Network')
    expect(buy.status).toBe('ACTIVE')
    return { c, buy }
  }
  const change = async (c: Campaign, buy: Buy, fields: Record<string, unknown>) => {
    const res = await put(c.campaignId, { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, ...fields }] })
    expect(res.status).toBe(200)
    return buyBy(await t.campaign(c.campaignId), 'Summit Audio Network')
  }
  const approve = async (c: Campaign) => {
    t.sb.tick(7 * HOUR) // Summit approves changes after six hours
    const after = buyBy(await t.campaign(c.campaignId), 'Summit Audio Network')
    expect(after.pendingChange).toBeUndefined()
    return after
  }

  it('creative_ids: the live creatives stay until approval, then the chosen ones ([] here) are live', async () => {
    const { c, buy } = await summit()
    const live = buy.creatives.map((x) => x.creativeId)
    expect(live.length).toBeGreaterThan(0)
    const chosen: string[] = []
    const pending = await change(c, buy, { creative_ids: chosen })
    expect(pending.creatives.map((x) => x.creativeId)).toEqual(live)
    expect(pending.creativeIds).toEqual(buy.creativeIds)
    expect(pending.pendingChange?.differences.creatives).toEqual({ live, proposed: chosen })
    const approved = await approve(c)
    expect(approved.creatives.map((x) => x.creativeId)).toEqual(chosen)
    expect(approved.creativeIds).toEqual(chosen)
  })

  it('optimization goals and package pacing: the pending change lists them live → proposed', async () => {
    const { c, buy } = await summit()
    const pkg = buy.packages[0]
    const goals = [{ kind: 'metric', metric: 'completed_views', priority: 1 }]
    const pacing = pkg.pacing === 'asap' ? 'even' : 'asap'
    const pending = await change(c, buy, {
      optimization_goals: goals,
      packages: [{ packageId: pkg.packageId, pacing }],
    })
    expect(pending.optimizationGoals).toEqual(buy.optimizationGoals)
    expect(pending.pendingChange?.differences.optimizationGoals).toEqual({
      live: buy.optimizationGoals ?? [],
      proposed: goals,
    })
    expect(pending.pendingChange?.differences.packages).toEqual([
      { packageId: pkg.packageId, pacing: { live: pkg.pacing, proposed: pacing } },
    ])
  })

  it('end_time: the live end stays until approval, then the proposed end is live', async () => {
    const { c, buy } = await summit()
    const end = iso(NOW.getTime() + 10 * DAY)
    expect(buy.endTime).not.toBe(end)
    const pending = await change(c, buy, { end_time: end })
    expect(pending.endTime).toBe(buy.endTime)
    expect(pending.pendingChange?.differences.endTime).toEqual({ live: buy.endTime, proposed: end })
    expect((await approve(c)).endTime).toBe(end)
  })

  it('start_time: the live start stays until approval, then the proposed start is live', async () => {
    const { c, buy } = await summit()
    const start = iso(NOW.getTime() + DAY)
    const pending = await change(c, buy, { start_time: start })
    expect(pending.startTime).toBe(buy.startTime)
    expect((await approve(c)).startTime).toBe(start)
  })

  it('optimization_goals: the live goals stay until approval', async () => {
    const { c, buy } = await summit()
    const goals = [{ kind: 'metric', metric: 'completed_views', priority: 1 }]
    const pending = await change(c, buy, { optimization_goals: goals })
    expect(pending.optimizationGoals).toEqual(buy.optimizationGoals)
    expect((await approve(c)).optimizationGoals).toEqual(goals)
  })

  it('several changes in a row wait together and land together', async () => {
    const { c, buy } = await summit()
    const [first, second] = buy.packages
    await change(c, buy, { packages: [{ packageId: first.packageId, budget: 11_000 }] })
    const pending = await change(c, buy, { packages: [{ packageId: second.packageId, budget: 7_000 }] })
    expect(pending.packages.map((p) => p.budget)).toEqual([first.budget, second.budget])
    expect(pending.pendingChange?.differences.budget).toEqual({ live: 20_000, proposed: 18_000 })
    expect((await approve(c)).packages.map((p) => p.budget)).toEqual([11_000, 7_000])
  })

  it('a pending change that names only some fields leaves the others as they are when it is approved', async () => {
    const { c, buy } = await summit()
    const [first, second] = buy.packages
    const creativeIds = [buy.creatives[0].creativeId]
    const goals = [{ kind: 'metric', metric: 'completed_views', priority: 1 }]
    const start = iso(NOW.getTime() + DAY)
    await change(c, buy, { creative_ids: creativeIds, optimization_goals: goals, start_time: start })
    const set = await approve(c)
    expect(set).toMatchObject({ creativeIds, optimizationGoals: goals, startTime: start })
    const pacing = first.pacing === 'asap' ? 'even' : 'asap'
    await change(c, set, { packages: [{ packageId: first.packageId, pacing }] })
    const approved = await approve(c)
    expect(approved).toMatchObject({ creativeIds, optimizationGoals: goals, startTime: start, endTime: set.endTime })
    expect(approved.creatives.map((x) => x.creativeId)).toEqual(creativeIds)
    expect(approved.packages.map((p) => [p.packageId, p.budget, p.pacing])).toEqual([
      [first.packageId, first.budget, pacing],
      [second.packageId, second.budget, second.pacing],
    ])
  })

  it('an approved change records its update proposal APPROVED', async () => {
    const { c, buy } = await summit()
    await change(c, buy, { packages: [{ packageId: buy.packages[0].packageId, budget: 11_000 }] })
    const proposal = await proposalOf(buy)
    expect((await t.call('GET', `/update-proposals/${proposal}`)).data).toMatchObject({ status: 'PENDING' })
    await approve(c)
    expect((await t.call('GET', `/update-proposals/${proposal}`)).data).toMatchObject({
      status: 'APPROVED',
      mediaBuyId: buy.mediaBuyId,
    })
  })

  it('a PAUSED buy takes the same changes in place, with no pending version', async () => {
    const c = await t.campaign(campaignIdOf(11))
    const buy = buyBy(c, 'Northwind Exchange')
    const end = iso(NOW.getTime() + 10 * DAY)
    const res = await put(c.campaignId, {
      mediaBuys: [{ mediaBuyId: buy.mediaBuyId, end_time: end, creative_ids: [], optimization_goals: [] }],
    })
    expect(res.status).toBe(200)
    const after = buyBy(await t.campaign(c.campaignId), 'Northwind Exchange')
    expect(after).toMatchObject({ endTime: end, creativeIds: [], creatives: [], optimizationGoals: [] })
    expect(after.pendingChange).toBeUndefined()
  })
})

/** The update proposal the buy's latest pending change belongs to, from its history. */
async function proposalOf(buy: Buy): Promise<string> {
  const res = await t.call<{ logs: { parameters?: { updateProposalId?: string } }[] }>(
    'GET',
    `/audit-logs?resourceId=${buy.mediaBuyId}`,
  )
  const id = res.data.logs.find((l) => l.parameters?.updateProposalId)?.parameters?.updateProposalId
  expect(id).toEqual(expect.any(String))
  return id!
}

describe('D6: the seller refusing a pending change', () => {
  /** The task id the seller answered the buy's latest update_media_buy with. */
  const sellerTask = (buyId: string) => {
    const i = received.mock.calls.findLastIndex(
      ([tool, args]) => tool === 'update_media_buy' && (args as UpdateMediaBuyRequest).buyer_ref === buyId,
    )
    expect(i).toBeGreaterThanOrEqual(0)
    const answer = received.mock.results[i].value as AdcpResponse
    expect(answer.status).toBe('submitted')
    return answer.task_id!
  }

  it.each(['rejected', 'failed', 'canceled'])(
    'a %s answer keeps the live values, drops the pending change, shows the message and rejects the proposal',
    async (status) => {
      const c = await t.campaign(campaignIdOf(9))
      const buy = buyBy(c, 'Summit Audio Network')
      const [pkg] = buy.packages
      const end = iso(NOW.getTime() + 10 * DAY)
      const res = await put(c.campaignId, {
        mediaBuys: [
          { mediaBuyId: buy.mediaBuyId, end_time: end, packages: [{ packageId: pkg.packageId, budget: 11_000 }] },
        ],
      })
      expect(res.status).toBe(200)
      await new Promise((r) => setTimeout(r, 50))
      const proposed = await t.campaign(c.campaignId)
      expect(buyBy(proposed, 'Summit Audio Network').pendingChange).toBeDefined()
      const proposal = await proposalOf(buy)
      const message = 'Summit Audio Network cannot take a budget below its floor'
      const hook = await t.control('POST', '/webhooks/adcp', {
        task_id: sellerTask(buy.mediaBuyId),
        task_type: 'update_media_buy',
        status,
        timestamp: iso(NOW.getTime() + HOUR),
        message,
      })
      expect(hook.status).toBe(200)
      const refusedCampaign = await t.campaign(c.campaignId)
      expect(refusedCampaign.updatedAt > proposed.updatedAt).toBe(true)
      const after = buyBy(refusedCampaign, 'Summit Audio Network')
      expect(after.updatedAt > buyBy(proposed, 'Summit Audio Network').updatedAt).toBe(true)
      expect(after.pendingChange).toBeUndefined()
      expect(after).toMatchObject({ status: 'ACTIVE', endTime: buy.endTime, sourceMessage: message })
      expect(after.packages.map((p) => p.budget)).toEqual(buy.packages.map((p) => p.budget))
      expect(
        (await t.campaign(c.campaignId)).mediaBuyRefs.find((r) => r.mediaBuyId === buy.mediaBuyId),
      ).not.toHaveProperty('pendingChange')
      expect((await t.call('GET', `/update-proposals/${proposal}`)).data).toMatchObject({
        status: 'REJECTED',
        rejectionReason: message,
        resolvedAt: expect.any(String),
      })
    },
  )
})

describe('D9: reactivate brings a buy back only while its flight allows', () => {
  const reactivateWithEnd = async (endMs: number) => {
    const c = await t.campaign(campaignIdOf(11))
    const nw = buyBy(c, 'Northwind Exchange')
    const res = await put(c.campaignId, { mediaBuys: [{ mediaBuyId: nw.mediaBuyId, end_time: iso(endMs) }] })
    expect(res.status).toBe(200)
    const back = await t.call<{ mediaBuyResults: { mediaBuyId: string; newStatus: string; success: boolean }[] }>(
      'POST',
      `/campaigns/${c.campaignId}/reactivate`,
    )
    expect(back.status).toBe(200)
    const after = await t.campaign(c.campaignId)
    return {
      result: back.data.mediaBuyResults.find((r) => r.mediaBuyId === nw.mediaBuyId),
      buy: buyBy(after, 'Northwind Exchange'),
      other: buyBy(after, 'Meridian Premium Direct'),
    }
  }

  it.each([
    ['ended an hour ago', -HOUR],
    ['ended a second ago', -1_000],
    ['ends this very moment', 0],
  ])('a buy whose flight %s is COMPLETED, and stays so', async (_when, offset) => {
    const { result, buy, other } = await reactivateWithEnd(NOW.getTime() + offset)
    expect(result).toMatchObject({ newStatus: 'COMPLETED', success: true })
    expect(buy.status).toBe('COMPLETED')
    expect(buy.packages.every((p) => p.status !== 'active')).toBe(true)
    expect(other.status).toBe('ACTIVE')
    t.sb.tick(HOUR)
    expect(buyBy(await t.campaign(campaignIdOf(11)), 'Northwind Exchange').status).toBe('COMPLETED')
  })

  it('a buy whose flight ends in an hour is ACTIVE again, its packages too', async () => {
    const { result, buy } = await reactivateWithEnd(NOW.getTime() + HOUR)
    expect(result).toMatchObject({ newStatus: 'ACTIVE', success: true })
    expect(buy.status).toBe('ACTIVE')
    expect(buy.packages.every((p) => p.status === 'active')).toBe(true)
  })

  it('a campaign whose own flight has ended comes back COMPLETED, with every buy', async () => {
    const c = await t.campaign(campaignIdOf(23))
    expect(c.status).toBe('PAUSED')
    const back = await t.call<{ newStatus: string }>('POST', `/campaigns/${c.campaignId}/reactivate`)
    expect(back.data.newStatus).toBe('COMPLETED')
    const after = await t.campaign(c.campaignId)
    expect(after.status).toBe('COMPLETED')
    expect(after.mediaBuys.map((b) => b.status)).toEqual(['COMPLETED', 'COMPLETED'])
  })
})
