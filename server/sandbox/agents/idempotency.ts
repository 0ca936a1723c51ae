import type { Db } from '../db/open.ts'
import type { AdcpResponse } from './adcp.ts'
import { packageState, type Order } from './order.ts'

// A seller's memory of the idempotency keys it has honoured (AdCP idempotency_key; create_media_buy carries it in
// `ext` because its top-level schema has none). A repeated key never creates or applies anything a second time: the
// buyer gets the order or the change it already made, as it stands now.

export interface IdempotencyEntry {
  tool: string
  adcp_media_buy_id: string
  response_json: string
}

export interface IdempotencyLedger {
  recall(key: string | undefined): IdempotencyEntry | undefined
  remember(key: string | undefined, tool: string, response: AdcpResponse): void
}

export function idempotencyLedger(db: Db, agentId: string): IdempotencyLedger {
  const find = db.prepare<[string, string], IdempotencyEntry>(
    'SELECT tool, adcp_media_buy_id, response_json FROM agent_idempotency WHERE sales_agent_id = ? AND idempotency_key = ?',
  )
  const insert = db.prepare(
    `INSERT INTO agent_idempotency (sales_agent_id, idempotency_key, tool, adcp_media_buy_id, response_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  )
  return {
    recall: (key) => (key ? find.get(agentId, key) : undefined),
    remember: (key, tool, response) => {
      // Only calls that did something are remembered: a refused or failed call may be retried with the same key.
      if (!key || !response.media_buy_id || response.status === 'failed') return
      insert.run(agentId, key, tool, response.media_buy_id, JSON.stringify(response), new Date().toISOString())
    },
  }
}

/** create_media_buy's key, from `ext` (the request passed the schema check, so `ext` is an object if present). */
export function createKey(req: { ext?: unknown }): string | undefined {
  const ext = typeof req.ext === 'object' && req.ext !== null ? (req.ext as { idempotency_key?: unknown }) : undefined
  return typeof ext?.idempotency_key === 'string' && ext.idempotency_key ? ext.idempotency_key : undefined
}

export function updateKey(req: { idempotency_key?: unknown }): string | undefined {
  return typeof req.idempotency_key === 'string' && req.idempotency_key ? req.idempotency_key : undefined
}

/** A repeated create_media_buy: the existing order, in the words the first answer would use for its state today. */
export function replayCreate(order: Order): AdcpResponse {
  const base = { media_buy_id: order.id, buyer_ref: order.buyerRef, packages: order.state.packages.map(packageState) }
  switch (order.status) {
    case 'submitted':
      return {
        ...base,
        status: 'submitted',
        task_id: order.state.createTaskId,
        message: 'The order was already received and is in review',
      }
    case 'input-required':
      return {
        ...base,
        status: 'input-required',
        task_id: order.state.createTaskId,
        message: 'The order was already received; the seller is waiting for an answer',
      }
    case 'rejected':
      return { ...base, status: 'rejected', message: 'The order was already received and declined' }
    default:
      return { ...base, status: 'completed', message: 'The order was already received' }
  }
}

/** A repeated update_media_buy: the first answer, or "completed" once the change it queued has been applied. */
export function replayUpdate(entry: IdempotencyEntry, order: Order | undefined): AdcpResponse {
  const first = JSON.parse(entry.response_json) as AdcpResponse
  const queued = first.task_id !== undefined && order?.state.pendingUpdates.some((u) => u.taskId === first.task_id)
  if (!order || (first.status !== 'submitted' && first.status !== 'working') || queued) return first
  return {
    status: 'completed',
    task_id: first.task_id,
    media_buy_id: order.id,
    buyer_ref: order.buyerRef,
    message: 'The change was already applied',
    packages: order.state.packages.map(packageState),
    affected_packages: order.state.packages.map(packageState),
  }
}
