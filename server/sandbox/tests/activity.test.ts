// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { listBuyerActivityResponseSchema, type BuyerAuditLog } from '../../../src/api/schemas/audit-log.ts'
import {
  notificationActionResponseSchema,
  notificationListResponseSchema,
  type NotificationListResponse,
} from '../../../src/api/schemas/notification.ts'
import {
  optimizationSuggestionDetailSchema,
  optimizationSuggestionListSchema,
  optimizationSuggestionStatusSchema,
  type OptimizationSuggestionDetail,
  type OptimizationSuggestionList,
} from '../../../src/api/schemas/optimization-suggestion.ts'
import { updateProposalSchema } from '../../../src/api/schemas/update-proposal.ts'
import { campaignResponseSchema, type Campaign as ApiCampaign } from '../../../src/api/schemas/campaign.ts'
import { packageFigures } from '../../../src/domain/pacing-levels.ts'
import { campaignIdOf } from '../seed/scenarios.ts'
import { buyBy, DAY, HOUR, NOW, openSandbox, type TestSandbox } from './helpers.ts'
import { expectSpecShape, inlineResponse, specSchema } from './spec-shapes.ts'

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
})
afterEach(() => t.done())

async function history(query: string) {
  const res = await t.call('GET', `/audit-logs?${query}`)
  expect(res.status).toBe(200)
  const body = listBuyerActivityResponseSchema.parse(res.data)
  expectSpecShape(body, specSchema('ListBuyerActivityResponse'))
  for (const row of body.logs) expectSpecShape(row, specSchema('BuyerAuditLog'))
  return body
}

async function notifications(query = '') {
  const res = await t.call<NotificationListResponse>('GET', `/notifications?${query}`)
  expect(res.status).toBe(200)
  const body = notificationListResponseSchema.parse(res.data)
  expectSpecShape(body, specSchema('NotificationListResponse'))
  for (const n of body.notifications) expectSpecShape(n, specSchema('NotificationSummary'))
  return body
}

async function suggestions(query = '') {
  const res = await t.call<OptimizationSuggestionList>('GET', `/optimization-suggestions?${query}`)
  expect(res.status).toBe(200)
  const body = optimizationSuggestionListSchema.parse(res.data)
  expectSpecShape(body, specSchema('OptimizationSuggestionList'))
  for (const s of body.suggestions) expectSpecShape(s, specSchema('OptimizationSuggestionListItem'))
  return body
}

async function suggestion(id: string): Promise<OptimizationSuggestionDetail> {
  const res = await t.call('GET', `/optimization-suggestions/${id}`)
  expect(res.status).toBe(200)
  const body = optimizationSuggestionDetailSchema.parse(res.data)
  expectSpecShape(body, specSchema('OptimizationSuggestionDetail'))
  return body
}

async function apiCampaign(id: string): Promise<ApiCampaign> {
  const res = await t.call('GET', `/campaigns/${id}?fresh=true`)
  return campaignResponseSchema.parse(res.data).campaign
}

/** Sets every live package's spend of a buy to `ratio` of what its plan needed by now, as delivery would have. */
async function paceAt(campaignId: string, mediaBuyId: string, ratio: number): Promise<void> {
  const c = await apiCampaign(campaignId)
  const buy = c.mediaBuys!.find((b) => b.mediaBuyId === mediaBuyId)!
  const db = new Database(t.dbFile)
  try {
    for (const p of buy.packages ?? []) {
      const f = packageFigures(c, buy, p, NOW)
      if (f) db.prepare('UPDATE packages SET spend = ? WHERE id = ?').run(f.expectedToDate * ratio, p.packageId)
    }
    // The optimizer leaves a buy alone for a day after its last suggestion; start these from a clean slate.
    db.prepare('DELETE FROM optimization_suggestions WHERE media_buy_id = ?').run(mediaBuyId)
  } finally {
    db.close()
  }
}

async function runOptimizer(): Promise<string[]> {
  const res = await t.control<{ created: string[] }>('POST', '/optimizer/run')
  expect(res.status).toBe(200)
  return res.data.created
}

