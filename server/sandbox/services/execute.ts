import type { Ctx } from '../context.ts'
import type { AdcpExchange } from '../agents/adcp.ts'
import { moveBuy } from './transitions.ts'
import { planExecute } from './execute-plan.ts'
import { applyAnswer, finishExecute, type ExecuteResult, type Tally } from './execute-apply.ts'
import { recordCreativeReviews } from './creative-sync.ts'
import {
  claimCampaign,
  findPlacedOrder,
  markAttempt,
  recordDispatches,
  unsettledCampaigns,
  type Dispatch,
} from './dispatches.ts'

export type { ExecuteResult } from './execute-apply.ts'

const recoveries = new WeakMap<Ctx, Promise<void>>()

/**
 * POST /campaigns/{id}/execute. Reconcile, then submit every DRAFT buy; non-DRAFT buys are never touched, so running
 * it again is safe. Decision (CONTRACT §1 and §5 say a retry "retries only the failed or remaining DRAFTs"): a buy
 * whose submission failed is shown as FAILED, with the seller's error, until the buyer executes again; reconcile then
 * turns it back into a DRAFT and it is sent once more. Buys that went through are not re-sent, which is what the
 * dashboard's "Retry failed" relies on.
 *
 * Exactly once per buy: the intent is committed before any seller is called, each answer is recorded as it arrives,
 * a buy whose earlier attempt went unanswered is first looked up at its seller, and every attempt of one submission
 * carries the same idempotency key. A claim row keeps a second execute of the campaign out while one runs. The
 * buy's creatives are synced to its seller before each create_media_buy sent; sync_creatives is idempotent by
 * creative id, so sending it again ahead of a resend after a crash or a lost answer is harmless.
 */
export async function executeCampaign(ctx: Ctx, campaignId: string, debug: boolean): Promise<ExecuteResult> {
  await recoveries.get(ctx)
  const release = claimCampaign(ctx, campaignId)
  try {
    const plan = ctx.db.transaction(() => {
      const p = planExecute(ctx, campaignId)
      recordDispatches(ctx, campaignId, p.dispatches)
      return p
    })()
    const tally: Tally = { executed: 0, errors: [] }
    for (const d of plan.dispatches) {
      const exchange = await dispatch(ctx, d)
      ctx.db.transaction(() => applyAnswer(ctx, d, exchange, debug, tally))()
    }
    return ctx.db.transaction(() => finishExecute(ctx, plan, tally))()
  } finally {
    release()
  }
}

async function dispatch(ctx: Ctx, d: Dispatch): Promise<AdcpExchange | Error> {
  if (d.recheck) {
    const placed = await findPlacedOrder(ctx, d)
    if (placed) return placed
  }
  if (d.sync) {
    const sync = await ctx.transport.send(d.agentId, d.sync).catch(asError)
    // The seller's verdicts are kept as soon as they arrive, whatever becomes of the order.
    if (ctx.db.open) ctx.db.transaction(() => recordCreativeReviews(ctx, d.agentId, sync))()
  }
  markAttempt(ctx, d.buyId)
  return ctx.transport.send(d.agentId, { tool: 'create_media_buy', arguments: d.request }).catch(asError)
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

/** The same, synchronously over the in-process transport: the seed replays history inside one transaction. */
export function executeCampaignNow(ctx: Ctx, campaignId: string, debug = false): ExecuteResult {
  const plan = planExecute(ctx, campaignId)
  recordDispatches(ctx, campaignId, plan.dispatches)
  const tally: Tally = { executed: 0, errors: [] }
  for (const d of plan.dispatches) {
    if (d.sync) recordCreativeReviews(ctx, d.agentId, ctx.local.sendNow(d.agentId, d.sync))
    applyAnswer(ctx, d, ctx.local.sendNow(d.agentId, { tool: 'create_media_buy', arguments: d.request }), debug, tally)
  }
  return finishExecute(ctx, plan, tally)
}

/**
 * On start: executes a previous process left unanswered. Orders their sellers already hold are taken in as if the
 * answer had arrived; buys the sellers never saw stay DRAFT and go out, with the same key, on the next execute.
 */
export function startDispatchRecovery(ctx: Ctx, ready: Promise<void>): Promise<void> {
  const run = ready.then(async () => {
    for (const campaignId of unsettledCampaigns(ctx)) await resumeCampaign(ctx, campaignId)
  })
  const settled = run.catch((error: unknown) => {
    if (ctx.db.open) console.error('[sandbox] dispatch recovery failed', error)
  })
  recoveries.set(ctx, settled)
  return settled
}

async function resumeCampaign(ctx: Ctx, campaignId: string): Promise<void> {
  const release = claimCampaign(ctx, campaignId)
  try {
    const rows = ctx.db
      .prepare<[string], { buy_id: string; sales_agent_id: string; request_json: string; submission: number }>(
        `SELECT d.buy_id, d.sales_agent_id, d.request_json, d.submission FROM order_dispatches d JOIN media_buys b ON b.id = d.buy_id
         WHERE d.campaign_id = ? AND d.state IN ('sending', 'uncertain') AND b.status IN ('DRAFT', 'FAILED')`,
      )
      .all(campaignId)
    const tally: Tally = { executed: 0, errors: [] }
    for (const row of rows) {
      const d: Dispatch = {
        buyId: row.buy_id,
        agentId: row.sales_agent_id,
        request: JSON.parse(row.request_json) as Dispatch['request'],
        submission: row.submission,
        recheck: true,
      }
      const placed = await findPlacedOrder(ctx, d)
      if (!placed) continue
      ctx.db.transaction(() => {
        const buy = ctx.store.buy(d.buyId)
        if (buy?.status === 'FAILED') moveBuy(ctx, buy, 'DRAFT', {}, null)
        applyAnswer(ctx, d, placed, false, tally)
      })()
    }
  } finally {
    release()
  }
}
