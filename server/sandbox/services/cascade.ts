import type { Ctx } from '../context.ts'
import type { AdcpExchange, AdcpRequest } from '../agents/adcp.ts'
import type { MediaBuyRow } from '../repo/rows.ts'
import { invalidState, notFound } from '../http/errors.ts'
import { moveBuy, setPackagesPaused } from './transitions.ts'
import { cascadeTarget, checkCascade, type CascadeKind } from '../../../src/domain/campaign-actions.ts'
import { BUYER, recordAudit, type Changes } from './audit.ts'

interface Step {
  buy: MediaBuyRow
  target: 'PAUSED' | 'ACTIVE' | 'COMPLETED'
  request?: AdcpRequest
}

export interface CascadeResult {
  campaignId: string
  campaignName: string
  previousStatus: string
  newStatus: string
  mediaBuyResults: {
    mediaBuyId: string
    name: string
    previousStatus: string
    newStatus: string
    success: boolean
    error?: string
  }[]
  totalMediaBuys: number
  successCount: number
  failureCount: number
}

/**
 * Campaign pause / reactivate (CONTRACT §6, D9). Each affected buy is told over AdCP; a buy whose seller refuses keeps
 * its status and is reported as a failure, while the campaign still changes status, as the API documents.
 */
export async function cascade(ctx: Ctx, campaignId: string, kind: CascadeKind): Promise<CascadeResult> {
  const plan = ctx.db.transaction(() => planCascade(ctx, campaignId, kind))()
  const exchanges: (AdcpExchange | Error | undefined)[] = []
  for (const step of plan.steps) {
    try {
      exchanges.push(step.request ? await ctx.transport.send(step.buy.sales_agent_id, step.request) : undefined)
    } catch (error) {
      exchanges.push(error instanceof Error ? error : new Error(String(error)))
    }
  }
  return ctx.db.transaction(() => applyCascade(ctx, plan, exchanges))()
}

export function cascadeNow(ctx: Ctx, campaignId: string, kind: CascadeKind): CascadeResult {
  const plan = planCascade(ctx, campaignId, kind)
  return applyCascade(
    ctx,
    plan,
    plan.steps.map((s) => (s.request ? ctx.local.sendNow(s.buy.sales_agent_id, s.request) : undefined)),
  )
}

interface Plan {
  campaignId: string
  kind: CascadeKind
  steps: Step[]
}

function planCascade(ctx: Ctx, campaignId: string, kind: CascadeKind): Plan {
  const campaign = ctx.store.campaign(campaignId)
  if (!campaign) throw notFound('Campaign')
  const allowed = checkCascade(campaign.status, kind)
  if (!allowed.allowed) throw invalidState(allowed.reason!)
  const now = ctx.clock.now().getTime()
  const steps: Step[] = []
  for (const buy of ctx.store.buysOf(campaignId)) {
    const target = cascadeTarget(kind, { status: buy.status, endTime: buy.end_time ?? campaign.flight_end }, now)
    if (!target) continue
    if (target === 'COMPLETED') {
      steps.push({ buy, target })
      continue
    }
    const push = { url: ctx.webhookUrl, token: ctx.webhookToken, operation_id: buy.id }
    const step = target === 'PAUSED' ? 'pause' : 'resume'
    steps.push({
      buy,
      target,
      request: {
        tool: 'update_media_buy',
        arguments: {
          media_buy_id: buy.adcp_media_buy_id ?? buy.id,
          buyer_ref: buy.id,
          push_notification_config: push,
          idempotency_key: `${buy.id}:${step}:${buy.revision}`,
          paused: target === 'PAUSED',
        },
      },
    })
  }
  return { campaignId, kind, steps }
}

function applyCascade(ctx: Ctx, plan: Plan, exchanges: (AdcpExchange | Error | undefined)[]): CascadeResult {
  const campaign = ctx.store.campaign(plan.campaignId)!
  const results: CascadeResult['mediaBuyResults'] = []
  plan.steps.forEach((step, i) => {
    const exchange = exchanges[i]
    const failure =
      exchange instanceof Error
        ? exchange.message
        : exchange && exchange.response.status !== 'completed'
          ? (exchange.response.errors?.[0]?.message ??
            exchange.response.message ??
            `seller answered ${exchange.response.status}`)
          : undefined
    const buy = ctx.store.buy(step.buy.id)!
    if (failure) {
      results.push({
        mediaBuyId: buy.id,
        name: buy.name,
        previousStatus: buy.status,
        newStatus: buy.status,
        success: false,
        error: failure,
      })
      return
    }
    moveBuy(ctx, buy, step.target, {}, step.target.toLowerCase())
    if (step.target !== 'COMPLETED') setPackagesPaused(ctx, buy.id, step.target === 'PAUSED')
    results.push({
      mediaBuyId: buy.id,
      name: buy.name,
      previousStatus: buy.status,
      newStatus: step.target,
      success: true,
    })
  })
  const ended = Date.parse(campaign.flight_end) <= ctx.clock.now().getTime()
  const newStatus = plan.kind === 'pause' ? 'PAUSED' : ended ? 'COMPLETED' : 'ACTIVE'
  ctx.store.update('campaigns', campaign.id, { status: newStatus })
  ctx.store.touchCampaign(campaign.id, ctx.clock.nowIso())
  const successCount = results.filter((r) => r.success).length
  const changes: Changes = { status: { from: campaign.status, to: newStatus } }
  for (const r of results)
    if (r.success) changes[`mediaBuys.${r.mediaBuyId}.status`] = { from: r.previousStatus, to: r.newStatus }
  recordAudit(ctx, {
    action: plan.kind === 'pause' ? 'DEACTIVATE' : 'ACTIVATE',
    resourceType: 'CAMPAIGN',
    resourceId: campaign.id,
    resourceName: campaign.name,
    campaignId: campaign.id,
    actor: BUYER,
    outcome: 'succeeded',
    parameters: { successCount, failureCount: results.length - successCount },
    changes,
    description: `${plan.kind === 'pause' ? 'Paused' : 'Reactivated'} the campaign (${successCount} of ${results.length} buys)`,
  })
  return {
    campaignId: campaign.id,
    campaignName: campaign.name,
    previousStatus: campaign.status,
    newStatus,
    mediaBuyResults: results,
    totalMediaBuys: results.length,
    successCount,
    failureCount: results.length - successCount,
  }
}
