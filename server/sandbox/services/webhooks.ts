import type { Ctx } from '../context.ts'
import type { DeliveryReport, WebhookPayload } from '../agents/adcp.ts'
import type { MediaBuyRow, StoredPendingChange } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { moveBuy } from './transitions.ts'
import { applyPendingChange, refusePendingChange } from './pending-change.ts'
import { recordBuyTransition } from './history.ts'
import { PLATFORM } from './audit.ts'
import { recordCreativeVerdicts } from './creative-sync.ts'

export interface WebhookOutcome {
  applied: boolean
  mediaBuyId?: string
  error?: string
}

const KEEP_DELIVERY_EVENTS = 5000

/**
 * Receives an AdCP push notification (core/mcp-webhook-payload.json) the way the platform would: persist it, find the
 * buy through the task it answers, and apply the §8.4 status mapping. The simulated sellers report through here too.
 */
export function receiveWebhook(ctx: Ctx, payload: WebhookPayload): WebhookOutcome {
  return ctx.db.transaction((): WebhookOutcome => {
    let outcome: WebhookOutcome
    try {
      outcome = apply(ctx, payload)
    } catch (error) {
      outcome = { applied: false, error: error instanceof Error ? error.message : String(error) }
    }
    ctx.store.insert('webhook_events', {
      received_at: ctx.clock.nowIso(),
      task_id: payload.task_id ?? null,
      task_type: payload.task_type ?? null,
      status: payload.status ?? null,
      media_buy_id: outcome.mediaBuyId ?? null,
      payload_json: JSON.stringify(payload),
      applied: outcome.applied ? 1 : 0,
      error: outcome.error ?? null,
    })
    return outcome
  })()
}

/** Delivery reports arrive every few simulated hours; only the newest are kept so the file does not grow forever. */
export function pruneWebhookEvents(ctx: Ctx): void {
  ctx.db
    .prepare(
      `DELETE FROM webhook_events WHERE task_type = 'get_media_buy_delivery'
     AND id < (SELECT COALESCE(MAX(id), 0) - ? FROM webhook_events)`,
    )
    .run(KEEP_DELIVERY_EVENTS)
}

function apply(ctx: Ctx, payload: WebhookPayload): WebhookOutcome {
  if (payload.task_type === 'get_media_buy_delivery') return applyDelivery(ctx, payload)
  if (payload.task_type === 'sync_creatives') return applyCreativeReview(ctx, payload)
  const task = ctx.db
    .prepare<[string], { media_buy_id: string; task_type: string }>(
      'SELECT media_buy_id, task_type FROM agent_tasks WHERE task_id = ?',
    )
    .get(payload.task_id)
  const result = payload.result ?? {}
  // A task the platform never heard of (its answer was lost in a crash) still names the buy: the result's buyer_ref,
  // or the operation_id the platform set in push_notification_config.
  const ref = typeof result.buyer_ref === 'string' ? result.buyer_ref : payload.operation_id
  const buy = task ? ctx.store.buy(task.media_buy_id) : ref ? ctx.store.buy(ref) : undefined
  if (!buy) return { applied: false, error: `no media buy for task ${payload.task_id}` }
  if (task)
    ctx.db
      .prepare('UPDATE agent_tasks SET status = ?, response_json = ?, updated_at = ? WHERE task_id = ?')
      .run(payload.status, JSON.stringify(payload), ctx.clock.nowIso(), payload.task_id)
  const taskType = task?.task_type ?? payload.task_type

  if (taskType === 'update_media_buy') {
    const pending = parseJson<StoredPendingChange>(buy.pending_change_json)
    if (pending && pending.taskId === payload.task_id) {
      if (payload.status === 'completed') applyPendingChange(ctx, buy, pending)
      else if (payload.status === 'rejected' || payload.status === 'failed' || payload.status === 'canceled')
        refusePendingChange(ctx, buy, pending, payload.message ?? null)
    }
    return { applied: true, mediaBuyId: buy.id }
  }

  // create_media_buy: the §8.4 mapping from AdCP task/media-buy status to the platform status.
  if (isTerminal(buy) && payload.status !== 'canceled')
    return { applied: false, mediaBuyId: buy.id, error: `buy is ${buy.status}` }
  switch (payload.status) {
    case 'submitted':
    case 'working':
      moveBuy(
        ctx,
        buy,
        'PENDING_APPROVAL',
        {
          pending_at: 'salesagent',
          pending_reason: payload.status === 'working' ? 'accepted_awaiting_trafficking' : 'awaiting_source_moderation',
          pending_since: buy.status === 'PENDING_APPROVAL' ? buy.pending_since : payload.timestamp,
          source_message: payload.message ?? null,
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
          // A seller's question is not a forwarding failure: pendingReason stays empty; errorOwner says whose move it is.
          pending_reason: null,
          pending_since: buy.status === 'INPUT_REQUIRED' ? buy.pending_since : payload.timestamp,
          error_owner: 'buyer_input',
          source_message: payload.message ?? 'The seller needs more information',
          error_code: null,
        },
        'input-required',
      )
      break
    case 'completed': {
      const mediaStatus = typeof result.status === 'string' ? result.status : 'active'
      moveBuy(
        ctx,
        buy,
        mapMediaBuyStatus(mediaStatus),
        {
          adcp_media_buy_id: typeof result.media_buy_id === 'string' ? result.media_buy_id : buy.adcp_media_buy_id,
          ...(mediaStatus === 'pending_start'
            ? { pending_reason: 'scheduled_not_started', pending_since: payload.timestamp }
            : {}),
        },
        mediaStatus,
      )
      break
    }
    case 'rejected':
      moveBuy(
        ctx,
        buy,
        'REJECTED',
        {
          error_code: 'source_rejected',
          error_owner: 'seller',
          source_message: payload.message ?? 'The seller declined the buy',
        },
        'rejected',
      )
      break
    case 'failed':
      moveBuy(
        ctx,
        buy,
        'FAILED',
        {
          error_code: 'source_unavailable',
          error_owner: 'seller',
          source_message: payload.message ?? 'The seller reported a failure',
        },
        'failed',
      )
      break
    case 'canceled':
      moveBuy(ctx, buy, 'CANCELED', {}, 'canceled')
      break
    default:
      return { applied: false, mediaBuyId: buy.id, error: `status ${payload.status} carries no transition` }
  }
  recordBuyTransition(ctx, buy)
  return { applied: true, mediaBuyId: buy.id }
}

