// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { campaignStatusChangeResponseSchema, campaignCascadeResponseSchema } from '../../../src/api/schemas/execute.ts'
import { adcpStatusOutputSchema } from '../../../src/api/schemas/status.ts'
import {
  reportingSummaryResponseSchema,
  reportingTimeseriesResponseSchema,
} from '../../../src/api/schemas/reporting.ts'
import { campaignIdOf } from '../seed/scenarios.ts'
import { buyBy, DAY, HOUR, openSandbox, type Campaign, type TestSandbox } from './helpers.ts'

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
})
afterEach(() => t.done())

interface ExecuteData {
  previousStatus: string
  newStatus: string
  success: boolean
  mediaBuysExecuted: number
  reason?: string
  errors?: {
    mediaBuyId: string
    salesAgentId: string
    message: string
    debug?: {
      request: Record<string, unknown>
      response: { errors: { code: string; recovery: string }[] }
      debugLogs: { type: string; message: string }[]
      error: string
    }
  }[]
  warnings?: { type: string }[]
}

const execute = (id: string, body: unknown = {}) => t.call<ExecuteData>('POST', `/campaigns/${id}/execute`, body)

async function newCampaign(productIds: string[], total = 30_000): Promise<string> {
  const res = await t.call<{ campaign: Campaign }>('POST', '/campaigns', {
    advertiserId: 10421,
    name: 'Execute test',
    mode: 'discovery',
    budget: { total },
    flightDates: { startDate: '2026-11-26T00:00:00Z', endDate: '2026-12-26T00:00:00Z' },
    productIds,
  })
  return res.data.campaign.campaignId
}

function taskCount(buyId: string): number {
  const db = new Database(t.dbFile, { readonly: true })
  const n = (
    db
      .prepare("SELECT COUNT(*) AS n FROM agent_tasks WHERE media_buy_id = ? AND task_type = 'create_media_buy'")
      .get(buyId) as { n: number }
  ).n
  db.close()
  return n
}

