import type { Ctx } from '../context.ts'
import { ApiError } from '../http/errors.ts'
import { scaledBudget } from '../../../src/domain/optimization.ts'
import {
  SUGGESTION_WAITING,
  type OptimizationSuggestionStatus,
} from '../../../src/api/schemas/optimization-suggestion.ts'
import type { MediaBuyAction } from '../../../src/api/schemas/update.ts'
import { BUYER, errorParameters, optimizerActor, recordAudit } from './audit.ts'
import { notify } from './notifications.ts'
import { updateCampaign, type AgentNotice } from './update.ts'
import { expire, setStatus, suggestionRow, type SuggestionRow } from './optimizer-suggestions.ts'

// What becomes of a waiting suggestion: the buyer approves it (applied through PUT's own path) or rejects it.

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

export function applySuggestion(ctx: Ctx, row: SuggestionRow, origin: 'agent' | 'autonomous'): AgentNotice[] {
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