/** A waiting suggestion for campaign 1's ACTIVE Northwind buy, pacing at half its plan. */
async function waitingSuggestion() {
  const c = await t.campaign(campaignIdOf(1))
  const buy = buyBy(c, 'Northwind Exchange')
  expect(buy.status).toBe('ACTIVE')
  expect(buy.pendingChange).toBeUndefined()
  await paceAt(c.campaignId, buy.mediaBuyId, 0.5)
  await runOptimizer()
  const list = await suggestions(`mediaBuyId=${buy.mediaBuyId}&status=HIL_WAITING`)
  expect(list.suggestions).toHaveLength(1)
  return { c, buy, id: list.suggestions[0].suggestionId }
}

describe('D10: every accepted mutation writes its history row', () => {
  it('a PUT on a DRAFT buy: one MEDIA_BUY UPDATE row by the buyer with the package budget old → new', async () => {
    const c = await t.campaign(campaignIdOf(4))
    const buy = buyBy(c, 'Northwind Exchange')
    const product = buy.products[0]
    const res = await t.call('PUT', `/campaigns/${c.campaignId}`, {
      mediaBuys: [{ mediaBuyId: buy.mediaBuyId, products: [{ productId: product.productId, budget: 4321 }] }],
    })
    expect(res.status).toBe(200)
    const { logs, total } = await history(`resourceId=${buy.mediaBuyId}`)
    expect(total).toBe(logs.length)
    const row = logs[0]
    expect(row).toMatchObject({
      action: 'UPDATE',
      resourceType: 'MEDIA_BUY',
      resourceId: buy.mediaBuyId,
      resourceName: buy.name,
      parentType: 'CAMPAIGN',
      actorOrigin: 'human',
      userEmail: 'buyer@sandbox.example',
      outcome: 'succeeded',
      advertiserId: expect.any(Number),
    })
    expect(row.changes).toEqual({ [`products.${product.productId}.budget`]: { from: product.budget, to: 4321 } })
    // The campaign filter covers the buy's rows too.
    expect((await history(`campaignId=${c.campaignId}&take=1`)).logs[0].id).toBe(row.id)
  })

  it('a PUT on an ACTIVE buy records the pending change (live → proposed), not a live change', async () => {
    const c = await t.campaign(campaignIdOf(1))
    const buy = buyBy(c, 'Northwind Exchange')
    const pkg = buy.packages[0]
    await t.call('PUT', `/campaigns/${c.campaignId}`, {
      mediaBuys: [{ mediaBuyId: buy.mediaBuyId, packages: [{ packageId: pkg.packageId, budget: pkg.budget + 500 }] }],
    })
    const [row] = (await history(`resourceId=${buy.mediaBuyId}`)).logs
    const live = buy.packages.reduce((s, p) => s + p.budget, 0)
    expect(row.changes).toEqual({ 'pendingChange.budget': { from: live, to: live + 500 } })
    expect(row.parameters).toMatchObject({ pendingChange: true, updateProposalId: expect.any(String) })
  })

  it('pause and reactivate are DEACTIVATE / ACTIVATE rows on the campaign, with each buy old → new', async () => {
    const c = await t.campaign(campaignIdOf(1))
    expect((await t.call('POST', `/campaigns/${c.campaignId}/pause`)).status).toBe(200)
    const [row] = (await history(`resourceId=${c.campaignId}&actions=DEACTIVATE`)).logs
    expect(row).toMatchObject({ resourceType: 'CAMPAIGN', actorOrigin: 'human', outcome: 'succeeded' })
    expect(row.changes).toMatchObject({ status: { from: 'ACTIVE', to: 'PAUSED' } })
    const buy = buyBy(c, 'Northwind Exchange')
    expect(row.changes![`mediaBuys.${buy.mediaBuyId}.status`]).toEqual({ from: 'ACTIVE', to: 'PAUSED' })
  })

  it('filters by actor origin, action, resource type and time window, newest first, paged with take/skip', async () => {
    const all = await history('take=500')
    expect(all.total).toBeGreaterThan(20)
    expect(all.logs.map((l) => l.id)).toEqual([...all.logs.map((l) => l.id)].sort((a, b) => b - a))
    const system = await history('actorOrigin=system&take=500')
    expect(system.total).toBeGreaterThan(0)
    expect(system.logs.every((l) => l.actorOrigin === 'system')).toBe(true)
    const creates = await history('actions=CREATE,EXECUTE&resourceTypes=CAMPAIGN&take=500')
    expect(new Set(creates.logs.map((l) => l.action))).toEqual(new Set(['CREATE', 'EXECUTE']))
    const since = new Date(NOW.getTime() - 3 * DAY).toISOString()
    const recent = await history(`startDate=${since}&take=500`)
    expect(recent.logs.every((l) => l.timestamp >= since)).toBe(true)
    expect(recent.total).toBeLessThan(all.total)
    // Paging walks the whole feed without losing or repeating a row.
    const seen: number[] = []
    for (let skip = 0; skip < all.total; skip += 7)
      seen.push(...(await history(`take=7&skip=${skip}`)).logs.map((l) => l.id))
    expect(seen).toEqual(all.logs.map((l) => l.id))
    expect((await t.call('GET', '/audit-logs?take=501')).error).toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'take',
    })
    expect((await t.call('GET', '/audit-logs?actorOrigin=robot')).error).toMatchObject({ field: 'actorOrigin' })
  })
})