describe('POST /campaigns/{id}/execute', () => {
  it('creates one buy per sales agent from the selected products, submits them, and activates the campaign', async () => {
    const id = campaignIdOf(3)
    const res = await execute(id)
    campaignStatusChangeResponseSchema.parse(res.data)
    expect(res.data).toMatchObject({
      previousStatus: 'DRAFT',
      newStatus: 'ACTIVE',
      success: true,
      mediaBuysExecuted: 2,
    })
    const c = await t.campaign(id)
    expect(c.mediaBuys.map((b) => b.status).sort()).toEqual(['ACTIVE', 'PENDING_APPROVAL']) // Northwind approves at once, Pinnacle reviews
    expect(c.mediaBuys.every((b) => b.products.length === 1 && b.packages.length === 1)).toBe(true)
  })

  it('is idempotent: a second execute sends nothing and changes nothing', async () => {
    const id = campaignIdOf(3)
    await execute(id)
    const before = await t.campaign(id)
    const again = await execute(id)
    expect(again.data).toMatchObject({
      success: true,
      mediaBuysExecuted: 0,
      reason: 'no_media_buys_to_execute',
      previousStatus: 'ACTIVE',
      newStatus: 'ACTIVE',
    })
    expect(await t.campaign(id)).toEqual(before)
    expect(before.mediaBuys.every((b) => taskCount(b.mediaBuyId) === 1)).toBe(true)
  })

  it('cuts paced buys into one package per product per pacing period', async () => {
    const res = await execute(campaignIdOf(28))
    expect(res.data.success).toBe(true)
    const c = await t.campaign(campaignIdOf(28))
    for (const buy of c.mediaBuys) {
      expect(buy.packages).toHaveLength(4)
      expect(Math.round(buy.packages.reduce((s, p) => s + p.budget, 0) * 100) / 100).toBe(buy.products[0].budget)
    }
  })

  it('reports a failing agent with debug traffic, and a retry sends only the failed buy', async () => {
    const id = await newCampaign(['prod_nw_native', 'prod_cb_feed'])
    const res = await execute(id, { debug: true })
    campaignStatusChangeResponseSchema.parse(res.data)
    expect(res.data).toMatchObject({
      previousStatus: 'DRAFT',
      newStatus: 'ACTIVE',
      success: false,
      mediaBuysExecuted: 1,
    })
    const [error] = res.data.errors!
    expect(error.salesAgentId).toBe('sa_cobalt')
    expect(error.debug?.request).toMatchObject({
      buyer_ref: error.mediaBuyId,
      packages: [expect.objectContaining({ product_id: 'prod_cb_feed' })],
      push_notification_config: expect.any(Object),
    })
    expect(error.debug?.response.errors[0]).toMatchObject({ code: 'SERVICE_UNAVAILABLE', recovery: 'transient' })
    // The traffic itself (MCP over loopback through @adcp/client) is covered in execution-mcp.test.ts.
    expect(error.debug?.debugLogs.some((l) => l.message.startsWith('MCP: Calling tool create_media_buy'))).toBe(true)
    const c = await t.campaign(id)
    const failed = buyBy(c, 'Cobalt Social')
    const ok = buyBy(c, 'Northwind Exchange')
    expect(failed).toMatchObject({ status: 'FAILED', errorOwner: 'seller' })

    const retry = await execute(id)
    expect(retry.data).toMatchObject({ success: true, mediaBuysExecuted: 1 })
    expect(taskCount(ok.mediaBuyId)).toBe(1)
    expect(taskCount(failed.mediaBuyId)).toBe(2)
    expect(buyBy(await t.campaign(id), 'Cobalt Social').status).toBe('PENDING_APPROVAL')
  })

  it('leaves debug out unless asked', async () => {
    const res = await execute(campaignIdOf(19))
    expect(res.data.errors ?? []).toEqual([]) // the retry of the seeded failure goes through
    const id = await newCampaign(['prod_cb_stories'])
    const failed = await execute(id)
    expect(failed.data.errors?.[0].debug).toBeUndefined()
  })

  it('refuses a body with unknown keys, and accepts an empty body', async () => {
    const bad = await execute(campaignIdOf(3), { debug: true, dryRun: true })
    expect(bad.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'dryRun' })
    const res = await t.sb.api.request(`/campaigns/${campaignIdOf(21)}/execute`, {
      method: 'POST',
      headers: { authorization: 'Bearer x' },
    })
    expect(((await res.json()) as { data: ExecuteData }).data.reason).toBe('no_media_buys_to_execute')
  })

  it('answers 402 CREDIT_LIMIT_EXCEEDED for an advertiser whose credit line is used up, and submits nothing', async () => {
    const res = await execute(campaignIdOf(14))
    expect(res.status).toBe(402)
    expect(res.error?.code).toBe('CREDIT_LIMIT_EXCEEDED')
    expect((await t.campaign(campaignIdOf(14))).status).toBe('DRAFT')
  })

  it('warns about creatives the buy cannot carry', async () => {
    const res = await execute(campaignIdOf(4))
    expect(res.data.warnings?.some((w) => w.type === 'creatives_dropped')).toBe(true)
  })
})

