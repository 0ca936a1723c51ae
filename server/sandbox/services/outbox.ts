import type { Ctx } from '../context.ts'
import type { AdcpExchange, AdcpResponse, UpdateMediaBuyRequest } from '../agents/adcp.ts'
import { recordAnswer, type AgentNotice, type OutboxRow } from './update-notify.ts'

// Delivers seller_outbox entries: per buy strictly in seq order (an entry waits until the one before it was
// acknowledged), each with its own idempotency key, retried with backoff until the seller answers. A seller that
// answered at all has acknowledged the entry, even when it refused the change.

const FIRST_RETRY_MS = 500
const MAX_RETRY_MS = 30_000

const chains = new WeakMap<Ctx, Map<string, Promise<void>>>()

export interface DrainOptions {
  /** Only these buys (default: every buy with a queued entry that is due). */
  buyIds?: string[]
  /** Try now even if the backoff says later: a new change or a clock step is a fresh reason to. */
  force?: boolean
}

/** After the commit: deliver what a change queued for its sellers (what fails stays queued and is retried). */
export function notifyAgents(ctx: Ctx, notices: AgentNotice[]): Promise<void> {
  return drainOutbox(ctx, { buyIds: notices.map((n) => n.buyId), force: true })
}

export function notifyAgentsNow(ctx: Ctx, notices: AgentNotice[]): void {
  drainOutboxNow(
    ctx,
    notices.map((n) => n.buyId),
  )
}

export async function drainOutbox(ctx: Ctx, opts: DrainOptions = {}): Promise<void> {
  if (!ctx.db.open) return
  const busy = chainsOf(ctx)
  const buyIds = opts.buyIds ?? dueBuys(ctx, opts.force === true).filter((id) => !busy.has(id))
  await Promise.all([...new Set(buyIds)].map((id) => enqueueDelivery(ctx, id, opts.force === true)))
}

/** The seed's synchronous path: the in-process transport answers at once, inside the caller's transaction. */
export function drainOutboxNow(ctx: Ctx, buyIds: string[]): void {
  for (const buyId of new Set(buyIds))
    for (let row = nextQueued(ctx, buyId); row; row = nextQueued(ctx, buyId)) {
      const exchange = ctx.local.sendNow(row.sales_agent_id, { tool: 'update_media_buy', arguments: requestOf(row) })
      if (retryable(exchange.response)) {
        backOff(ctx, row, exchange.response.message ?? 'retryable failure')
        break
      }
      acknowledge(ctx, row, exchange)
    }
}

function chainsOf(ctx: Ctx): Map<string, Promise<void>> {
  let map = chains.get(ctx)
  if (!map) {
    map = new Map()
    chains.set(ctx, map)
  }
  return map
}

/** One delivery loop per buy at a time: concurrent drains of a buy line up behind each other, so order holds. */
function enqueueDelivery(ctx: Ctx, buyId: string, force: boolean): Promise<void> {
  const map = chainsOf(ctx)
  const next = (map.get(buyId) ?? Promise.resolve())
    .then(() => deliver(ctx, buyId, force))
    .catch((error: unknown) => {
      if (ctx.db.open) console.error('[sandbox] outbox delivery failed', error)
    })
  map.set(buyId, next)
  void next.then(() => {
    if (map.get(buyId) === next) map.delete(buyId)
  })
  return next
}

async function deliver(ctx: Ctx, buyId: string, force: boolean): Promise<void> {
  for (;;) {
    if (!ctx.db.open) return
    const row = nextQueued(ctx, buyId)
    if (!row || (!force && row.next_attempt_ms > Date.now())) return
    let exchange: AdcpExchange | Error
    try {
      exchange = await ctx.transport.send(row.sales_agent_id, { tool: 'update_media_buy', arguments: requestOf(row) })
    } catch (error) {
      exchange = error instanceof Error ? error : new Error(String(error))
    }
    if (!ctx.db.open) return
    if (exchange instanceof Error || retryable(exchange.response)) {
      backOff(
        ctx,
        row,
        exchange instanceof Error ? exchange.message : (exchange.response.errors?.[0]?.message ?? 'retryable failure'),
      )
      return
    }
    const answered = exchange
    ctx.db.transaction(() => acknowledge(ctx, row, answered))()
  }
}

function dueBuys(ctx: Ctx, ignoreBackoff: boolean): string[] {
  return ctx.db
    .prepare<[number], { buy_id: string }>(
      "SELECT DISTINCT buy_id FROM seller_outbox WHERE state = 'queued' AND next_attempt_ms <= ?",
    )
    .all(ignoreBackoff ? Number.MAX_SAFE_INTEGER : Date.now())
    .map((r) => r.buy_id)
}

function nextQueued(ctx: Ctx, buyId: string): OutboxRow | undefined {
  return ctx.db
    .prepare<[string], OutboxRow>(
      "SELECT * FROM seller_outbox WHERE buy_id = ? AND state = 'queued' ORDER BY seq LIMIT 1",
    )
    .get(buyId)
}

function requestOf(row: OutboxRow): UpdateMediaBuyRequest {
  return JSON.parse(row.request_json) as UpdateMediaBuyRequest
}

/** No answer, or the seller says to try again later: the entry stays first in line for its buy. */
function retryable(response: AdcpResponse): boolean {
  const errors = response.errors ?? []
  return response.status === 'failed' && (errors.length === 0 || errors.every((e) => e.recovery === 'transient'))
}

function backOff(ctx: Ctx, row: OutboxRow, error: string): void {
  const attempts = row.attempts + 1
  const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1))
  ctx.db
    .prepare('UPDATE seller_outbox SET attempts = ?, next_attempt_ms = ?, last_error = ? WHERE id = ?')
    .run(attempts, Date.now() + wait, error, row.id)
}

function acknowledge(ctx: Ctx, row: OutboxRow, exchange: AdcpExchange): void {
  recordAnswer(ctx, row, exchange)
  const refused = exchange.response.status === 'failed' || exchange.response.status === 'rejected'
  ctx.db
    .prepare(
      'UPDATE seller_outbox SET state = ?, attempts = attempts + 1, delivered_at = ?, last_error = ? WHERE id = ?',
    )
    .run(
      refused ? 'refused' : 'delivered',
      ctx.clock.nowIso(),
      refused ? (exchange.response.errors?.[0]?.message ?? null) : null,
      row.id,
    )
}