function applyDelivery(ctx: Ctx, payload: WebhookPayload): WebhookOutcome {
  const reports = (payload.result?.media_buy_deliveries ?? []) as DeliveryReport[]
  let mediaBuyId: string | undefined
  const addDaily = ctx.db.prepare(
    `INSERT INTO delivery_daily (package_id, date, media_buy_id, campaign_id, impressions, spend, clicks, views, completed_views, conversions, leads, conversion_value)
     VALUES (@package_id, @date, @media_buy_id, @campaign_id, @impressions, @spend, @clicks, @views, @completed_views, @conversions, @leads, @conversion_value)
     ON CONFLICT(package_id, date) DO UPDATE SET impressions = impressions + excluded.impressions, spend = ROUND(spend + excluded.spend, 2),
       clicks = clicks + excluded.clicks, views = views + excluded.views, completed_views = completed_views + excluded.completed_views,
       conversions = conversions + excluded.conversions, leads = leads + excluded.leads, conversion_value = conversion_value + excluded.conversion_value`,
  )
  const addTotals = ctx.db.prepare(
    `UPDATE packages SET impressions = impressions + ?, spend = ROUND(spend + ?, 2), clicks = clicks + ?, views = views + ?,
       completed_views = completed_views + ?, conversions = conversions + ?, leads = leads + ?, last_delivery_at = ? WHERE id = ? AND media_buy_id = ?`,
  )
  const addBuyTotals = ctx.db.prepare(
    'UPDATE media_buys SET views = views + ?, completed_views = completed_views + ?, conversions = conversions + ?, leads = leads + ?, last_delivery_at = ? WHERE id = ?',
  )
  for (const report of reports) {
    const buy = ctx.store.buy(report.buyer_ref) ?? ctx.store.buyByAdcpId(report.media_buy_id)
    if (!buy) continue
    mediaBuyId = buy.id
    for (const row of report.by_package) {
      addDaily.run({ ...row, package_id: row.buyer_ref, media_buy_id: buy.id, campaign_id: buy.campaign_id })
      addTotals.run(
        row.impressions,
        row.spend,
        row.clicks,
        row.views,
        row.completed_views,
        row.conversions,
        row.leads,
        payload.timestamp,
        row.buyer_ref,
        buy.id,
      )
      addBuyTotals.run(row.views, row.completed_views, row.conversions, row.leads, payload.timestamp, buy.id)
    }
    ctx.db.prepare('UPDATE campaigns SET delivery_seq = delivery_seq + 1 WHERE id = ?').run(buy.campaign_id)
    if (report.status === 'completed' && (buy.status === 'ACTIVE' || buy.status === 'PAUSED')) {
      moveBuy(ctx, buy, 'COMPLETED', {}, 'completed')
      recordBuyTransition(ctx, buy, PLATFORM)
    }
    if (report.status === 'active' && buy.status === 'ACTIVE' && buy.adcp_status === 'pending_start') {
      ctx.store.update('media_buys', buy.id, { adcp_status: 'active', pending_reason: null, pending_since: null })
    }
  }
  return { applied: true, mediaBuyId }
}

function mapMediaBuyStatus(adcp: string): string {
  switch (adcp) {
    case 'paused':
      return 'PAUSED'
    case 'completed':
      return 'COMPLETED'
    case 'canceled':
      return 'CANCELED'
    case 'rejected':
      return 'REJECTED'
    default:
      return 'ACTIVE' // pending_creatives, pending_start, legacy pending_activation, active: the seller accepted it
  }
}

function isTerminal(buy: MediaBuyRow): boolean {
  return ['CANCELED', 'ARCHIVED', 'COMPLETED', 'REJECTED'].includes(buy.status)
}

/** A seller's review of a creative it finished after the sync: `operation_id` names the seller the platform synced to. */
function applyCreativeReview(ctx: Ctx, payload: WebhookPayload): WebhookOutcome {
  const agentId = /^creatives:(.+)$/.exec(payload.operation_id ?? '')?.[1]
  if (!agentId || !ctx.agents.has(agentId)) return { applied: false, error: 'no seller for this creative review' }
  if (payload.status !== 'completed') return { applied: false, error: `review ${payload.status}` }
  recordCreativeVerdicts(ctx, agentId, payload.result?.creatives)
  const ids = Array.isArray(payload.result?.creatives)
    ? (payload.result.creatives as { creative_id?: unknown }[]).map((c) => c.creative_id)
    : []
  for (const id of ids) {
    const row =
      typeof id === 'string'
        ? ctx.db.prepare<[string], { campaign_id: string }>('SELECT campaign_id FROM creatives WHERE id = ?').get(id)
        : undefined
    if (row) ctx.store.touchCampaign(row.campaign_id, ctx.clock.nowIso())
  }
  return { applied: true }
}