describe('simulated sellers on the clock', () => {
  it('the input-asking seller moves on once the reply raises the budget to what it asked', async () => {
    const id = campaignIdOf(5)
    const c = await t.campaign(id)
    const harbor = buyBy(c, 'Harbor Streaming')
    expect(harbor).toMatchObject({ status: 'INPUT_REQUIRED', errorOwner: 'buyer_input' })
    expect(harbor.sourceMessage).toMatch(/at least 20,000\.00 USD/)
    const res = await t.call('PUT', `/campaigns/${id}`, {
      budget: { total: 30_000 },
      mediaBuys: [
        {
          mediaBuyId: harbor.mediaBuyId,
          packages: [{ packageId: harbor.packages[0].packageId, budget: 20_000 }],
          updated_reason: 'Raised to 20,000 as requested',
        },
      ],
    })
    expect(res.status).toBe(200)
    t.sb.tick(HOUR)
    expect(buyBy(await t.campaign(id), 'Harbor Streaming').status).toBe('PENDING_APPROVAL')
    t.sb.tick(4 * HOUR)
    expect(buyBy(await t.campaign(id), 'Harbor Streaming').status).toBe('ACTIVE')
  })

  it('stays INPUT_REQUIRED with a new message when the reply does not answer the question', async () => {
    const id = campaignIdOf(5)
    const harbor = buyBy(await t.campaign(id), 'Harbor Streaming')
    const first = harbor.sourceMessage
    await t.call('PUT', `/campaigns/${id}`, {
      mediaBuys: [{ mediaBuyId: harbor.mediaBuyId, updated_reason: 'Can you do it for 12,000?' }],
    })
    t.sb.tick(2 * HOUR)
    const after = buyBy(await t.campaign(id), 'Harbor Streaming')
    expect(after.status).toBe('INPUT_REQUIRED')
    expect(after.sourceMessage).not.toBe(first)
    expect(after.sourceMessage).toMatch(/still 12,000\.00 USD/)
  })

  it('the slow seller approves after two days; delivery then accrues within budget', async () => {
    const id = campaignIdOf(17)
    expect((await t.campaign(id)).mediaBuys[0].status).toBe('PENDING_APPROVAL')
    t.sb.tick(DAY)
    expect((await t.campaign(id)).mediaBuys[0].status).toBe('ACTIVE')
    t.sb.tick(3 * DAY)
    const buy = (await t.campaign(id)).mediaBuys[0]
    expect(buy.performance.impressions).toBeGreaterThan(0)
    expect(buy.performance.spend).toBeGreaterThan(0)
    expect(buy.performance.spend).toBeLessThanOrEqual(buy.packages[0].budget)
  })

  it('the rejecting seller declines a buy below its minimum', async () => {
    const id = await newCampaign(['prod_sm_podcast'], 3_000)
    await execute(id)
    t.sb.tick(2 * HOUR)
    const buy = (await t.campaign(id)).mediaBuys[0]
    expect(buy).toMatchObject({ status: 'REJECTED' })
    expect(buy.sourceMessage).toMatch(/minimum order/)
  })

  it('delivery stops at the end of the flight and the buy completes', async () => {
    const id = campaignIdOf(12)
    t.sb.tick(8 * DAY)
    const c = await t.campaign(id)
    const nw = buyBy(c, 'Northwind Exchange')
    expect(nw.status).toBe('COMPLETED')
    expect(nw.performance.spend).toBeLessThanOrEqual(12_000)
    expect(c.status).toBe('COMPLETED')
  })
})

describe('pause and reactivate (CONTRACT §6, D9)', () => {
  it('pause halts every ACTIVE buy; reactivate brings them back', async () => {
    const id = campaignIdOf(1)
    const paused = await t.call<{ mediaBuyResults: { success: boolean }[]; newStatus: string; failureCount: number }>(
      'POST',
      `/campaigns/${id}/pause`,
    )
    campaignCascadeResponseSchema.parse(paused.data)
    expect(paused.data).toMatchObject({ newStatus: 'PAUSED', failureCount: 0 })
    const c = await t.campaign(id)
    expect(c.mediaBuys.every((b) => b.status === 'PAUSED' && b.packages.every((p) => p.status === 'paused'))).toBe(true)
    const back = await t.call<{ newStatus: string; mediaBuyResults: { newStatus: string }[] }>(
      'POST',
      `/campaigns/${id}/reactivate`,
    )
    expect(back.data.newStatus).toBe('ACTIVE')
    expect(back.data.mediaBuyResults.every((r) => r.newStatus === 'ACTIVE')).toBe(true)
  })

  it('reactivate requires a PAUSED campaign', async () => {
    const res = await t.call('POST', `/campaigns/${campaignIdOf(1)}/reactivate`)
    expect(res.status).toBe(400)
    expect(res.error?.code).toBe('INVALID_STATE')
  })

  it('reactivate completes a paused buy whose end has passed (D9)', async () => {
    const id = campaignIdOf(11)
    const c = await t.campaign(id)
    const nw = buyBy(c, 'Northwind Exchange')
    const db = new Database(t.dbFile)
    db.prepare('UPDATE media_buys SET end_time = ? WHERE id = ?').run('2026-11-20T00:00:00Z', nw.mediaBuyId)
    db.close()
    const res = await t.call<{ mediaBuyResults: { mediaBuyId: string; newStatus: string }[] }>(
      'POST',
      `/campaigns/${id}/reactivate`,
    )
    expect(res.data.mediaBuyResults.find((r) => r.mediaBuyId === nw.mediaBuyId)?.newStatus).toBe('COMPLETED')
    expect(res.data.mediaBuyResults.find((r) => r.mediaBuyId !== nw.mediaBuyId)?.newStatus).toBe('ACTIVE')
  })
})