describe('D10: a refused mutation leaves a denied or failed row, and nothing else', () => {
  it('a PUT the contract refuses: a denied row with the request and the error; the default feed is unchanged', async () => {
    const c = await t.campaign(campaignIdOf(1))
    const buy = buyBy(c, 'Northwind Exchange')
    const before = await history(`campaignId=${c.campaignId}&take=500`)
    const body = {
      mediaBuys: [{ mediaBuyId: buy.mediaBuyId, products: [{ productId: buy.products[0].productId, budget: 100 }] }],
    }
    const res = await t.call('PUT', `/campaigns/${c.campaignId}`, body)
    expect(res.error).toMatchObject({ code: 'INVALID_STATE' })
    const denied = await history(`campaignId=${c.campaignId}&outcome=denied`)
    expect(denied.logs).toHaveLength(1)
    expect(denied.logs[0]).toMatchObject({
      action: 'UPDATE',
      resourceType: 'CAMPAIGN',
      resourceId: c.campaignId,
      actorOrigin: 'human',
      outcome: 'denied',
      changes: null,
    })
    expect(denied.logs[0].parameters).toMatchObject({
      request: body,
      error: { status: 400, code: 'INVALID_STATE', field: 'mediaBuys.0.products' },
    })
    expect(denied.logs[0].description).toMatch(/^Update refused: /)
    expect((await history(`campaignId=${c.campaignId}&take=500`)).total).toBe(before.total)
  })

  it('a body that fails validation and a pause of a paused campaign are denied, newest first', async () => {
    const c = await t.campaign(campaignIdOf(1))
    await t.call('PUT', `/campaigns/${c.campaignId}`, { mediaBuys: [{ mediaBuyId: 'mb_x', surprise: true }] })
    await t.call('POST', `/campaigns/${c.campaignId}/pause`)
    await t.call('POST', `/campaigns/${c.campaignId}/pause`)
    const denied = await history(`campaignId=${c.campaignId}&outcome=denied`)
    expect(denied.logs.map((l) => [l.action, (l.parameters!.error as { code: string }).code])).toEqual([
      ['DEACTIVATE', 'INVALID_STATE'],
      ['UPDATE', 'VALIDATION_ERROR'],
    ])
  })

  it('a seller failing a submission is a failed row as system, named after the seller', async () => {
    const failed = await history('outcome=failed&resourceTypes=MEDIA_BUY&take=500')
    const cobalt = failed.logs.find((l) => l.serviceTokenName === 'Cobalt Social')!
    expect(cobalt).toMatchObject({ actorOrigin: 'system', outcome: 'failed', action: 'UPDATE' })
    expect(cobalt.changes).toMatchObject({ status: { from: 'DRAFT', to: 'FAILED' } })
  })
})

