import type { Ctx } from '../context.ts'
import type { AdcpExchange, AdcpPackageRequest, AdcpRequest, CreateMediaBuyRequest } from '../agents/adcp.ts'
import type { CampaignRow } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { ApiError, invalidState, notFound } from '../http/errors.ts'
import { acceptedFormats, effectiveCreatives, loadGraph } from './views.ts'
import { moveBuy } from './transitions.ts'
import { reconcileSelectedProducts } from './reconcile.ts'
import { buildPackages } from './packages.ts'
import { creativeSyncRequest, recordCreativeReviews } from './creative-sync.ts'

interface Dispatch {
  buyId: string
  agentId: string
  request: CreateMediaBuyRequest
  /** sync_creatives ahead of the buy, so the seller holds (and reviews) the creatives it will be asked to run. */
  sync?: AdcpRequest
}

interface Plan {
  campaign: CampaignRow
  dispatches: Dispatch[]
  warnings: Record<string, unknown>[]
}

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

const inFlight = new WeakMap<Ctx, Set<string>>()

/**
 * POST /campaigns/{id}/execute. Reconcile, then submit every DRAFT buy; non-DRAFT buys are never touched, so running
 * it again is safe. Decision (CONTRACT §1 and §5 say a retry "retries only the failed or remaining DRAFTs"): a buy
 * whose submission failed is shown as FAILED, with the seller's error, until the buyer executes again; reconcile then
 * turns it back into a DRAFT and it is sent once more. Buys that went through are not re-sent, which is what the
 * dashboard's "Retry failed" relies on.
 */
export async function executeCampaign(ctx: Ctx, campaignId: string, debug: boolean): Promise<ExecuteResult> {
  const busy = inFlight.get(ctx) ?? new Set<string>()
  inFlight.set(ctx, busy)
  if (busy.has(campaignId)) throw new ApiError(409, 'CONFLICT', 'This campaign is already being executed')
  busy.add(campaignId)
  try {
    const plan = ctx.db.transaction(() => planExecute(ctx, campaignId))()
    const exchanges: (AdcpExchange | Error)[] = []
    const syncs: (AdcpExchange | Error | undefined)[] = []
    for (const d of plan.dispatches) {
      syncs.push(d.sync ? await ctx.transport.send(d.agentId, d.sync).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))) : undefined)
      try {
        exchanges.push(await ctx.transport.send(d.agentId, { tool: 'create_media_buy', arguments: d.request }))
      } catch (error) {
        exchanges.push(error instanceof Error ? error : new Error(String(error)))
      }
    }
    return ctx.db.transaction(() => applyExecute(ctx, plan, exchanges, debug, syncs))()
  } finally {
    busy.delete(campaignId)
  }
}

/** The same, synchronously over the in-process transport: the seed replays history inside one transaction. */
export function executeCampaignNow(ctx: Ctx, campaignId: string, debug = false): ExecuteResult {
  const plan = planExecute(ctx, campaignId)
  const syncs = plan.dispatches.map((d) => (d.sync ? ctx.local.sendNow(d.agentId, d.sync) : undefined))
  const exchanges = plan.dispatches.map((d) => ctx.local.sendNow(d.agentId, { tool: 'create_media_buy', arguments: d.request }))
  return applyExecute(ctx, plan, exchanges, debug, syncs)
}

