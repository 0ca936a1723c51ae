import { BUYER, recordAudit } from './audit.ts'
import type { Ctx } from '../context.ts'
import type { CampaignRow } from '../repo/rows.ts'
import { ApiError, invalidState, validation } from '../http/errors.ts'
import type { CreateCampaignBody } from '../../../src/api/schemas/update.ts'
import { compact } from './views.ts'

export interface ListQuery {
  advertiserId?: string
  name?: string
  status: string[]
  mediaBuyStatus: string[]
  mode?: string
  management?: string
  includeArchived: boolean
  take: number
  offset: number
}

const DEFAULT_STATUSES = ['ACTIVE', 'DRAFT', 'PAUSED']

export function listCampaigns(ctx: Ctx, q: ListQuery): Record<string, unknown> {
  const where: string[] = []
  const args: (string | number)[] = []
  const statuses = q.status.length ? q.status : DEFAULT_STATUSES
  if (!statuses.includes('ALL')) {
    const set = new Set(statuses)
    if (q.includeArchived) set.add('ARCHIVED')
    where.push(`c.status IN (${[...set].map(() => '?').join(',')})`)
    args.push(...set)
  }
  if (q.advertiserId) {
    where.push('c.advertiser_id = ?')
    args.push(q.advertiserId)
  }
  if (q.name) {
    where.push("c.name LIKE ? ESCAPE '\\'")
    args.push(`%${q.name.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)
  }
  if (q.mode) {
    where.push('c.mode = ?')
    args.push(q.mode)
  }
  if (q.management && q.management !== 'all') {
    where.push('c.management = ?')
    args.push(q.management)
  }
  if (q.mediaBuyStatus.length) {
    // Two index probes (live status, pending-version status) instead of a scan: a pending version counts (D1/D6).
    const marks = q.mediaBuyStatus.map(() => '?').join(',')
    where.push(
      `c.id IN (SELECT campaign_id FROM media_buys WHERE status IN (${marks}) UNION SELECT campaign_id FROM media_buys WHERE pending_change_status IN (${marks}))`,
    )
    args.push(...q.mediaBuyStatus, ...q.mediaBuyStatus)
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = (ctx.db.prepare(`SELECT COUNT(*) AS n FROM campaigns c ${clause}`).get(...args) as { n: number }).n
  const rows = ctx.db
    .prepare(`SELECT c.* FROM campaigns c ${clause} ORDER BY c.seq DESC LIMIT ? OFFSET ?`)
    .all(...args, q.take, q.offset) as CampaignRow[]
  const productCounts = draftProductCounts(ctx, rows)
  const hasMore = q.offset + rows.length < total
  return compact({
    campaigns: rows.map((c) => summary(c, productCounts.get(c.id))),
    total,
    hasMore,
    nextCursor: hasMore ? encodeCursor(q.offset + rows.length) : undefined,
  })
}

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url')
}

/** The offset a cursor this API issued stands for; undefined for anything else, which the route answers with a 400. */
export function decodeCursor(cursor: string): number | undefined {
  // Only what encodeCursor writes: base64url of {"o":<offset>}.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined
  const offset = (parsed as { o?: unknown }).o
  // SQLite takes OFFSET as a 64-bit integer: 1e300 passes Number.isInteger but is not one.
  return typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0 ? offset : undefined
}

function summary(c: CampaignRow, productCount: number | undefined): Record<string, unknown> {
  return compact({
    campaignId: c.id,
    advertiserId: c.advertiser_id,
    name: c.name,
    status: c.status,
    mode: c.mode,
    management: c.management,
    flightDates: { startDate: c.flight_start, endDate: c.flight_end },
    constraints: c.constraints_json ? (JSON.parse(c.constraints_json) as Record<string, unknown>) : undefined,
    productCount: c.status === 'DRAFT' ? (productCount ?? 0) : undefined,
    budget: { total: c.budget_total, currency: c.currency },
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  })
}

function draftProductCounts(ctx: Ctx, rows: CampaignRow[]): Map<string, number> {
  const drafts = rows.filter((r) => r.status === 'DRAFT').map((r) => r.id)
  if (drafts.length === 0) return new Map()
  const counts = ctx.db
    .prepare(
      `SELECT campaign_id, COUNT(*) AS n FROM campaign_products WHERE campaign_id IN (${drafts.map(() => '?').join(',')}) GROUP BY campaign_id`,
    )
    .all(...drafts) as { campaign_id: string; n: number }[]
  return new Map(counts.map((r) => [r.campaign_id, r.n]))
}

export interface CreateOutcome {
  campaignId: string
  warnings: string[]
}

/** POST /campaigns: a new campaign is a DRAFT; its selected products become buys when it is executed. */
export function createCampaign(ctx: Ctx, body: CreateCampaignBody): CreateOutcome {
  return ctx.db.transaction((): CreateOutcome => {
    const advertiserId = String(body.advertiserId)
    const advertiser = ctx.store.advertiser(advertiserId)
    if (!advertiser) throw validation(`Advertiser ${advertiserId} not found`, 'advertiserId')
    if (advertiser.status !== 'ACTIVE')
      throw invalidState('Campaigns cannot be created for an archived advertiser', 'advertiserId')
    if (body.budget.currency && body.budget.currency !== advertiser.primary_currency)
      throw new ApiError(
        400,
        'CURRENCY_MISMATCH',
        `The advertiser's campaigns are in ${advertiser.primary_currency}`,
        'budget.currency',
      )
    const performanceConfig = (body as Record<string, unknown>).performanceConfig
    if (body.mode === 'performance' && !performanceConfig)
      throw validation('A performance campaign needs performanceConfig', 'performanceConfig')
    const productIds = body.productIds ?? []
    productIds.forEach((id, i) => {
      if (!ctx.store.product(id)) throw validation(`Product ${id} is not available`, `productIds.${i}`)
    })
    const now = ctx.clock.nowIso()
    const id = ctx.ids.campaign()
    const seq = ((ctx.db.prepare('SELECT MAX(seq) AS m FROM campaigns').get() as { m: number | null }).m ?? 0) + 1
    const extra = body as Record<string, unknown>
    ctx.store.insert('campaigns', {
      id,
      seq,
      advertiser_id: advertiserId,
      name: body.name,
      status: 'DRAFT',
      mode: body.mode,
      management: 'managed',
      revision: 1,
      brief: body.brief ?? null,
      flight_start: body.flightDates.startDate,
      flight_end: body.flightDates.endDate,
      budget_total: body.budget.total,
      currency: advertiser.primary_currency,
      daily_cap: body.budget.dailyCap ?? null,
      budget_pacing: body.budget.pacing ?? null,
      constraints_json: extra.constraints ? JSON.stringify(extra.constraints) : null,
      frequency_caps_json: body.frequencyCaps ? JSON.stringify(body.frequencyCaps) : null,
      performance_config_json: performanceConfig ? JSON.stringify(performanceConfig) : null,
      pacing_periods_json: body.pacingPeriods ? JSON.stringify(body.pacingPeriods) : null,
      optimization_apply_mode: typeof extra.optimizationApplyMode === 'string' ? extra.optimizationApplyMode : 'MANUAL',
      discovery_id:
        typeof extra.discoveryId === 'string' ? extra.discoveryId : productIds.length ? `disc_${id.slice(4)}` : null,
      created_at: now,
      updated_at: now,
    })
    productIds.forEach((productId, i) =>
      ctx.store.insert('campaign_products', {
        campaign_id: id,
        product_id: productId,
        budget: null,
        pacing: null,
        position: i + 1,
      }),
    )
    recordAudit(ctx, {
      action: 'CREATE',
      resourceType: 'CAMPAIGN',
      resourceId: id,
      resourceName: body.name,
      campaignId: id,
      actor: BUYER,
      outcome: 'succeeded',
      parameters: { mode: body.mode, productIds },
      changes: {
        name: { from: null, to: body.name },
        'budget.total': { from: null, to: body.budget.total },
        'flightDates.startDate': { from: null, to: body.flightDates.startDate },
        'flightDates.endDate': { from: null, to: body.flightDates.endDate },
      },
      description: `Created the campaign ${body.name}`,
    })
    const warnings: string[] = []
    if (advertiser.credit_limit != null && advertiser.credit_limit - advertiser.credit_used < body.budget.total)
      warnings.push(
        `The advertiser's remaining credit (${Math.max(0, advertiser.credit_limit - advertiser.credit_used).toFixed(2)} ${advertiser.primary_currency}) does not cover this budget; execute will be refused until it does.`,
      )
    return { campaignId: id, warnings }
  })()
}