describe('D10: seller decisions and the clock write as system', () => {
  it("a seller's approval of a pending change is a system row with the change live → proposed", async () => {
    const c = await t.campaign(campaignIdOf(1))
    const buy = buyBy(c, 'Northwind Exchange')
    const pkg = buy.packages[0]
    await t.call('PUT', `/campaigns/${c.campaignId}`, {
      mediaBuys: [{ mediaBuyId: buy.mediaBuyId, packages: [{ packageId: pkg.packageId, budget: pkg.budget + 250 }] }],
    })
    const proposal = (await history(`resourceId=${buy.mediaBuyId}`)).logs[0].parameters!.updateProposalId as string
    const pending = await t.call('GET', `/update-proposals/${proposal}`)
    expect(updateProposalSchema.parse(pending.data)).toMatchObject({ status: 'PENDING', mediaBuyId: buy.mediaBuyId })
    expectSpecShape(pending.data, inlineResponse('/update-proposals/{id}', 'get'))

    t.sb.tick(15 * 60_000) // Northwind approves changes after 10 minutes
    await new Promise((r) => setTimeout(r, 50))
    t.sb.tick(15 * 60_000)
    const [row] = (await history(`resourceId=${buy.mediaBuyId}&actorOrigin=system`)).logs
    expect(row).toMatchObject({ serviceTokenName: 'Northwind Exchange', outcome: 'succeeded' })
    const live = buy.packages.reduce((s, p) => s + p.budget, 0)
    expect(row.changes).toEqual({ budget: { from: live, to: live + 250 } })
    const approved = updateProposalSchema.parse((await t.call('GET', `/update-proposals/${proposal}`)).data)
    expect(approved).toMatchObject({ status: 'APPROVED', resolvedAt: expect.any(String) })
    expect((await t.call('DELETE', `/update-proposals/${proposal}`)).status).toBe(409)
    const types = (await notifications(`campaignId=${c.campaignId}`)).notifications.map((n) => n.type)
    expect(types).toContain('media_buy_update_proposal.approved')
  })

  it('a seller rejecting a buy writes a system row and raises media_buy.source_rejected for the buyer', async () => {
    const created = await t.call<{ campaign: { campaignId: string } }>('POST', '/campaigns', {
      advertiserId: 10421,
      name: 'Small audio test',
      mode: 'discovery',
      budget: { total: 3000 },
      flightDates: { startDate: '2026-11-26T00:00:00Z', endDate: '2026-12-26T00:00:00Z' },
      productIds: ['prod_sm_podcast'],
    })
    const id = created.data.campaign.campaignId
    expect((await t.call('POST', `/campaigns/${id}/execute`)).status).toBe(200)
    t.sb.tick(2 * HOUR) // Summit rejects buys under 5,000 in review
    const rows = (await history(`campaignId=${id}&take=50`)).logs
    expect(rows.map((r) => [r.action, r.actorOrigin])).toEqual(
      expect.arrayContaining([
        ['CREATE', 'human'],
        ['EXECUTE', 'human'],
        ['UPDATE', 'system'],
      ]),
    )
    const rejected = rows.find((r) => (r.changes?.status as { to?: string } | undefined)?.to === 'REJECTED')!
    expect(rejected.serviceTokenName).toBe('Summit Audio Network')
    const [n] = (await notifications(`campaignId=${id}&types=media_buy.source_rejected`)).notifications
    expect(n).toMatchObject({ status: 'error', read: false, acknowledged: false })
    expect(n.messagePreview).toContain('Summit Audio Network rejected')
    expect(n.actionUrl).toBe(`/campaigns/${id}?mediaBuyId=${rejected.resourceId}`)
  })
})

describe('D11: a creative the seller rejects', () => {
  it('is a system row on the creative and a creative.rejected notification with the reason', async () => {
    const created = await t.call<{ campaign: { campaignId: string } }>('POST', '/campaigns', {
      advertiserId: 10421,
      name: 'Creative review test',
      mode: 'discovery',
      budget: { total: 10_000 },
      flightDates: { startDate: '2026-11-26T00:00:00Z', endDate: '2026-12-26T00:00:00Z' },
      productIds: ['prod_nw_native'],
    })
    const id = created.data.campaign.campaignId
    const db = new Database(t.dbFile)
    db.prepare(
      `INSERT INTO creatives (id, campaign_id, name, format_kind, format_id, width, height, duration_ms, preview_url, asset_count, created_at, updated_at)
       VALUES ('cr_leader', ?, 'Leaderboard sent as MREC', 'image', 'display_300x250', 728, 90, NULL, 'https://cdn.example/l.png', 1, ?, ?)`,
    ).run(id, NOW.toISOString(), NOW.toISOString())
    db.close()
    expect((await t.call('POST', `/campaigns/${id}/execute`)).status).toBe(200)
    const [row] = (await history(`resourceId=cr_leader`)).logs
    expect(row).toMatchObject({
      action: 'UPDATE',
      resourceType: 'CREATIVE',
      resourceName: 'Leaderboard sent as MREC',
      actorOrigin: 'system',
      serviceTokenName: 'Northwind Exchange',
    })
    expect(row.changes).toEqual({ 'reviews.sa_northwind.status': { from: null, to: 'rejected' } })
    const found = (await notifications(`campaignId=${id}&types=creative.rejected`)).notifications
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ status: 'error', actionUrl: `/campaigns/${id}` })
    expect(found[0].messagePreview).toMatch(/Northwind Exchange rejected Leaderboard sent as MREC: .*728x90/)
  })
})