function planExecute(ctx: Ctx, campaignId: string): Plan {
  const campaign = ctx.store.campaign(campaignId)
  if (!campaign) throw notFound('Campaign')
  if (['ARCHIVED', 'CANCELED', 'COMPLETED'].includes(campaign.status))
    throw invalidState(`A ${campaign.status} campaign cannot be executed`)
  const now = ctx.clock.now()
  reconcileSelectedProducts(ctx, campaign)
  // FAILED buys are retried: back to DRAFT, then submitted with the others.
  for (const b of ctx.store.buysOf(campaignId)) if (b.status === 'FAILED') moveBuy(ctx, b, 'DRAFT', {}, null)

  const graph = loadGraph(ctx, campaign)
  const drafts = graph.buys.filter((b) => b.status === 'DRAFT')
  const advertiser = ctx.store.advertiser(campaign.advertiser_id)
  if (advertiser?.credit_limit != null && drafts.length) {
    const needed = drafts.reduce((sum, b) => sum + (graph.buyProducts.get(b.id) ?? []).reduce((s, p) => s + (p.budget ?? 0), 0), 0)
    const available = advertiser.credit_limit - advertiser.credit_used
    if (needed > available)
      throw new ApiError(402, 'CREDIT_LIMIT_EXCEEDED', `Executing needs ${needed.toFixed(2)} ${campaign.currency} of credit; ${Math.max(0, available).toFixed(2)} is available`, undefined,
        { creditLimit: advertiser.credit_limit, creditUsed: advertiser.credit_used, required: needed })
  }

  const warnings: Record<string, unknown>[] = []
  const stale: string[] = []
  const dispatches: Dispatch[] = []
  for (const buy of drafts) {
    const products = graph.buyProducts.get(buy.id) ?? []
    if (products.length === 0) continue
    const packages = buildPackages(ctx, campaign, buy, products)
    const creatives = effectiveCreatives(ctx, buy, products, graph.creatives)
    const accepted = acceptedFormats(ctx, products)
    const dropped = buy.creative_ids_json ? [] : graph.creatives.filter((c) => !accepted.has(c.format_kind))
    if (dropped.length)
      warnings.push({ type: 'creatives_dropped', mediaBuyId: buy.id, dropped: dropped.map((c) => ({ creativeId: c.id, formatId: c.format_id, reason: `format ${c.format_kind} is not accepted by this buy's products` })) })
    const start = buy.start_time ?? campaign.flight_start
    const startPassed = start !== 'asap' && Date.parse(start) < now.getTime()
    if (startPassed) stale.push(buy.id)
    const goals = parseJson<unknown[]>(buy.optimization_goals_json)
    dispatches.push({
      buyId: buy.id,
      agentId: buy.sales_agent_id,
      sync: creativeSyncRequest(creatives.filter((c) => accepted.has(c.format_kind))),
      request: {
        buyer_ref: buy.id,
        account: { account_id: `adv_${campaign.advertiser_id}` },
        brand: { domain: advertiser?.brand ?? 'example.com', name: advertiser?.name ?? campaign.advertiser_id },
        po_number: campaign.id,
        total_budget: { amount: round2(packages.reduce((s, p) => s + (p.budget ?? 0), 0)), currency: campaign.currency },
        ext: { idempotency_key: `${buy.id}:r${buy.revision}` },
        start_time: startPassed ? 'asap' : start,
        end_time: buy.end_time ?? campaign.flight_end,
        packages: packages.map((p) => ({
          buyer_ref: p.id, product_id: p.product_id, budget: p.budget ?? 0,
          pricing_option_id: products.find((x) => x.product_id === p.product_id)?.pricing_option_id ?? ctx.store.product(p.product_id)?.pricing_option_id ?? 'default',
          pacing: adcpPacing(p.pacing),
          ...(p.bid_price != null ? { bid_price: p.bid_price } : {}),
          ...(p.start_time ? { start_time: p.start_time } : {}),
          ...(p.end_time ? { end_time: p.end_time } : {}),
          ...(goals?.length ? { optimization_goals: goals } : {}),
          creative_ids: creatives.map((c) => c.id),
        })),
        push_notification_config: { url: ctx.webhookUrl, token: ctx.webhookToken, operation_id: buy.id, authentication: { schemes: ['Bearer'], credentials: ctx.webhookToken } },
      },
    })
  }
  if (stale.length)
    warnings.push({ type: 'stale_draft', mediaBuyIds: stale, hint: 'The flight start of these drafts has passed; they were sent with start_time "asap". Review their dates.' })
  return { campaign, dispatches, warnings }
}

