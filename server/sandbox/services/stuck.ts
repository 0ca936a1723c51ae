import type { Ctx } from '../context.ts'
import { DAY } from '../clock.ts'
import type { MediaBuyRow } from '../repo/rows.ts'
import { sellerActor } from './audit.ts'
import { notify } from './notifications.ts'

/** A buy still waiting on its seller this long after it was sent is stuck: the buyer should chase or cancel it. */
export const STUCK_AFTER_MS = 3 * DAY

/** Raises `media_buy.stuck` once per wait (a buy that moves on and comes back to wait again may raise it again). */
export function notifyStuckBuys(ctx: Ctx): void {
  const before = new Date(ctx.clock.now().getTime() - STUCK_AFTER_MS).toISOString()
  const buys = ctx.db
    .prepare<[string], MediaBuyRow>(
      "SELECT * FROM media_buys WHERE status = 'PENDING_APPROVAL' AND pending_since IS NOT NULL AND pending_since <= ?",
    )
    .all(before)
  for (const buy of buys) {
    const seller = sellerActor(buy.sales_agent_id).serviceTokenName
    notify(ctx, {
      type: 'media_buy.stuck',
      status: 'warning',
      campaignId: buy.campaign_id,
      mediaBuyId: buy.id,
      message: `${buy.name} has waited on ${seller} since ${buy.pending_since!.slice(0, 10)} with no decision`,
      dedupeKey: `stuck:${buy.id}:${buy.pending_since}`,
    })
  }
}