describe('GET /campaigns/{id}/media-buy-status', () => {
  it('answers GetAdcpStatusOutput with the §8.4 mapping and blockers', async () => {
    const res = await t.call<{
      operational_status: string
      media_buys: { internal_status: string; operational_status: string; blockers: string[]; error_owner?: string }[]
      blockers: { code: string }[]
      agents_queried: number
      has_delivery: boolean
    }>('GET', `/campaigns/${campaignIdOf(5)}/media-buy-status`)
    adcpStatusOutputSchema.parse(res.data)
    expect(res.data.operational_status).toBe('attention_required')
    const input = res.data.media_buys.find((b) => b.internal_status === 'INPUT_REQUIRED')!
    expect(input).toMatchObject({ operational_status: 'attention_required', error_owner: 'buyer_input' })
    expect(input.blockers[0]).toMatch(/20,000/)
    expect(res.data.blockers.map((b) => b.code)).toContain('INPUT_REQUIRED')
    expect(res.data.agents_queried).toBe(2)
    expect(res.data.has_delivery).toBe(true)
    const draft = await t.call<{ operational_status: string }>('GET', `/campaigns/${campaignIdOf(4)}/media-buy-status`)
    expect(draft.data.operational_status).toBe('draft')
    const none = await t.call<{ operational_status: string }>('GET', `/campaigns/${campaignIdOf(21)}/media-buy-status`)
    expect(none.data.operational_status).toBe('no_media_buys')
  })
})

describe('POST /sandbox/webhooks/adcp', () => {
  it('persists an AdCP push payload and applies it to the buy', async () => {
    const c = await t.campaign(campaignIdOf(17))
    const buy = c.mediaBuys[0]
    const res = await t.control<{ applied: boolean; mediaBuyId: string }>('POST', '/webhooks/adcp', {
      task_id: 'task_external_1',
      task_type: 'create_media_buy',
      status: 'completed',
      timestamp: '2026-11-25T12:00:00Z',
      result: { buyer_ref: buy.mediaBuyId, media_buy_id: 'mp_external', status: 'active' },
    })
    expect(res.data).toMatchObject({ applied: true, mediaBuyId: buy.mediaBuyId })
    expect((await t.campaign(c.campaignId)).mediaBuys[0].status).toBe('ACTIVE')
    const state = await t.control<{ recentWebhooks: { taskType: string; mediaBuyId: string }[] }>('GET', '/state')
    expect(state.data.recentWebhooks[0]).toMatchObject({ taskType: 'create_media_buy', mediaBuyId: buy.mediaBuyId })
  })

  it('refuses a payload carrying a token the platform never issued', async () => {
    const res = await t.control('POST', '/webhooks/adcp', {
      task_id: 'x',
      task_type: 'create_media_buy',
      status: 'completed',
      timestamp: '2026-11-25T12:00:00Z',
      token: 'forged',
    })
    expect(res.status).toBe(401)
    expect(res.error?.code).toBe('UNAUTHORIZED')
  })

  it('refuses a payload that is not AdCP-shaped', async () => {
    const res = await t.control('POST', '/webhooks/adcp', { hello: 'world' })
    expect(res.error?.code).toBe('VALIDATION_ERROR')
  })
})

