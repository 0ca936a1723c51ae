import type { Ctx } from '../context.ts'
import type { AdcpExchange, AdcpResponse, UpdateMediaBuyRequest } from '../agents/adcp.ts'
import type { StoredPendingChange } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { applyPendingChange, refusePendingChange } from './pending-change.ts'

/** Buy statuses whose seller holds an order that must hear about changes. */
export const AT_SELLER: ReadonlySet<string> = new Set(['PENDING_APPROVAL', 'INPUT_REQUIRED', 'ACTIVE', 'PAUSED'])

/** A change the seller must hear about; the outbox gives it its idempotency key. */
export interface AgentNotice {
  buyId: string
  agentId: string
  request: Omit<UpdateMediaBuyRequest, 'idempotency_key'>
  /** The buy now carries a D6 pendingChange that this request proposes. */
  pending: boolean
}

export interface OutboxRow {
  id: number
  buy_id: string
  sales_agent_id: string
  seq: number
  idempotency_key: string
  request_json: string
  proposes: number
  state: 'queued' | 'delivered' | 'refused'
  attempts: number
  next_attempt_ms: number
}

/**
 * Called inside the transaction that accepted the change, so a change is never accepted without its notice nor the
 * other way round. Entries get a sequence per buy (delivery order) and a key that stays theirs across every retry.
 * A pending change remembers the entry that proposed its latest version: only that entry's answer settles it.
 */
export function enqueueNotices(ctx: Ctx, notices: AgentNotice[]): void {
  const now = ctx.clock.nowIso()
  const nextSeq = ctx.db.prepare<[string], { seq: number }>(
    'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM seller_outbox WHERE buy_id = ?',
  )
  const insert = ctx.db.prepare(
    `INSERT INTO seller_outbox (buy_id, sales_agent_id, seq, idempotency_key, request_json, proposes, state, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'queued', ?)`,
  )
  for (const notice of notices) {
    const seq = nextSeq.get(notice.buyId)?.seq ?? 1
    const key = `${notice.buyId}:update:${seq}`
    const request: UpdateMediaBuyRequest = { ...notice.request, idempotency_key: key }
    insert.run(notice.buyId, notice.agentId, seq, key, JSON.stringify(request), notice.pending ? 1 : 0, now)
    const buy = notice.pending ? ctx.store.buy(notice.buyId) : undefined
    const pending = parseJson<StoredPendingChange>(buy?.pending_change_json ?? null)
    if (buy && pending) {
      const { taskId: _older, ...rest } = pending
      ctx.store.update('media_buys', buy.id, { pending_change_json: JSON.stringify({ ...rest, outboxSeq: seq }) })
    }
  }
}

/** The seller answered (or a replay of its answer arrived): record the task, and settle the pending change it proposed. */
export function recordAnswer(ctx: Ctx, row: OutboxRow, exchange: AdcpExchange): void {
  const now = ctx.clock.nowIso()
  const buy = ctx.store.buy(row.buy_id)
  if (!buy) return
  const response = exchange.response
  const taskId = response.task_id ?? ctx.ids.task()
  const status = settledEarlier(ctx, taskId) ?? response.status
  ctx.db
    .prepare(
      `INSERT INTO agent_tasks (task_id, sales_agent_id, media_buy_id, task_type, status, request_json, response_json, created_at, updated_at)
     VALUES (?, ?, ?, 'update_media_buy', ?, ?, ?, ?, ?)
     ON CONFLICT(task_id) DO UPDATE SET status = excluded.status, response_json = excluded.response_json, updated_at = excluded.updated_at`,
    )
    .run(taskId, row.sales_agent_id, buy.id, status, row.request_json, JSON.stringify(response), now, now)
  const pending = parseJson<StoredPendingChange>(buy.pending_change_json)
  if (!row.proposes || !pending) return
  // A later entry proposed a newer version; its answer, not this one, settles the pending change.
  if (pending.outboxSeq !== undefined && pending.outboxSeq !== row.seq) return
  if (status === 'completed') applyPendingChange(ctx, buy, pending)
  else if (status === 'submitted' || status === 'working')
    ctx.store.update('media_buys', buy.id, { pending_change_json: JSON.stringify({ ...pending, taskId }) })
  // A refusal's reason is its first AdCP error when it has one (as for a refused submission), else its message.
  else
    refusePendingChange(
      ctx,
      buy,
      pending,
      response.errors?.[0]?.message ?? response.message ?? 'The seller refused the change',
    )
}

/**
 * The seller's webhook for this task may have come in before its answer did (a clock step ran while the answer was on
 * the wire); that webhook found no task to settle, so the answer takes its outcome.
 */
function settledEarlier(ctx: Ctx, taskId: string): AdcpResponse['status'] | undefined {
  const row = ctx.db
    .prepare<[string], { status: AdcpResponse['status'] }>(
      "SELECT status FROM webhook_events WHERE task_id = ? AND task_type = 'update_media_buy' ORDER BY id DESC LIMIT 1",
    )
    .get(taskId)
  return row && row.status !== 'submitted' && row.status !== 'working' ? row.status : undefined
}
