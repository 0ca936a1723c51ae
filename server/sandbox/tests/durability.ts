import Database from 'better-sqlite3'
import type { OrderState } from '../agents/order.ts'

// Reading what each side holds straight from the file: the platform's tables and the sellers' own (agent_orders,
// agent_idempotency), so a test checks what a seller actually has, not what the platform believes.

export interface SellerOrder {
  id: string
  agentId: string
  buyerRef: string
  status: string
  state: OrderState
}

export function readDb<T>(dbFile: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { readonly: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

export function sellerOrders(dbFile: string, buyerRef: string): SellerOrder[] {
  return readDb(dbFile, (db) =>
    db
      .prepare<
        [string],
        { adcp_media_buy_id: string; sales_agent_id: string; buyer_ref: string; status: string; state_json: string }
      >('SELECT * FROM agent_orders WHERE buyer_ref = ? ORDER BY created_at')
      .all(buyerRef)
      .map((r) => ({
        id: r.adcp_media_buy_id,
        agentId: r.sales_agent_id,
        buyerRef: r.buyer_ref,
        status: r.status,
        state: JSON.parse(r.state_json) as OrderState,
      })),
  )
}

/** Budget per package id (the seller's buyer_ref), as the seller holds it. */
export function sellerBudgets(dbFile: string, buyId: string): Map<string, number> {
  const [order] = sellerOrders(dbFile, buyId)
  return new Map((order?.state.packages ?? []).map((p) => [p.buyer_ref, p.budget]))
}

export function platformBudgets(dbFile: string, buyId: string): Map<string, number> {
  return readDb(
    dbFile,
    (db) =>
      new Map(
        db
          .prepare<[string], { id: string; budget: number }>('SELECT id, budget FROM packages WHERE media_buy_id = ?')
          .all(buyId)
          .map((r) => [r.id, r.budget]),
      ),
  )
}

export function outboxOf(
  dbFile: string,
  buyId: string,
): { seq: number; state: string; attempts: number; idempotency_key: string; request_json: string }[] {
  return readDb(dbFile, (db) =>
    db
      .prepare<
        [string],
        { seq: number; state: string; attempts: number; idempotency_key: string; request_json: string }
      >('SELECT * FROM seller_outbox WHERE buy_id = ? ORDER BY seq')
      .all(buyId),
  )
}

/** Polls until the condition holds (or fails the test with `what` after `timeoutMs`). */
export async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  everyMs = 25,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}
