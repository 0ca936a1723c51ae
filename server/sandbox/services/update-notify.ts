import type { Ctx } from '../context.ts'
import type { AdcpExchange, UpdateMediaBuyRequest } from '../agents/adcp.ts'
import type { StoredPendingChange } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { applyPendingChange } from './pending-change.ts'

/** Buy statuses whose seller holds an order that must hear about changes. */
export const AT_SELLER: ReadonlySet<string> = new Set(['PENDING_APPROVAL', 'INPUT_REQUIRED', 'ACTIVE', 'PAUSED'])

/** A change the seller must hear about once the transaction has committed. */
export interface AgentNotice {
  buyId: string
  agentId: string
  request: UpdateMediaBuyRequest
  /** The buy now carries a D6 pendingChange that this request proposes. */
  pending: boolean
}

/** Sends the post-commit notices to the sellers and records what they answered. */
export async function notifyAgents(ctx: Ctx, notices: AgentNotice[]): Promise<void> {
  for (const notice of notices) {
    let exchange: AdcpExchange | Error
    try {
      exchange = await ctx.transport.send(notice.agentId, { tool: 'update_media_buy', arguments: notice.request })
    } catch (error) {
      exchange = error instanceof Error ? error : new Error(String(error))
    }
    ctx.db.transaction(() => recordNotice(ctx, notice, exchange))()
  }
}

export function notifyAgentsNow(ctx: Ctx, notices: AgentNotice[]): void {
  for (const notice of notices) recordNotice(ctx, notice, ctx.local.sendNow(notice.agentId, { tool: 'update_media_buy', arguments: notice.request }))
}

function recordNotice(ctx: Ctx, notice: AgentNotice, exchange: AdcpExchange | Error): void {
  const now = ctx.clock.nowIso()
  const buy = ctx.store.buy(notice.buyId)
  if (!buy) return
  const response = exchange instanceof Error ? { status: 'failed' as const, message: exchange.message } : exchange.response
  const taskId = response.task_id ?? ctx.ids.task()
  ctx.store.insert('agent_tasks', {
    task_id: taskId, sales_agent_id: notice.agentId, media_buy_id: buy.id, task_type: 'update_media_buy', status: response.status,
    request_json: JSON.stringify(notice.request), response_json: JSON.stringify(response), created_at: now, updated_at: now,
  })
  const pending = parseJson<StoredPendingChange>(buy.pending_change_json)
  if (!notice.pending || !pending) return
  if (response.status === 'completed') applyPendingChange(ctx, buy, pending)
  else if (response.status === 'submitted' || response.status === 'working')
    ctx.store.update('media_buys', buy.id, { pending_change_json: JSON.stringify({ ...pending, taskId }) })
  else {
    ctx.store.update('media_buys', buy.id, { pending_change_json: null, pending_change_status: null, source_message: response.message ?? 'The seller refused the change' })
    ctx.store.touchBuy(buy.id, now)
    ctx.store.touchCampaign(buy.campaign_id, now)
  }
}
