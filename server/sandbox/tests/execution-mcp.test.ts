// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { campaignStatusChangeResponseSchema } from '../../../src/api/schemas/execute.ts'
import { buyBy, openSandbox, type Campaign, type TestSandbox } from './helpers.ts'

// One sandbox (and one set of seller MCP servers) for the whole file keeps it fast; each test makes its own campaign.
let t: TestSandbox
beforeAll(async () => {
  t = openSandbox()
  await t.sb.ready()
})
afterAll(() => t.done())

interface Log {
  type: string
  message: string
  response?: { structuredContent?: Record<string, unknown>; isError?: boolean }
}
interface ExecError {
  mediaBuyId: string
  salesAgentId: string
  message: string
  debug?: {
    request: Record<string, unknown>
    response?: { status: string; errors?: { code: string; message: string; recovery?: string }[] }
    debugLogs: Log[]
    error?: string
  }
}
interface ExecuteData {
  previousStatus: string
  newStatus: string
  success: boolean
  mediaBuysExecuted: number
  reason?: string
  errors?: ExecError[]
}

const execute = (id: string, body: unknown = {}) => t.call<ExecuteData>('POST', `/campaigns/${id}/execute`, body)
const fault = (agentId: string, body: Record<string, unknown>) => t.control('POST', `/agents/${agentId}/fault`, body)

async function newCampaign(productIds: string[]): Promise<string> {
  const res = await t.call<{ campaign: Campaign }>('POST', '/campaigns', {
    advertiserId: 10421,
    name: 'MCP execute test',
    mode: 'discovery',
    budget: { total: 40_000 },
    flightDates: { startDate: '2026-11-26T00:00:00Z', endDate: '2026-12-26T00:00:00Z' },
    productIds,
  })
  return res.data.campaign.campaignId
}

function createCalls(buyId: string): number {
  const db = new Database(t.dbFile, { readonly: true })
  const n = (
    db
      .prepare("SELECT COUNT(*) AS n FROM agent_tasks WHERE media_buy_id = ? AND task_type = 'create_media_buy'")
      .get(buyId) as { n: number }
  ).n
  db.close()
  return n
}

