import type { Db } from '../db/open.ts'
import { toOrder, type Order, type OrderRow } from './order.ts'

// A seller's order book (agent_orders): the only place its orders are read and written.

export function loadOrder(db: Db, agentId: string, key: { id: string } | { buyerRef: string }): Order | undefined {
  const row =
    'id' in key
      ? db
          .prepare<[string, string], OrderRow>(
            'SELECT * FROM agent_orders WHERE adcp_media_buy_id = ? AND sales_agent_id = ?',
          )
          .get(key.id, agentId)
      : db
          .prepare<[string, string], OrderRow>(
            'SELECT * FROM agent_orders WHERE buyer_ref = ? AND sales_agent_id = ? ORDER BY created_at DESC LIMIT 1',
          )
          .get(key.buyerRef, agentId)
  return row ? toOrder(row) : undefined
}

export function saveOrder(db: Db, agentId: string, order: Order, now: string, insert: boolean): void {
  if (insert)
    db.prepare(
      `INSERT INTO agent_orders (adcp_media_buy_id, sales_agent_id, buyer_ref, status, state_json, next_action_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(order.id, agentId, order.buyerRef, order.status, JSON.stringify(order.state), order.nextActionAt, now, now)
  else
    db.prepare(
      'UPDATE agent_orders SET status = ?, state_json = ?, next_action_at = ?, updated_at = ? WHERE adcp_media_buy_id = ?',
    ).run(order.status, JSON.stringify(order.state), order.nextActionAt, now, order.id)
}
