import type { Ctx } from '../context.ts'
import { DAY, HOUR } from '../clock.ts'
import type { CampaignRow, MediaBuyRow } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { combineFigures, planFigures, toPacingKind, type PacingFigures } from '../../../src/domain/pacing.ts'
import { proposeScaling, scaledBudget } from '../../../src/domain/optimization.ts'
import {
  SUGGESTION_WAITING,
  type OptimizationSuggestionDetail,
  type OptimizationSuggestionList,
  type OptimizationSuggestionListItem,
  type OptimizationSuggestionStatus,
  type PacingRecommendation,
} from '../../../src/api/schemas/optimization-suggestion.ts'
import type { MediaBuyAction } from '../../../src/api/schemas/update.ts'
import { BUYER, errorParameters, optimizerActor, recordAudit } from './audit.ts'
import { notify } from './notifications.ts'
import { updateCampaign, type AgentNotice } from './update.ts'

// A small optimizer on the sandbox clock (CONTRACT D12). Every few simulated hours it looks at each live buy: one
// pacing outside ±20 % of its plan gets a suggestion that scales its budget, which waits for the buyer (HIL_WAITING)
// and expires when nobody decides. An approved one is applied through PUT's own path, so it shows in History and,
// on an ACTIVE buy, as a pending change; a campaign in AUTO apply mode has it applied at once.

/** How often the optimizer runs, in simulated time. */
export const OPTIMIZER_EVERY_MS = 6 * HOUR
/** A waiting suggestion expires after this long. */
export const SUGGESTION_TTL_MS = 2 * DAY
/** After a suggestion for a buy is decided or expires, the buy is left alone this long. */
export const SUGGESTION_COOLDOWN_MS = DAY
const MODEL_VERSION = 'sandbox-pacing-1'
const METRIC = 'spend_pacing'

interface SuggestionRow {
  id: string
  seq: number
  optimizer_run_id: string
  campaign_id: string
  media_buy_id: string
  optimization_metric: string | null
  scaling_factor: number | null
  scaling_rationale: string | null
  pacing_json: string | null
  status: string
  status_reason: string | null
  status_error: string | null
  expires_at: string
  created_at: string
  status_updated_at: string
}

