import type { Ctx } from '../context.ts'
import { parseJson } from '../repo/store.ts'
import { notFound } from '../http/errors.ts'
import {
  SUGGESTION_WAITING,
  type OptimizationSuggestionDetail,
  type OptimizationSuggestionList,
  type OptimizationSuggestionListItem,
  type PacingRecommendation,
} from '../../../src/api/schemas/optimization-suggestion.ts'

// The optimizer's suggestions as stored: their rows, their status and expiry, and the reads of
// GET /optimization-suggestions.

const MODEL_VERSION = 'sandbox-pacing-1'

export interface SuggestionRow {
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

export function expire(ctx: Ctx, nowIso: string): void {
  const rows = ctx.db
    .prepare<[string, string], SuggestionRow>(
      'SELECT * FROM optimization_suggestions WHERE status = ? AND expires_at <= ?',
    )
    .all(SUGGESTION_WAITING, nowIso)
  for (const row of rows) setStatus(ctx, row.id, 'EXPIRED', 'Nobody decided within 48 hours')
}

/** What a refused approve or reject is filed under: the buy the suggestion concerns, when there is one. */
export function suggestionTarget(ctx: Ctx, id: string): { campaignId: string; mediaBuyId: string } | undefined {
  const row = ctx.db.prepare<[string], SuggestionRow>('SELECT * FROM optimization_suggestions WHERE id = ?').get(id)
  return row ? { campaignId: row.campaign_id, mediaBuyId: row.media_buy_id } : undefined
}

export function suggestionRow(ctx: Ctx, id: string): SuggestionRow {
  const row = ctx.db.prepare<[string], SuggestionRow>('SELECT * FROM optimization_suggestions WHERE id = ?').get(id)
  if (!row) throw notFound('Optimization suggestion', 'suggestionId')
  return row
}

export function setStatus(
  ctx: Ctx,
  id: string,
  status: string,
  reason: string | null,
  error: string | null = null,
): void {
  ctx.db
    .prepare(
      'UPDATE optimization_suggestions SET status = ?, status_reason = ?, status_error = ?, status_updated_at = ? WHERE id = ?',
    )
    .run(status, reason, error, ctx.clock.nowIso(), id)
  // The suggestion no longer waits for the buyer, so its notification no longer asks anything of them.
  if (status !== SUGGESTION_WAITING)
    ctx.db.prepare('UPDATE notifications SET read = 1, acknowledged = 1 WHERE dedupe_key = ?').run(`suggestion:${id}`)
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