describe('D11: notifications, read and acknowledged', () => {
  it('lists newest first with the unread count; read, acknowledge and read-all change what they say', async () => {
    const first = await notifications('limit=100')
    expect(first.totalCount).toBeGreaterThan(3)
    expect(first.unreadCount).toBeGreaterThan(2)
    const stamps = first.notifications.map((n) => n.createdAt)
    expect(stamps).toEqual([...stamps].sort().reverse())
    const [a, b] = first.notifications.filter((n) => !n.read)

    const read = await t.call('POST', `/notifications/${a.id}/read`, {})
    expect(notificationActionResponseSchema.parse(read.data)).toEqual({ success: true, notificationId: a.id })
    expectSpecShape(read.data, specSchema('NotificationActionResponse'))
    const afterRead = await notifications('limit=100')
    expect(afterRead.unreadCount).toBe(first.unreadCount - 1)
    expect(afterRead.notifications.find((n) => n.id === a.id)).toMatchObject({ read: true, acknowledged: false })
    expect((await notifications('unreadOnly=true&limit=100')).notifications.map((n) => n.id)).not.toContain(a.id)

    await t.call('POST', `/notifications/${b.id}/acknowledge`, {})
    expect((await notifications('limit=100')).notifications.find((n) => n.id === b.id)).toMatchObject({
      read: true,
      acknowledged: true,
    })

    expect((await t.call('POST', '/notifications/read-all', {})).status).toBe(200)
    expect((await notifications()).unreadCount).toBe(0)
    expect((await t.call('POST', '/notifications/ntf_nope/read', {})).status).toBe(404)
  })

  it('pages with limit/offset and hasMore, never cutting the list silently', async () => {
    const all = await notifications('limit=100')
    const ids: string[] = []
    let offset = 0
    for (;;) {
      const page = await notifications(`limit=4&offset=${offset}`)
      ids.push(...page.notifications.map((n) => n.id))
      offset += page.notifications.length
      if (!page.hasMore) break
    }
    expect(ids).toEqual(all.notifications.map((n) => n.id))
    expect(ids).toHaveLength(all.totalCount)
    expect((await t.call('GET', '/notifications?limit=101')).error).toMatchObject({ field: 'limit' })
  })

  it('a buy waiting on its seller for three days raises media_buy.stuck, once', async () => {
    const db = new Database(t.dbFile)
    const c = await t.campaign(campaignIdOf(1))
    const buy = buyBy(c, 'Northwind Exchange')
    db.prepare("UPDATE media_buys SET status = 'PENDING_APPROVAL', pending_since = ? WHERE id = ?").run(
      new Date(NOW.getTime() - 3 * DAY - HOUR).toISOString(),
      buy.mediaBuyId,
    )
    db.close()
    t.sb.tick(HOUR)
    t.sb.tick(HOUR)
    const stuck = (await notifications(`campaignId=${c.campaignId}&types=media_buy.stuck`)).notifications
    expect(stuck).toHaveLength(1)
    expect(stuck[0]).toMatchObject({
      status: 'warning',
      actionUrl: `/campaigns/${c.campaignId}?mediaBuyId=${buy.mediaBuyId}`,
    })
  })
})

