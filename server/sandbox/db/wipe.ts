import type { Db } from './open.ts'

// Children before parents, so foreign keys hold while the tables empty.
const TABLES = [
  'audit_log',
  'notifications',
  'optimization_suggestions',
  'update_proposals',
  'seller_outbox',
  'order_dispatches',
  'execute_claims',
  'agent_idempotency',
  'webhook_events',
  'agent_creatives',
  'agent_orders',
  'agent_tasks',
  'delivery_daily',
  'packages',
  'media_buy_products',
  'media_buys',
  'creative_reviews',
  'creatives',
  'campaign_products',
  'campaigns',
  'property_lists',
  'products',
  'sales_agents',
  'advertisers',
  'meta',
]

/** Empties every table in place: POST /sandbox/reset keeps the connection (and the server) running. */
export function wipe(db: Db): void {
  db.transaction(() => {
    for (const table of TABLES) db.prepare(`DELETE FROM ${table}`).run()
    db.prepare("DELETE FROM sqlite_sequence WHERE name IN ('webhook_events', 'seller_outbox', 'audit_log')").run()
  })()
}
