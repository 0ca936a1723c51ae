import { checkEntryBounds } from './update-bounds.ts'
import type { Ctx } from '../context.ts'
import type { CampaignRow } from '../repo/rows.ts'
import { ApiError, invalidState, notFound, validation } from '../http/errors.ts'
import type { UpdateCampaignBody } from '../../../src/api/schemas/update.ts'
import { checkCampaignEdit } from '../../../src/domain/campaign-actions.ts'
import { loadGraph } from './views.ts'
import { enqueueNotices, type AgentNotice } from './update-notify.ts'
import { applyBudgetRule } from './update-budget.ts'
import { applyEntry, type Value } from './update-entry.ts'
import { BUYER, type Actor } from './audit.ts'
import { auditCampaignUpdate } from './audit-update.ts'

export type { AgentNotice } from './update-notify.ts'
export { notifyAgents, notifyAgentsNow } from './outbox.ts'

export interface UpdateOutcome {
  warnings: string[]
  notices: AgentNotice[]
}

/**
 * PUT /campaigns/{id}: campaign fields, the mediaBuys[] actions of CONTRACT §4 and the D3 budget rule, all inside
 * one SQLite transaction; any ApiError thrown on the way rolls everything back, so a refused request changes nothing.
 */
export function updateCampaign(
  ctx: Ctx,
  campaignId: string,
  body: UpdateCampaignBody,
  actor: Actor = BUYER,
  auditParameters?: Record<string, unknown>,
): UpdateOutcome {
  return ctx.db.transaction((): UpdateOutcome => {
    const campaign = ctx.store.campaign(campaignId)
    if (!campaign) throw notFound('Campaign')
    const editable = checkCampaignEdit(campaign.status)
    if (!editable.allowed) throw invalidState(editable.reason!)
    const before = loadGraph(ctx, campaign)
    checkEntryBounds(body)
    const now = ctx.clock.nowIso()
    const warnings: string[] = []
    const notices: AgentNotice[] = []
    applyCampaignFields(ctx, campaign, body)

    const explicit = new Map<string, number>()
    const closedNow = new Set<string>()
    const canceledPackages = new Set<string>()
    ;(body.mediaBuys ?? []).forEach((entry, i) =>
      applyEntry(ctx, {
        campaign,
        graph: before,
        entry,
        index: i,
        explicit,
        closedNow,
        canceledPackages,
        notices,
        now,
      }),
    )
    applyBudgetRule(ctx, { campaign, body, graph: before, explicit, closedNow, canceledPackages, notices, warnings })
    enqueueNotices(ctx, notices)
    auditCampaignUpdate(ctx, before, body, actor, auditParameters)

    ctx.store.touchCampaign(campaign.id, now)
    return { warnings, notices }
  })()
}

function applyCampaignFields(ctx: Ctx, campaign: CampaignRow, body: UpdateCampaignBody): void {
  if (body.mode && body.mode !== campaign.mode) throw validation('A campaign cannot change its mode', 'mode')
  if (body.budget?.currency && body.budget.currency !== campaign.currency)
    throw new ApiError(
      400,
      'CURRENCY_MISMATCH',
      `The campaign currency is fixed to the advertiser's ${campaign.currency}`,
      'budget.currency',
    )
  if (body.pacingPeriods !== undefined && campaign.status !== 'DRAFT')
    throw invalidState('Campaign pacing periods can only change on a DRAFT campaign', 'pacingPeriods')
  const patch: Record<string, Value> = {}
  if (body.name !== undefined) patch.name = body.name
  if (body.brief !== undefined) patch.brief = body.brief
  if (body.flightDates) {
    patch.flight_start = body.flightDates.startDate
    patch.flight_end = body.flightDates.endDate
  }
  if (body.budget?.total !== undefined) patch.budget_total = body.budget.total
  if (body.budget?.dailyCap !== undefined) patch.daily_cap = body.budget.dailyCap
  if (body.budget?.pacing !== undefined) patch.budget_pacing = body.budget.pacing
  // Replace semantics: omitted = unchanged, [] = clear, an array replaces every cap.
  if (body.frequencyCaps !== undefined) patch.frequency_caps_json = JSON.stringify(body.frequencyCaps)
  if (body.pacingPeriods !== undefined)
    patch.pacing_periods_json = body.pacingPeriods === null ? null : JSON.stringify(body.pacingPeriods)
  ctx.store.update('campaigns', campaign.id, patch)
}