describe('D12: the optimizer proposes for buys pacing outside ±20 % of plan', () => {
  it('proposes a scaling factor with a rationale and a pacing recommendation, waiting for the buyer', async () => {
    const { buy, id, c } = await waitingSuggestion()
    const s = await suggestion(id)
    expect(s).toMatchObject({
      campaignId: c.campaignId,
      mediaBuyId: buy.mediaBuyId,
      status: 'HIL_WAITING',
      mediaBuyScalingFactor: 0.5,
      pacingRecommendation: { status: 'under_spending', errorRatio: -0.5 },
    })
    expect(s.mediaBuyScalingRationale).toContain('50 %')
    const [n] = (await notifications(`types=optimization.suggestion_received&campaignId=${c.campaignId}`)).notifications
    expect(n).toMatchObject({ read: false, actionUrl: `/campaigns/${c.campaignId}?mediaBuyId=${buy.mediaBuyId}` })
    // One open suggestion per buy: the next run leaves it be.
    await runOptimizer()
    expect((await suggestions(`mediaBuyId=${buy.mediaBuyId}`)).totalCount).toBe(1)
  })

  it('leaves a buy within ±20 % of its plan alone', async () => {
    const c = await t.campaign(campaignIdOf(1))
    const buy = buyBy(c, 'Northwind Exchange')
    await paceAt(c.campaignId, buy.mediaBuyId, 0.85)
    await runOptimizer()
    expect((await suggestions(`mediaBuyId=${buy.mediaBuyId}`)).totalCount).toBe(0)
  })

  it('expires a suggestion nobody decided after 48 hours; then approve and reject answer 409, denied in History', async () => {
    const { id, buy } = await waitingSuggestion()
    t.sb.tick(49 * HOUR)
    expect((await suggestion(id)).status).toBe('EXPIRED')
    for (const verb of ['approve', 'reject']) {
      const res = await t.call('POST', `/optimization-suggestions/${id}/${verb}`, {})
      expect(res.status).toBe(409)
      expect(res.error).toMatchObject({ code: 'CONFLICT' })
    }
    const denied = (await history(`resourceId=${buy.mediaBuyId}&outcome=denied`)).logs
    expect(denied.map((l) => [l.description.split(':')[0], l.parameters!.suggestionId])).toEqual([
      ['Reject suggestion refused', id],
      ['Approve suggestion refused', id],
    ])
    expect(denied[0].parameters!.error).toMatchObject({ status: 409, code: 'CONFLICT' })
  })

  it('pages the list with limit/offset and hasMore, and refuses a limit over 100', async () => {
    await waitingSuggestion()
    const all = await suggestions('limit=100')
    const ids: string[] = []
    for (let offset = 0; ; offset += 3) {
      const page = await suggestions(`limit=3&offset=${offset}`)
      ids.push(...page.suggestions.map((s) => s.suggestionId))
      if (!page.hasMore) break
    }
    expect(ids).toEqual(all.suggestions.map((s) => s.suggestionId))
    expect((await t.call('GET', '/optimization-suggestions?limit=101')).status).toBe(400)
    expect((await t.call('GET', '/optimization-suggestions/not-a-uuid')).status).toBe(400)
    expect((await t.call('GET', '/optimization-suggestions/00000000-0000-0000-0000-000000000000')).status).toBe(404)
  })
})