describe("a seller's push moves a buy: the why fields belong to the status they explain", () => {
  const push = (buyId: string, status: string, extra: Record<string, unknown> = {}) =>
    t.control('POST', '/webhooks/adcp', {
      task_id: `task_push_${status}`,
      task_type: 'create_media_buy',
      status,
      timestamp: '2026-11-25T12:00:00Z',
      result: { buyer_ref: buyId },
      ...extra,
    })
  const statusOf = async (campaignId: string, buyId: string) =>
    (
      await t.call<{
        media_buys: { media_buy_id: string; previous_internal_status: string; previous_adcp_status?: string }[]
      }>('GET', `/campaigns/${campaignId}/media-buy-status`)
    ).data.media_buys.find((b) => b.media_buy_id === buyId)!

  it('leaving INPUT_REQUIRED clears the seller question and whose move it was', async () => {
    const c = await t.campaign(campaignIdOf(5))
    const buy = c.mediaBuys.find((b) => b.status === 'INPUT_REQUIRED')!
    expect(buy).toMatchObject({ errorOwner: 'buyer_input', sourceMessage: expect.stringMatching(/20,000/) })
    expect(
      (await push(buy.mediaBuyId, 'completed', { result: { buyer_ref: buy.mediaBuyId, status: 'active' } })).status,
    ).toBe(200)
    const after = (await t.campaign(c.campaignId)).mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId)!
    expect(after.status).toBe('ACTIVE')
    expect(after).not.toHaveProperty('errorOwner')
    expect(after).not.toHaveProperty('sourceMessage')
  })

  it('a second question while INPUT_REQUIRED keeps the status it came from', async () => {
    const c = await t.campaign(campaignIdOf(5))
    const buy = c.mediaBuys.find((b) => b.status === 'INPUT_REQUIRED')!
    const before = await statusOf(c.campaignId, buy.mediaBuyId)
    expect(before.previous_internal_status).toBe('PENDING_APPROVAL')
    const question = 'Harbor Streaming also needs the landing page URL'
    expect((await push(buy.mediaBuyId, 'input-required', { message: question })).status).toBe(200)
    const after = (await t.campaign(c.campaignId)).mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId)!
    expect(after).toMatchObject({ status: 'INPUT_REQUIRED', errorOwner: 'buyer_input', sourceMessage: question })
    expect(await statusOf(c.campaignId, buy.mediaBuyId)).toMatchObject({
      previous_internal_status: 'PENDING_APPROVAL',
      previous_adcp_status: before.previous_adcp_status,
    })
  })
})

describe('GET /reporting/metrics', () => {
  it('answers the summary hierarchy and daily timeseries rows from the delivery the sellers reported', async () => {
    const summary = await t.call('GET', `/reporting/metrics?campaignId=${campaignIdOf(1)}&days=7`)
    const parsed = reportingSummaryResponseSchema.parse(summary.data)
    expect(parsed.advertisers).toHaveLength(1)
    expect(parsed.totals.impressions).toBeGreaterThan(0)
    expect(parsed.totalsCurrency).toBe('USD')
    const series = await t.call<{ timeseries: { date: string; packageId: string }[] }>(
      'GET',
      `/reporting/metrics?campaignId=${campaignIdOf(1)}&days=7&view=timeseries`,
    )
    reportingTimeseriesResponseSchema.parse(series.data)
    const dates = new Set(series.data.timeseries.map((r) => r.date))
    expect(dates.size).toBe(7)
    t.sb.tick(DAY)
    const later = await t.call<{ timeseries: { date: string }[]; periodEnd: string }>(
      'GET',
      `/reporting/metrics?campaignId=${campaignIdOf(1)}&days=1&view=timeseries`,
    )
    expect(later.data.timeseries.length).toBeGreaterThan(0)
    expect(later.data.timeseries.every((r) => r.date === later.data.periodEnd)).toBe(true)
  })

  it('nulls money totals when advertisers mix currencies', async () => {
    const res = await t.call<{ totalsCurrency: string | null; totals: { spend: number | null } }>(
      'GET',
      '/reporting/metrics?days=30',
    )
    expect(res.data.totalsCurrency).toBeNull()
    expect(res.data.totals.spend).toBeNull()
  })
})

describe('sandbox control', () => {
  it('ticks by days and resets to the demo account', async () => {
    const before = await t.control<{ now: string }>('GET', '/state')
    await t.control('POST', '/tick', { days: 2 })
    const after = await t.control<{ now: string }>('GET', '/state')
    expect(Date.parse(after.data.now) - Date.parse(before.data.now)).toBe(2 * DAY)
    await t.call('PUT', `/campaigns/${campaignIdOf(1)}`, { name: 'Changed' })
    await t.control('POST', '/reset')
    expect((await t.campaign(campaignIdOf(1))).revision).toBeGreaterThan(0)
    const state = await t.control<{ counts: { campaigns: number }; mediaBuyStatuses: Record<string, number> }>(
      'GET',
      '/state',
    )
    expect(state.data.counts.campaigns).toBe(30)
    expect(Object.keys(state.data.mediaBuyStatuses).sort()).toEqual([
      'ACTIVE',
      'ARCHIVED',
      'CANCELED',
      'COMPLETED',
      'DRAFT',
      'FAILED',
      'INPUT_REQUIRED',
      'PAUSED',
      'PENDING_APPROVAL',
      'REJECTED',
    ])
  })
})
