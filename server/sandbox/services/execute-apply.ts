import type { Ctx } from '../context.ts'
import type { AdcpExchange } from '../agents/adcp.ts'
import { moveBuy } from './transitions.ts'
import { settleDispatch, type Dispatch } from './dispatches.ts'
import type { Plan } from './execute-plan.ts'
import { recordBuyTransition } from './history.ts'
import { BUYER, PLATFORM, recordAudit, type Changes } from './audit.ts'

export interface ExecuteResult {
  campaignId: string
  previousStatus: string
  newStatus: string
  success: boolean
  mediaBuysExecuted: number
  reason?: 'no_media_buys_to_execute'
  errors?: Record<string, unknown>[]
  warnings?: Record<string, unknown>[]
}

export interface Tally {
  executed: number
  errors: Record<string, unknown>[]
}

/**
 * Records one seller's answer in its own transaction, as soon as it arrives: the buy's status, the task, the credit it
 * commits and the campaign going live. A crash later in the same execute loses none of it.
 */
export function applyAnswer(ctx: Ctx, d: Dispatch, exchange: AdcpExchange | Error, debug: boolean, tally: Tally): void {
  const now = ctx.clock.nowIso()
  settleDispatch(ctx, d.buyId, exchange)
  const buy = ctx.store.buy(d.buyId)
  if (!buy || buy.status !== 'DRAFT') return
  if (exchange instanceof Error) {
    moveBuy(
      ctx,
      buy,
      'FAILED',
      { error_code: 'platform_error', error_owner: 'platform', source_message: exchange.message },
      'failed',
    )
    recordBuyTransition(ctx, buy, PLATFORM)
    tally.errors.push({
      mediaBuyId: buy.id,
      salesAgentId: d.agentId,
      message: exchange.message,
      ...(debug ? { debug: { request: d.request, debugLogs: [], error: exchange.message } } : {}),
    })
    return
  }
  const { response } = exchange
  const taskId = response.task_id ?? ctx.ids.task()
  ctx.db
    .prepare(
      `INSERT INTO agent_tasks (task_id, sales_agent_id, media_buy_id, task_type, status, request_json, response_json, created_at, updated_at)
     VALUES (?, ?, ?, 'create_media_buy', ?, ?, ?, ?, ?)
     ON CONFLICT(task_id) DO UPDATE SET status = excluded.status, response_json = excluded.response_json, updated_at = excluded.updated_at`,
    )
    .run(taskId, d.agentId, buy.id, response.status, JSON.stringify(d.request), JSON.stringify(response), now, now)
  const forwarded = { forwarded_at: now, adcp_media_buy_id: response.media_buy_id ?? null }
  switch (response.status) {
    case 'completed': {
      const notStarted = d.request.start_time !== 'asap' && Date.parse(d.request.start_time) > Date.parse(now)
      moveBuy(
        ctx,
        buy,
        'ACTIVE',
        { ...forwarded, ...(notStarted ? { pending_reason: 'scheduled_not_started', pending_since: now } : {}) },
        notStarted ? 'pending_start' : 'active',
      )
      break
    }
    case 'submitted':
    case 'working':
      moveBuy(
        ctx,
        buy,
        'PENDING_APPROVAL',
        {
          ...forwarded,
          pending_at: 'salesagent',
          pending_reason: 'awaiting_source_moderation',
          pending_since: now,
          source_message: response.message ?? null,
        },
        null,
      )
      break
    case 'input-required':
      moveBuy(
        ctx,
        buy,
        'INPUT_REQUIRED',
        {
          ...forwarded,
          error_owner: 'buyer_input',
          pending_since: now,
          source_message: response.message ?? 'The seller needs more information',
        },
        'input-required',
      )
      break
    default: {
      const first = response.errors?.[0]
      const message = first
        ? `${first.code}: ${first.message}`
        : (response.message ?? `The sales agent answered ${response.status}`)
      const rejected = response.status === 'rejected'
      moveBuy(
        ctx,
        buy,
        rejected ? 'REJECTED' : 'FAILED',
        {
          error_code: rejected
            ? 'source_rejected'
            : first?.recovery === 'correctable'
              ? 'invalid_request'
              : 'source_unavailable',
          error_owner: 'seller',
          source_message: first?.message ?? message,
        },
        rejected ? 'rejected' : 'failed',
      )
      recordBuyTransition(ctx, buy)
      tally.errors.push({
        mediaBuyId: buy.id,
        salesAgentId: d.agentId,
        message,
        ...(debug ? { debug: { request: d.request, response, debugLogs: exchange.debugLogs, error: message } } : {}),
      })
      return
    }
  }
  recordBuyTransition(ctx, buy)
  tally.executed++
  const campaign = ctx.store.campaign(buy.campaign_id)
  if (!campaign) return
  if (campaign.status === 'DRAFT') ctx.store.update('campaigns', campaign.id, { status: 'ACTIVE' })
  ctx.db
    .prepare('UPDATE advertisers SET credit_used = credit_used + ? WHERE id = ? AND credit_limit IS NOT NULL')
    .run(d.request.total_budget.amount, campaign.advertiser_id)
}

export function finishExecute(ctx: Ctx, plan: Plan, tally: Tally): ExecuteResult {
  const { campaign } = plan
  const previousStatus = campaign.status
  const changes: Changes = {}
  const now = ctx.store.campaign(campaign.id)
  if (now && now.status !== previousStatus) changes.status = { from: previousStatus, to: now.status }
  for (const d of plan.dispatches)
    changes[`mediaBuys.${d.buyId}.status`] = { from: 'DRAFT', to: ctx.store.buy(d.buyId)?.status ?? null }
  recordAudit(ctx, {
    action: 'EXECUTE',
    resourceType: 'CAMPAIGN',
    resourceId: campaign.id,
    resourceName: campaign.name,
    campaignId: campaign.id,
    actor: BUYER,
    outcome: 'succeeded',
    parameters: {
      mediaBuysSent: plan.dispatches.length,
      mediaBuysExecuted: tally.executed,
      failed: tally.errors.length,
    },
    changes,
    description: plan.dispatches.length
      ? `Executed the campaign: ${tally.executed} of ${plan.dispatches.length} buys went through`
      : 'Executed the campaign: no draft buys to send',
  })
  if (plan.dispatches.length === 0)
    return {
      campaignId: campaign.id,
      previousStatus,
      newStatus: previousStatus,
      success: true,
      mediaBuysExecuted: 0,
      reason: 'no_media_buys_to_execute',
      ...(plan.warnings.length ? { warnings: plan.warnings } : {}),
    }
  const newStatus = ctx.store.campaign(campaign.id)?.status ?? previousStatus
  ctx.store.touchCampaign(campaign.id, ctx.clock.nowIso())
  return {
    campaignId: campaign.id,
    previousStatus,
    newStatus,
    success: tally.errors.length === 0,
    mediaBuysExecuted: tally.executed,
    ...(tally.errors.length ? { errors: tally.errors } : {}),
    ...(plan.warnings.length ? { warnings: plan.warnings } : {}),
  }
}
