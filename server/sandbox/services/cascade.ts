import type { Ctx } from '../context.ts'
import type { AdcpExchange, AdcpRequest } from '../agents/adcp.ts'
import type { MediaBuyRow } from '../repo/rows.ts'
import { invalidState, notFound } from '../http/errors.ts'
import { moveBuy, setPackagesPaused } from './transitions.ts'

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
export async function cascade(ctx: Ctx, campaignId: string, kind: 'pause' | 'reactivate'): Promise<CascadeResult> {
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

export function cascadeNow(ctx: Ctx, campaignId: string, kind: 'pause' | 'reactivate'): CascadeResult {
  const plan = planCascade(ctx, campaignId, kind)
  return applyCascade(
    ctx,
    plan,
    plan.steps.map((s) => (s.request ? ctx.local.sendNow(s.buy.sales_agent_id, s.request) : undefined)),
  )
}

interface Plan {
  campaignId: string
  kind: 'pause' | 'reactivate'
  steps: Step[]
}

function planCascade(ctx: Ctx, campaignId: string, kind: 'pause' | 'reactivate'): Plan {
  const campaign = ctx.store.campaign(campaignId)
  if (!campaign) throw notFound('Campaign')
  if (kind === 'pause' && campaign.status !== 'ACTIVE')
    throw invalidState(`Only an ACTIVE campaign can be paused; this one is ${campaign.status}`)
  if (kind === 'reactivate' && campaign.status !== 'PAUSED')
    throw invalidState(`Only a PAUSED campaign can be reactivated; this one is ${campaign.status}`)
  const now = ctx.clock.now().getTime()
  const steps: Step[] = []
  for (const buy of ctx.store.buysOf(campaignId)) {
    const push = { url: ctx.webhookUrl, token: ctx.webhookToken, operation_id: buy.id }
    const base = { media_buy_id: buy.adcp_media_buy_id ?? buy.id, buyer_ref: buy.id, push_notification_config: push }
    if (kind === 'pause' && buy.status === 'ACTIVE')
      steps.push({
        buy,
        target: 'PAUSED',
        request: {
          tool: 'update_media_buy',
          arguments: { ...base, idempotency_key: `${buy.id}:pause:${buy.revision}`, paused: true },
        },
      })
    if (kind === 'reactivate' && buy.status === 'PAUSED') {
      const end = Date.parse(buy.end_time ?? campaign.flight_end)
      // D9: a buy whose flight ended while paused does not come back to life; it is finished.
      if (end <= now) steps.push({ buy, target: 'COMPLETED' })
      else
        steps.push({
          buy,
          target: 'ACTIVE',
          request: {
            tool: 'update_media_buy',
            arguments: { ...base, idempotency_key: `${buy.id}:resume:${buy.revision}`, paused: false },
          },
        })
    }
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