function applyExecute(ctx: Ctx, plan: Plan, exchanges: (AdcpExchange | Error)[], debug: boolean, syncs: (AdcpExchange | Error | undefined)[]): ExecuteResult {
  const { campaign } = plan
  const now = ctx.clock.nowIso()
  const errors: Record<string, unknown>[] = []
  let executed = 0
  let committed = 0
  plan.dispatches.forEach((d, i) => {
    recordCreativeReviews(ctx, d.agentId, syncs[i])
    const exchange = exchanges[i]
    const buy = ctx.store.buy(d.buyId)
    if (!buy || buy.status !== 'DRAFT') return
    if (exchange instanceof Error) {
      moveBuy(ctx, buy, 'FAILED', { error_code: 'platform_error', error_owner: 'platform', source_message: exchange.message }, 'failed')
      errors.push({ mediaBuyId: buy.id, salesAgentId: d.agentId, message: exchange.message, ...(debug ? { debug: { request: d.request, debugLogs: [], error: exchange.message } } : {}) })
      return
    }
    const { response } = exchange
    const taskId = response.task_id ?? ctx.ids.task()
    ctx.store.insert('agent_tasks', {
      task_id: taskId, sales_agent_id: d.agentId, media_buy_id: buy.id, task_type: 'create_media_buy', status: response.status,
      request_json: JSON.stringify(d.request), response_json: JSON.stringify(response), created_at: now, updated_at: now,
    })
    const forwarded = { forwarded_at: now, adcp_media_buy_id: response.media_buy_id ?? null }
    switch (response.status) {
      case 'completed': {
        const notStarted = d.request.start_time !== 'asap' && Date.parse(d.request.start_time) > Date.parse(now)
        moveBuy(ctx, buy, 'ACTIVE', { ...forwarded, ...(notStarted ? { pending_reason: 'scheduled_not_started', pending_since: now } : {}) }, notStarted ? 'pending_start' : 'active')
        break
      }
      case 'submitted':
      case 'working':
        moveBuy(ctx, buy, 'PENDING_APPROVAL', { ...forwarded, pending_at: 'salesagent', pending_reason: 'awaiting_source_moderation', pending_since: now, source_message: response.message ?? null }, null)
        break
      case 'input-required':
        moveBuy(ctx, buy, 'INPUT_REQUIRED', { ...forwarded, error_owner: 'buyer_input', pending_since: now, source_message: response.message ?? 'The seller needs more information' }, 'input-required')
        break
      default: {
        const first = response.errors?.[0]
        const message = first ? `${first.code}: ${first.message}` : (response.message ?? `The sales agent answered ${response.status}`)
        const rejected = response.status === 'rejected'
        moveBuy(ctx, buy, rejected ? 'REJECTED' : 'FAILED', {
          error_code: rejected ? 'source_rejected' : first?.recovery === 'correctable' ? 'invalid_request' : 'source_unavailable',
          error_owner: 'seller', source_message: first?.message ?? message,
        }, rejected ? 'rejected' : 'failed')
        errors.push({
          mediaBuyId: buy.id, salesAgentId: d.agentId, message,
          ...(debug ? { debug: { request: d.request, response, debugLogs: exchange.debugLogs, error: message } } : {}),
        })
        return
      }
    }
    executed++
    committed += d.request.total_budget.amount
  })
  const previousStatus = campaign.status
  if (plan.dispatches.length === 0)
    return { campaignId: campaign.id, previousStatus, newStatus: previousStatus, success: true, mediaBuysExecuted: 0, reason: 'no_media_buys_to_execute', ...(plan.warnings.length ? { warnings: plan.warnings } : {}) }
  const newStatus = executed > 0 && previousStatus === 'DRAFT' ? 'ACTIVE' : previousStatus
  ctx.store.update('campaigns', campaign.id, { status: newStatus })
  ctx.store.touchCampaign(campaign.id, now)
  if (committed > 0) ctx.db.prepare('UPDATE advertisers SET credit_used = credit_used + ? WHERE id = ? AND credit_limit IS NOT NULL').run(committed, campaign.advertiser_id)
  return {
    campaignId: campaign.id, previousStatus, newStatus, success: errors.length === 0, mediaBuysExecuted: executed,
    ...(errors.length ? { errors } : {}), ...(plan.warnings.length ? { warnings: plan.warnings } : {}),
  }
}

/** AdCP knows three pacings; anything else the platform stores goes out as even. */
function adcpPacing(pacing: string | null | undefined): AdcpPackageRequest['pacing'] {
  return pacing === 'asap' || pacing === 'front_loaded' ? pacing : 'even'
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}
