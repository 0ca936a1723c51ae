import type { Ctx } from '../context.ts'
import type { MediaBuyRow } from '../repo/rows.ts'

type Value = string | number | null

// The "why" fields belong to one status each; a transition clears the ones that no longer apply so a buy that left
// INPUT_REQUIRED does not keep showing the seller's old question.
const WHY_FIELDS = {
  pending_at: null,
  pending_reason: null,
  pending_since: null,
  error_code: null,
  error_owner: null,
  source_message: null,
}

export function moveBuy(
  ctx: Ctx,
  buy: MediaBuyRow,
  status: string,
  patch: Record<string, Value> = {},
  adcpStatus?: string | null,
): void {
  const now = ctx.clock.nowIso()
  const changed = status !== buy.status
  ctx.store.update('media_buys', buy.id, {
    ...(changed ? WHY_FIELDS : {}),
    ...(changed ? { previous_status: buy.status, previous_adcp_status: buy.adcp_status } : {}),
    ...(adcpStatus !== undefined ? { adcp_status: adcpStatus } : {}),
    status,
    ...patch,
  })
  ctx.store.touchBuy(buy.id, now)
  ctx.store.touchCampaign(buy.campaign_id, now)
  if (status === 'CANCELED' || status === 'ARCHIVED' || status === 'COMPLETED')
    ctx.db
      .prepare(
        "UPDATE packages SET status = CASE WHEN status = 'canceled' THEN 'canceled' ELSE ? END WHERE media_buy_id = ?",
      )
      .run(status === 'CANCELED' ? 'canceled' : 'paused', buy.id)
}

export function setPackagesPaused(ctx: Ctx, buyId: string, paused: boolean): void {
  ctx.db
    .prepare("UPDATE packages SET status = ? WHERE media_buy_id = ? AND status != 'canceled'")
    .run(paused ? 'paused' : 'active', buyId)
}
