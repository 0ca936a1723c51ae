import type { Ctx } from '../context.ts'
import { DAY, HOUR, startOfUtcDay } from '../clock.ts'
import { pruneWebhookEvents, receiveWebhook } from '../services/webhooks.ts'
import { recordCampaignCompleted } from '../services/history.ts'
import { notifyStuckBuys } from '../services/stuck.ts'
import { runOptimizerIfDue } from '../services/optimizer.ts'

/**
 * Moves simulated time forward. Time advances in steps of at most an hour that never cross midnight UTC, so delivery
 * lands on the right day whatever size of tick is asked for; in each step every seller acts and pushes its webhooks
 * through the same receiver as POST /sandbox/webhooks/adcp.
 */
export function advanceClock(ctx: Ctx, ms: number, maxStepMs = HOUR): void {
  if (!(ms > 0)) return
  ctx.db.transaction(() => {
    let from = ctx.clock.now()
    const target = from.getTime() + ms
    while (from.getTime() < target) {
      const to = new Date(Math.min(target, from.getTime() + maxStepMs, startOfUtcDay(from).getTime() + DAY))
      ctx.clock.set(to)
      for (const agent of ctx.agents.values()) for (const payload of agent.step(from, to)) receiveWebhook(ctx, payload)
      completeFinishedCampaigns(ctx, to.toISOString())
      notifyStuckBuys(ctx)
      runOptimizerIfDue(ctx)
      from = to
    }
    pruneWebhookEvents(ctx)
  })()
}

function completeFinishedCampaigns(ctx: Ctx, now: string): void {
  const done = ctx.db
    .prepare<[string], { id: string }>(
      `SELECT id FROM campaigns c WHERE status = 'ACTIVE' AND flight_end <= ?
     AND NOT EXISTS (SELECT 1 FROM media_buys b WHERE b.campaign_id = c.id AND b.status IN ('DRAFT','PENDING_APPROVAL','INPUT_REQUIRED','ACTIVE','PAUSED'))`,
    )
    .all(now)
  for (const { id } of done) {
    ctx.store.update('campaigns', id, { status: 'COMPLETED' })
    ctx.store.touchCampaign(id, now)
    recordCampaignCompleted(ctx, id, 'ACTIVE')
  }
}