/** A version-4 UUID from the sandbox's id source, so a seeded demo gets the same ids on every reset. */
function uuid(ctx: Ctx): string {
  const hex = ctx.ids
    .token(32)
    .split('')
    .map((c) => (c.charCodeAt(0) % 16).toString(16))
  hex[12] = '4'
  hex[16] = ((parseInt(hex[16], 16) % 4) + 8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

const time = (iso: string | null | undefined) => (iso && iso !== 'asap' ? new Date(iso) : undefined)

/** A live buy's pacing figures from its packages, and the span of its flight. */
export function buyPacingFigures(
  ctx: Ctx,
  campaign: CampaignRow,
  buy: MediaBuyRow,
  now: Date,
): { figures: PacingFigures; flight: { start: Date; end: Date } } | null {
  const packages = ctx.store.packagesOf(buy.id).filter((p) => p.status !== 'canceled' && (p.budget ?? 0) > 0)
  const buyStart = time(buy.start_time) ?? new Date(campaign.flight_start)
  const buyEnd = time(buy.end_time) ?? new Date(campaign.flight_end)
  const parts: PacingFigures[] = []
  let start = buyEnd
  let end = buyStart
  for (const p of packages) {
    const s = time(p.start_time) ?? buyStart
    const e = time(p.end_time) ?? buyEnd
    if (e <= s) continue
    if (s < start) start = s
    if (e > end) end = e
    parts.push(
      planFigures({ flight: { start: s, end: e }, budget: p.budget!, pacing: toPacingKind(p.pacing) }, p.spend, now),
    )
  }
  const figures = combineFigures(parts)
  return figures ? { figures, flight: { start, end } } : null
}

function expire(ctx: Ctx, nowIso: string): void {
  const rows = ctx.db
    .prepare<[string, string], SuggestionRow>(
      'SELECT * FROM optimization_suggestions WHERE status = ? AND expires_at <= ?',
    )
    .all(SUGGESTION_WAITING, nowIso)
  for (const row of rows) setStatus(ctx, row.id, 'EXPIRED', 'Nobody decided within 48 hours')
}

/** Runs the optimizer when it is due; the clock calls it after each step, inside the step's transaction. */
export function runOptimizerIfDue(ctx: Ctx): void {
  const now = ctx.clock.now()
  const last = ctx.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'optimizer_run_at'").get()
  if (last && now.getTime() - Date.parse(last.value) < OPTIMIZER_EVERY_MS) {
    expire(ctx, now.toISOString())
    return
  }
  ctx.db
    .prepare(
      "INSERT INTO meta (key, value) VALUES ('optimizer_run_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )
    .run(now.toISOString())
  runOptimizer(ctx)
}

/** One optimizer run at the clock's now: expires what waited too long, then proposes for every buy that needs it. */
export function runOptimizer(ctx: Ctx): string[] {
  const now = ctx.clock.now()
  const nowIso = now.toISOString()
  expire(ctx, nowIso)
  const runId = `run_${nowIso.replace(/\D/g, '').slice(0, 14)}`
  const cooldownSince = new Date(now.getTime() - SUGGESTION_COOLDOWN_MS).toISOString()
  const buys = ctx.db
    .prepare<[string, string], MediaBuyRow>(
      `SELECT b.* FROM media_buys b JOIN campaigns c ON c.id = b.campaign_id
       WHERE b.status = 'ACTIVE' AND c.status = 'ACTIVE' AND b.pending_change_json IS NULL
         AND COALESCE(b.adcp_status, '') != 'pending_start'
         AND NOT EXISTS (SELECT 1 FROM optimization_suggestions s WHERE s.media_buy_id = b.id
           AND (s.status = ? OR s.status_updated_at > ?))
       ORDER BY c.seq, b.position`,
    )
    .all(SUGGESTION_WAITING, cooldownSince)
  const created: string[] = []
  for (const buy of buys) {
    const campaign = ctx.store.campaign(buy.campaign_id)!
    const pacing = buyPacingFigures(ctx, campaign, buy, now)
    const proposal = pacing && proposeScaling(pacing.figures, pacing.flight, now)
    if (!proposal) continue
    const id = uuid(ctx)
    const seq =
      (ctx.db.prepare<[], { n: number | null }>('SELECT MAX(seq) AS n FROM optimization_suggestions').get()!.n ?? 0) + 1
    const recommendation: PacingRecommendation = {
      status: proposal.status,
      errorRatio: proposal.errorRatio,
      currentDailyRate: proposal.currentDailyRate,
      recommendedDailySpend: proposal.recommendedDailySpend,
      message: proposal.message,
    }
    ctx.store.insert('optimization_suggestions', {
      id,
      seq,
      optimizer_run_id: runId,
      campaign_id: campaign.id,
      media_buy_id: buy.id,
      optimization_metric: metricOf(buy),
      scaling_factor: proposal.factor,
      scaling_rationale: proposal.rationale,
      pacing_json: JSON.stringify(recommendation),
      status: SUGGESTION_WAITING,
      status_reason: null,
      status_error: null,
      expires_at: new Date(now.getTime() + SUGGESTION_TTL_MS).toISOString(),
      created_at: nowIso,
      status_updated_at: nowIso,
    })
    created.push(id)
    if (campaign.optimization_apply_mode === 'AUTO') {
      applySuggestion(ctx, suggestionRow(ctx, id), 'autonomous')
      continue
    }
    notify(ctx, {
      type: 'optimization.suggestion_received',
      status: 'info',
      campaignId: campaign.id,
      mediaBuyId: buy.id,
      message: `Suggestion for ${buy.name}: scale its budget by ${proposal.factor}. ${proposal.rationale}`,
      dedupeKey: `suggestion:${id}`,
    })
  }
  return created
}

function metricOf(buy: MediaBuyRow): string {
  const goals = parseJson<{ kind?: string; metric?: string; event_sources?: { event_type?: string }[] }[]>(
    buy.optimization_goals_json,
  )
  const first = goals?.[0]
  return first?.metric ?? first?.event_sources?.[0]?.event_type ?? METRIC
}

/** What a refused approve or reject is filed under: the buy the suggestion concerns, when there is one. */
export function suggestionTarget(ctx: Ctx, id: string): { campaignId: string; mediaBuyId: string } | undefined {
  const row = ctx.db.prepare<[string], SuggestionRow>('SELECT * FROM optimization_suggestions WHERE id = ?').get(id)
  return row ? { campaignId: row.campaign_id, mediaBuyId: row.media_buy_id } : undefined
}

function suggestionRow(ctx: Ctx, id: string): SuggestionRow {
  const row = ctx.db.prepare<[string], SuggestionRow>('SELECT * FROM optimization_suggestions WHERE id = ?').get(id)
  if (!row) throw notFound('Optimization suggestion', 'suggestionId')
  return row
}

function setStatus(ctx: Ctx, id: string, status: string, reason: string | null, error: string | null = null): void {
  ctx.db
    .prepare(
      'UPDATE optimization_suggestions SET status = ?, status_reason = ?, status_error = ?, status_updated_at = ? WHERE id = ?',
    )
    .run(status, reason, error, ctx.clock.nowIso(), id)
  // The suggestion no longer waits for the buyer, so its notification no longer asks anything of them.
  if (status !== SUGGESTION_WAITING)
    ctx.db.prepare('UPDATE notifications SET read = 1, acknowledged = 1 WHERE dedupe_key = ?').run(`suggestion:${id}`)
}

/** A suggestion that is not waiting any more (decided, or past its expiry) answers 409. */
function requireWaiting(ctx: Ctx, row: SuggestionRow): void {
  if (row.status === SUGGESTION_WAITING && row.expires_at <= ctx.clock.nowIso()) {
    expire(ctx, ctx.clock.nowIso())
    row = suggestionRow(ctx, row.id)
  }
  if (row.status !== SUGGESTION_WAITING)
    throw new ApiError(
      409,
      'CONFLICT',
      `The suggestion is ${row.status}, no longer waiting for a decision`,
      'suggestionId',
    )
}

/** The suggestion as a mediaBuys[] entry: every live package's budget times the factor. */
function asUpdate(ctx: Ctx, row: SuggestionRow): MediaBuyAction {
  const packages = ctx.store
    .packagesOf(row.media_buy_id)
    .filter((p) => p.status !== 'canceled' && (p.budget ?? 0) > 0)
    .map((p) => ({ packageId: p.id, budget: scaledBudget(p.budget!, row.scaling_factor ?? 1) }))
  return {
    mediaBuyId: row.media_buy_id,
    packages,
    suggestion_id: row.id,
    ...(row.scaling_rationale ? { updated_reason: row.scaling_rationale.slice(0, 1000) } : {}),
  }
}

function applySuggestion(ctx: Ctx, row: SuggestionRow, origin: 'agent' | 'autonomous'): AgentNotice[] {
  const actor = optimizerActor(origin)
  const parameters = { suggestionId: row.id, ...(origin === 'agent' ? { approvedBy: BUYER.userEmail } : {}) }
  const entry = asUpdate(ctx, row)
  const buy = ctx.store.buy(row.media_buy_id)
  try {
    const { notices } = updateCampaign(ctx, row.campaign_id, { mediaBuys: [entry] }, actor, parameters)
    const pending = ctx.store.buy(row.media_buy_id)?.pending_change_json != null
    setStatus(
      ctx,
      row.id,
      'APPLIED',
      pending ? 'Applied as a pending change; it goes live when the seller approves it' : 'Applied',
    )
    notify(ctx, {
      type: 'optimization.suggestion_applied',
      status: 'success',
      campaignId: row.campaign_id,
      mediaBuyId: row.media_buy_id,
      message: `${buy?.name ?? row.media_buy_id}: budget scaled by ${row.scaling_factor}${pending ? ', waiting for the seller' : ''}`,
      dedupeKey: `suggestion:${row.id}:applied`,
    })
    return notices
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    setStatus(ctx, row.id, 'APPLIED_FAIL', 'The change was refused', message)
    recordAudit(ctx, {
      action: 'UPDATE',
      resourceType: 'MEDIA_BUY',
      resourceId: row.media_buy_id,
      resourceName: buy?.name ?? null,
      parentType: 'CAMPAIGN',
      campaignId: row.campaign_id,
      actor,
      outcome: 'failed',
      parameters: { ...parameters, request: entry, ...errorParameters(error) },
      description: `Applying the optimization suggestion failed: ${message}`,
    })
    notify(ctx, {
      type: 'optimization.suggestion_failed',
      status: 'error',
      campaignId: row.campaign_id,
      mediaBuyId: row.media_buy_id,
      message: `The suggestion for ${buy?.name ?? row.media_buy_id} could not be applied: ${message}`,
      dedupeKey: `suggestion:${row.id}:failed`,
    })
    return []
  }
}

export interface Decision {
  status: OptimizationSuggestionStatus
  notices: AgentNotice[]
}

/** POST /optimization-suggestions/{id}/approve. */
export function approveSuggestion(ctx: Ctx, id: string): Decision {
  return ctx.db.transaction((): Decision => {
    const row = suggestionRow(ctx, id)
    requireWaiting(ctx, row)
    setStatus(ctx, id, 'HIL_APPROVED', 'Approved by the buyer')
    const notices = applySuggestion(ctx, row, 'agent')
    return { status: { suggestionId: id, status: suggestionRow(ctx, id).status }, notices }
  })()
}

/** POST /optimization-suggestions/{id}/reject. */
export function rejectSuggestion(ctx: Ctx, id: string, reason: string | undefined): OptimizationSuggestionStatus {
  return ctx.db.transaction((): OptimizationSuggestionStatus => {
    const row = suggestionRow(ctx, id)
    requireWaiting(ctx, row)
    setStatus(ctx, id, 'HIL_REJECTED', reason?.trim() || 'Rejected by the buyer')
    return { suggestionId: id, status: 'HIL_REJECTED' }
  })()
}

export interface SuggestionQuery {
  campaignId?: string
  mediaBuyId?: string
  status?: string
  limit: number
  offset: number
}

export function listSuggestions(ctx: Ctx, q: SuggestionQuery): OptimizationSuggestionList {
  expire(ctx, ctx.clock.nowIso())
  const where: string[] = []
  const args: (string | number)[] = []
  for (const [column, value] of [
    ['campaign_id', q.campaignId],
    ['media_buy_id', q.mediaBuyId],
    ['status', q.status],
  ] as const)
    if (value !== undefined) {
      where.push(`${column} = ?`)
      args.push(value)
    }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const totalCount = ctx.db
    .prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM optimization_suggestions ${filter}`)
    .get(...args)!.n
  const rows = ctx.db
    .prepare<unknown[], SuggestionRow>(
      `SELECT * FROM optimization_suggestions ${filter} ORDER BY seq DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, q.limit, q.offset)
  return { suggestions: rows.map(listItem), totalCount, hasMore: q.offset + rows.length < totalCount }
}

function listItem(r: SuggestionRow): OptimizationSuggestionListItem {
  return {
    suggestionId: r.id,
    campaignId: r.campaign_id,
    mediaBuyId: r.media_buy_id,
    optimizationMetric: r.optimization_metric,
    status: r.status,
    productAdjustmentCount: 0,
    bidAdjustmentCount: 0,
    createdAt: r.created_at,
    statusUpdatedAt: r.status_updated_at,
  }
}

export function getSuggestion(ctx: Ctx, id: string): OptimizationSuggestionDetail {
  expire(ctx, ctx.clock.nowIso())
  const r = suggestionRow(ctx, id)
  return {
    ...listItem(r),
    optimizerRunId: r.optimizer_run_id,
    suggestionTimestamp: r.created_at,
    modelVersion: MODEL_VERSION,
    mediaBuyScalingFactor: r.scaling_factor,
    mediaBuyScalingRationale: r.scaling_rationale,
    pacingRecommendation: parseJson<PacingRecommendation>(r.pacing_json) ?? null,
    statusReason: r.status_reason,
    statusError: r.status_error,
    expiresAt: r.expires_at,
  }
}