describe('D12: approving applies the suggestion through the normal update path', () => {
  it('an ACTIVE buy gets a pending change of its budgets × factor, recorded with the optimizer as agent', async () => {
    const { c, buy, id } = await waitingSuggestion()
    const res = await t.call('POST', `/optimization-suggestions/${id}/approve`, {})
    expect(res.status).toBe(200)
    expect(optimizationSuggestionStatusSchema.parse(res.data)).toEqual({ suggestionId: id, status: 'APPLIED' })
    expectSpecShape(res.data, specSchema('OptimizationSuggestionStatus'))

    const after = buyBy(await t.campaign(c.campaignId), 'Northwind Exchange')
    const live = buy.packages.reduce((s, p) => s + p.budget, 0)
    expect(after.packages.map((p) => p.budget)).toEqual(buy.packages.map((p) => p.budget))
    expect(after.pendingChange?.differences.budget).toEqual({ live, proposed: expect.closeTo(live * 0.5, 1) })

    const rows = (await history(`resourceId=${buy.mediaBuyId}&actorOrigin=agent`)).logs
    expect(rows).toHaveLength(1)
    const row: BuyerAuditLog = rows[0]
    expect(row).toMatchObject({
      action: 'UPDATE',
      serviceTokenName: 'Sandbox optimizer',
      userId: null,
      outcome: 'succeeded',
      parameters: { suggestionId: id, pendingChange: true, approvedBy: 'buyer@sandbox.example' },
    })
    expect(row.changes!['pendingChange.budget']).toEqual({
      from: live,
      to: after.pendingChange!.differences.budget!.proposed,
    })
    expect((await suggestion(id)).statusReason).toMatch(/pending change/)

    const again = await t.call('POST', `/optimization-suggestions/${id}/approve`, {})
    expect(again.status).toBe(409)
    expect((await t.call('POST', `/optimization-suggestions/${id}/reject`, { reason: 'late' })).status).toBe(409)
  })

  it('a campaign in AUTO apply mode has the suggestion applied at once, as autonomous', async () => {
    const c = await t.campaign(campaignIdOf(1))
    const buy = buyBy(c, 'Northwind Exchange')
    const db = new Database(t.dbFile)
    db.prepare("UPDATE campaigns SET optimization_apply_mode = 'AUTO' WHERE id = ?").run(c.campaignId)
    db.close()
    await paceAt(c.campaignId, buy.mediaBuyId, 0.5)
    await runOptimizer()
    const [s] = (await suggestions(`mediaBuyId=${buy.mediaBuyId}`)).suggestions
    expect(s.status).toBe('APPLIED')
    const [row] = (await history(`resourceId=${buy.mediaBuyId}&actorOrigin=autonomous`)).logs
    expect(row).toMatchObject({ serviceTokenName: 'Sandbox optimizer', parameters: { suggestionId: s.suggestionId } })
    expect(buyBy(await t.campaign(c.campaignId), 'Northwind Exchange').pendingChange).toBeDefined()
  })

  it('a suggestion the update path refuses is APPLIED_FAIL with the reason, and a failed row by the optimizer', async () => {
    const { c, buy, id } = await waitingSuggestion()
    // Raising the buy to twice its budget cannot fit a campaign budget cut to what is allocated now.
    const db = new Database(t.dbFile)
    db.prepare('UPDATE optimization_suggestions SET scaling_factor = 2 WHERE id = ?').run(id)
    db.prepare('UPDATE campaigns SET budget_total = ? WHERE id = ?').run(c.allocatedBudget, c.campaignId)
    db.close()
    const res = await t.call('POST', `/optimization-suggestions/${id}/approve`, {})
    expect(res.data).toEqual({ suggestionId: id, status: 'APPLIED_FAIL' })
    const detail = await suggestion(id)
    expect(detail.statusError).toBeTruthy()
    const [row] = (await history(`resourceId=${buy.mediaBuyId}&outcome=failed&actorOrigin=agent`)).logs
    expect(row).toMatchObject({ serviceTokenName: 'Sandbox optimizer', parameters: { suggestionId: id } })
    expect(buyBy(await t.campaign(c.campaignId), 'Northwind Exchange').pendingChange).toBeUndefined()
    const types = (await notifications(`campaignId=${c.campaignId}`)).notifications.map((n) => n.type)
    expect(types).toContain('optimization.suggestion_failed')
  })

  it('a rejected suggestion keeps the reason, changes nothing, and cannot be approved afterwards', async () => {
    const { c, buy, id } = await waitingSuggestion()
    const res = await t.call('POST', `/optimization-suggestions/${id}/reject`, {
      reason: 'Holding budget for the sale',
    })
    expect(optimizationSuggestionStatusSchema.parse(res.data)).toEqual({ suggestionId: id, status: 'HIL_REJECTED' })
    expect((await suggestion(id)).statusReason).toBe('Holding budget for the sale')
    expect(buyBy(await t.campaign(c.campaignId), 'Northwind Exchange').pendingChange).toBeUndefined()
    expect((await t.call('POST', `/optimization-suggestions/${id}/approve`, {})).status).toBe(409)
    expect((await history(`resourceId=${buy.mediaBuyId}&actorOrigin=agent`)).total).toBe(0)
    // Its notification no longer asks anything of the buyer.
    const [n] = (await notifications(`types=optimization.suggestion_received&campaignId=${c.campaignId}`)).notifications
    expect(n.acknowledged).toBe(true)
    const long = await t.call('POST', `/optimization-suggestions/${id}/reject`, { reason: 'x'.repeat(1001) })
    expect(long.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'reason' })
  })
})
