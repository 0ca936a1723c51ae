import { randomUUID } from 'node:crypto'
import type { Ctx } from '../context.ts'
import type { AdcpExchange, AdcpRequest, AdcpResponse, CreateMediaBuyRequest } from '../agents/adcp.ts'
import { TRANSPORT_FAILURE_CODES } from '../agents/mcp-transport.ts'
import { ApiError } from '../http/errors.ts'

// The platform's durable intent for each create_media_buy (order_dispatches). A row is committed before the seller is
// called, so after a crash the platform knows which sellers may hold an order it never heard about; it asks them
// (get_media_buys by buyer_ref) before sending again, and any resend carries the same idempotency key.

export interface Dispatch {
  buyId: string
  agentId: string
  request: CreateMediaBuyRequest
  submission: number
  /** An earlier attempt of this submission may have reached the seller: look there before sending. */
  recheck: boolean
  /** sync_creatives ahead of the buy, so the seller holds (and reviews) the creatives it will be asked to run. */
  sync?: AdcpRequest
}

interface DispatchRow {
  buy_id: string
  campaign_id: string
  idempotency_key: string
  submission: number
  state: DispatchState
}

/**
 * sending: committed, the call may be on its way; uncertain: no answer came (timeout, lost connection); failed: the
 * seller answered that it made no order (the next execute is a new submission); placed: the seller holds the order.
 */
export type DispatchState = 'sending' | 'uncertain' | 'failed' | 'placed'

export function idempotencyKey(buyId: string, submission: number): string {
  return `${buyId}:create:${submission}`
}

/** The key and submission the next send of this buy uses: the same as last time unless the seller said no. */
export function nextSubmission(ctx: Ctx, buyId: string): { submission: number; key: string; recheck: boolean } {
  const row = ctx.db.prepare<[string], DispatchRow>('SELECT * FROM order_dispatches WHERE buy_id = ?').get(buyId)
  if (!row) return { submission: 1, key: idempotencyKey(buyId, 1), recheck: false }
  if (row.state === 'failed')
    return { submission: row.submission + 1, key: idempotencyKey(buyId, row.submission + 1), recheck: false }
  return { submission: row.submission, key: row.idempotency_key, recheck: true }
}

/** Written in the plan's transaction, so the intent is on disk before any seller is called. */
export function recordDispatches(ctx: Ctx, campaignId: string, dispatches: Dispatch[]): void {
  const now = ctx.clock.nowIso()
  const upsert = ctx.db.prepare(
    `INSERT INTO order_dispatches (buy_id, campaign_id, sales_agent_id, idempotency_key, submission, state, request_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'sending', ?, ?, ?)
     ON CONFLICT(buy_id) DO UPDATE SET idempotency_key = excluded.idempotency_key, submission = excluded.submission,
       state = 'sending', request_json = excluded.request_json, updated_at = excluded.updated_at`,
  )
  for (const d of dispatches)
    upsert.run(
      d.buyId,
      campaignId,
      d.agentId,
      d.request.ext.idempotency_key,
      d.submission,
      JSON.stringify(d.request),
      now,
      now,
    )
}

export function markAttempt(ctx: Ctx, buyId: string): void {
  ctx.db
    .prepare('UPDATE order_dispatches SET attempts = attempts + 1, updated_at = ? WHERE buy_id = ?')
    .run(ctx.clock.nowIso(), buyId)
}

export function settleDispatch(ctx: Ctx, buyId: string, exchange: AdcpExchange | Error): void {
  ctx.db
    .prepare('UPDATE order_dispatches SET state = ?, updated_at = ? WHERE buy_id = ?')
    .run(outcomeOf(exchange), ctx.clock.nowIso(), buyId)
}

function outcomeOf(exchange: AdcpExchange | Error): DispatchState {
  if (exchange instanceof Error || isTransportFailure(exchange.response)) return 'uncertain'
  return exchange.response.status === 'failed' && !exchange.response.media_buy_id ? 'failed' : 'placed'
}

/** No AdCP answer reached the platform: whatever the seller did is unknown. */
export function isTransportFailure(response: AdcpResponse): boolean {
  return response.status === 'failed' && (response.errors ?? []).some((e) => TRANSPORT_FAILURE_CODES.includes(e.code))
}

/** Dispatches a previous process left without an answer, by campaign. */
export function unsettledCampaigns(ctx: Ctx): string[] {
  return ctx.db
    .prepare<[], { campaign_id: string }>(
      `SELECT DISTINCT d.campaign_id FROM order_dispatches d JOIN media_buys b ON b.id = d.buy_id
       WHERE d.state IN ('sending', 'uncertain') AND b.status IN ('DRAFT', 'FAILED')`,
    )
    .all()
    .map((r) => r.campaign_id)
}

/**
 * Asks the seller whether it already holds an order for this buy. The answer is shaped as the create_media_buy answer
 * the platform missed, so it is recorded exactly as that answer would have been; undefined means no order (or no
 * answer, in which case the resend's idempotency key still keeps the seller from creating a second one).
 */
export async function findPlacedOrder(ctx: Ctx, d: Dispatch): Promise<AdcpExchange | undefined> {
  let found: AdcpExchange
  try {
    found = await ctx.transport.send(d.agentId, { tool: 'get_media_buys', arguments: { buyer_refs: [d.buyId] } })
  } catch {
    return undefined
  }
  const order = found.response.media_buys?.find((m) => m.buyer_ref === d.buyId)
  if (!order) return undefined
  // AdCP's status is coarse (pending_activation covers review and input-required); the seller's own state says which.
  const state = order.ext.seller_status
  const status: AdcpResponse['status'] =
    state === 'submitted' || state === 'input-required' || state === 'rejected' ? state : 'completed'
  return {
    request: found.request,
    response: {
      status,
      media_buy_id: order.media_buy_id,
      buyer_ref: order.buyer_ref,
      packages: order.packages,
      message: 'Found at the seller after an interrupted submission',
    },
    debugLogs: [
      {
        type: 'info',
        message: `Platform: ${d.agentId} already holds order ${order.media_buy_id} for ${d.buyId}; nothing was sent again`,
        timestamp: new Date().toISOString(),
      },
      ...found.debugLogs,
    ],
  }
}

// Claims: one execute per campaign. A claim row outlives nothing but its process: claims left by a process that died
// are released when the next one opens the file (one server serves a sandbox file at a time).
const owners = new WeakMap<Ctx, string>()

function ownerOf(ctx: Ctx): string {
  let owner = owners.get(ctx)
  if (!owner) {
    owner = randomUUID()
    owners.set(ctx, owner)
  }
  return owner
}

export function releaseStaleClaims(ctx: Ctx): void {
  ctx.db.prepare('DELETE FROM execute_claims WHERE owner != ?').run(ownerOf(ctx))
}

export function claimCampaign(ctx: Ctx, campaignId: string): () => void {
  const owner = ownerOf(ctx)
  const claimed = ctx.db
    .prepare('INSERT INTO execute_claims (campaign_id, owner, claimed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
    .run(campaignId, owner, new Date().toISOString())
  if (claimed.changes === 0) throw new ApiError(409, 'CONFLICT', 'This campaign is already being executed')
  return () => {
    if (ctx.db.open)
      ctx.db.prepare('DELETE FROM execute_claims WHERE campaign_id = ? AND owner = ?').run(campaignId, owner)
  }
}
