import type { Ctx } from '../context.ts'
import type { MediaBuyRow, StoredPendingChange } from '../repo/rows.ts'
import type { PackageUpdate } from '../../../src/api/schemas/update.ts'
import { recordProposalOutcome } from './update-proposals.ts'

type Value = string | number | null

/** The seller approved a D6 pending version: the proposed values become the live ones. */
export function applyPendingChange(ctx: Ctx, buy: MediaBuyRow, pending: StoredPendingChange): void {
  const now = ctx.clock.nowIso()
  for (const p of pending.apply.packages ?? []) writePackage(ctx, buy.id, p)
  const patch: Record<string, Value> = { pending_change_json: null, pending_change_status: null }
  if (pending.apply.endTime !== undefined) patch.end_time = pending.apply.endTime
  if (pending.apply.startTime !== undefined) patch.start_time = pending.apply.startTime
  if (pending.apply.creativeIds !== undefined)
    patch.creative_ids_json = pending.apply.creativeIds === null ? null : JSON.stringify(pending.apply.creativeIds)
  if (pending.apply.optimizationGoals !== undefined)
    patch.optimization_goals_json = JSON.stringify(pending.apply.optimizationGoals)
  ctx.store.update('media_buys', buy.id, patch)
  ctx.store.touchBuy(buy.id, now)
  ctx.store.touchCampaign(buy.campaign_id, now)
  recordProposalOutcome(ctx, buy, pending, 'APPROVED', null)
}

/** The seller refused (or failed, or canceled) a D6 pending version: the live values stay, the proposal goes. */
export function refusePendingChange(
  ctx: Ctx,
  buy: MediaBuyRow,
  pending: StoredPendingChange,
  message: string | null,
): void {
  const now = ctx.clock.nowIso()
  ctx.store.update('media_buys', buy.id, {
    pending_change_json: null,
    pending_change_status: null,
    source_message: message,
  })
  ctx.store.touchBuy(buy.id, now)
  ctx.store.touchCampaign(buy.campaign_id, now)
  recordProposalOutcome(ctx, buy, pending, 'REJECTED', message)
}

export function writePackage(ctx: Ctx, buyId: string, p: PackageUpdate): void {
  const patch: Record<string, Value> = {}
  if (p.budget !== undefined) patch.budget = p.budget
  if (p.pacing !== undefined) patch.pacing = p.pacing
  if (p.bidPrice !== undefined) patch.bid_price = p.bidPrice
  if (p.startTime !== undefined) patch.start_time = p.startTime
  if (p.endTime !== undefined) patch.end_time = p.endTime
  if (p.targetingOverlay !== undefined) patch.targeting_json = JSON.stringify(p.targetingOverlay)
  const pkg = ctx.store.packagesOf(buyId).find((x) => x.id === p.packageId)
  if (pkg) ctx.store.update('packages', pkg.id, patch)
}