describe('execute over MCP with @adcp/client', () => {
  it('partial failure: the seller answers an AdCP error over MCP, and debug carries the genuine exchange', async () => {
    const id = await newCampaign(['prod_nw_native', 'prod_cb_feed', 'prod_pn_sponsored'])
    const res = await execute(id, { debug: true })
    campaignStatusChangeResponseSchema.parse(res.data)
    expect(res.data).toMatchObject({
      previousStatus: 'DRAFT',
      newStatus: 'ACTIVE',
      success: false,
      mediaBuysExecuted: 2,
    })
    expect(res.data.errors).toHaveLength(1)
    const [error] = res.data.errors!
    expect(error).toMatchObject({ salesAgentId: 'sa_cobalt', message: expect.stringMatching(/^SERVICE_UNAVAILABLE: /) })
    const debug = error.debug!
    // The request is the one the client validated and sent (AdCP field names, not the platform's).
    expect(debug.request).toMatchObject({
      buyer_ref: error.mediaBuyId,
      account: { account_id: 'adv_10421' },
      total_budget: { currency: 'USD' },
      packages: [expect.objectContaining({ product_id: 'prod_cb_feed' })],
    })
    expect(debug.response).toMatchObject({
      status: 'failed',
      errors: [{ code: 'SERVICE_UNAVAILABLE', recovery: 'transient' }],
    })
    const messages = debug.debugLogs.map((l) => l.message)
    expect(messages.some((m) => /Connected via StreamableHTTP/.test(m))).toBe(true)
    expect(
      messages.some((m) =>
        m.startsWith('MCP: Calling tool create_media_buy with args: {"buyer_ref":"' + error.mediaBuyId),
      ),
    ).toBe(true)
    const answer = debug.debugLogs.find((l) => l.response?.structuredContent)
    expect(answer?.response).toMatchObject({ isError: true, structuredContent: { status: 'failed' } })
    expect(buyBy(await t.campaign(id), 'Cobalt Social').status).toBe('FAILED')
  })

  it('retry sends only the failed buy, and it goes through', async () => {
    const id = await newCampaign(['prod_nw_native', 'prod_cb_feed'])
    await execute(id)
    const before = await t.campaign(id)
    const ok = buyBy(before, 'Northwind Exchange')
    const failed = buyBy(before, 'Cobalt Social')
    const retry = await execute(id, { debug: true })
    expect(retry.data).toMatchObject({
      previousStatus: 'ACTIVE',
      newStatus: 'ACTIVE',
      success: true,
      mediaBuysExecuted: 1,
    })
    expect(retry.data.errors).toBeUndefined()
    expect(createCalls(ok.mediaBuyId)).toBe(1)
    expect(createCalls(failed.mediaBuyId)).toBe(2)
    expect(buyBy(await t.campaign(id), 'Cobalt Social').status).toBe('PENDING_APPROVAL')
    const again = await execute(id)
    expect(again.data).toMatchObject({ mediaBuysExecuted: 0, reason: 'no_media_buys_to_execute' })
  })

  it('a seller that drops the connection gives a FAILED buy with a transient error and the transport log', async () => {
    await fault('sa_northwind', { mode: 'drop' })
    try {
      const id = await newCampaign(['prod_nw_ros'])
      const res = await execute(id, { debug: true })
      expect(res.data).toMatchObject({ success: false, mediaBuysExecuted: 0, newStatus: 'DRAFT' })
      const [error] = res.data.errors!
      expect(error.message).toMatch(/^AGENT_UNREACHABLE: /)
      expect(error.debug?.response?.errors?.[0]).toMatchObject({ code: 'AGENT_UNREACHABLE', recovery: 'transient' })
      expect(
        error.debug?.debugLogs.some(
          (l) => l.type === 'error' && l.message.startsWith('MCP: Tool create_media_buy call failed'),
        ),
      ).toBe(true)
      expect(buyBy(await t.campaign(id), 'Northwind Exchange').status).toBe('FAILED')
    } finally {
      await fault('sa_northwind', { mode: 'none' })
    }
  })

  it('a seller that never answers in time is given up on after the configured wait', async () => {
    await fault('sa_pinnacle', { mode: 'timeout', timeoutMs: 300, holdMs: 600 })
    try {
      const id = await newCampaign(['prod_pn_offsite'])
      const started = Date.now()
      const res = await execute(id, { debug: true })
      expect(Date.now() - started).toBeLessThan(3_000)
      const [error] = res.data.errors!
      expect(error).toMatchObject({
        salesAgentId: 'sa_pinnacle',
        message: expect.stringMatching(/^AGENT_TIMEOUT: .*300 ms/),
      })
      expect(error.debug?.response?.errors?.[0].recovery).toBe('transient')
      expect(error.debug?.debugLogs.at(-1)?.message).toMatch(/no answer from sa_pinnacle within 300 ms/)
      await fault('sa_pinnacle', { mode: 'none' })
      const retry = await execute(id)
      expect(retry.data).toMatchObject({ success: true, mediaBuysExecuted: 1 })
    } finally {
      await fault('sa_pinnacle', { mode: 'none' })
    }
  })

  it('syncs the creatives to the seller before the buy; a creative the seller rejects shows its reason', async () => {
    const id = await newCampaign(['prod_nw_native'])
    const db = new Database(t.dbFile)
    const at = '2026-11-25T12:00:00.000Z'
    const add = db.prepare(
      `INSERT INTO creatives (id, campaign_id, name, format_kind, format_id, width, height, duration_ms, preview_url, asset_count, created_at, updated_at)
       VALUES (?, ?, ?, 'image', 'display_300x250', ?, ?, NULL, ?, 1, ?, ?)`,
    )
    add.run('cr_fit', id, 'MREC that fits', 300, 250, 'https://cdn.example/fit.png', at, at)
    add.run('cr_leader', id, 'Leaderboard sent as MREC', 728, 90, 'https://cdn.example/leader.png', at, at)
    db.close()
    const res = await execute(id)
    expect(res.data).toMatchObject({ success: true, mediaBuysExecuted: 1 })
    const buy = (await t.campaign(id)).mediaBuys[0] as unknown as {
      status: string
      creatives: {
        creativeId: string
        status: string
        sourceSyncStatus: { approvalStatus: string | null; rejectionReason: string | null; sourceId: string | null }[]
      }[]
    }
    expect(buy.status).toBe('ACTIVE')
    const byId = new Map(buy.creatives.map((c) => [c.creativeId, c]))
    expect(byId.get('cr_fit')).toMatchObject({ status: 'approved', sourceSyncStatus: [{ approvalStatus: 'approved' }] })
    expect(byId.get('cr_leader')).toMatchObject({
      status: 'rejected',
      sourceSyncStatus: [
        {
          approvalStatus: 'rejected',
          sourceId: 'northwind_crv_cr_leader',
          rejectionReason: expect.stringMatching(/728x90.*needs 300x250/),
        },
      ],
    })
    const held = new Database(t.dbFile, { readonly: true })
    const rows = held
      .prepare(
        "SELECT creative_id, status FROM agent_creatives WHERE sales_agent_id = 'sa_northwind' AND creative_id IN ('cr_fit', 'cr_leader') ORDER BY creative_id",
      )
      .all()
    held.close()
    expect(rows).toEqual([
      { creative_id: 'cr_fit', status: 'approved' },
      { creative_id: 'cr_leader', status: 'rejected' },
    ])
  })

  it('refuses a fault for an unknown seller', async () => {
    expect((await fault('sa_nobody', { mode: 'drop' })).status).toBe(404)
  })
})
