import { runOptimizer } from '../services/optimizer.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import type { Ctx } from '../context.ts'
import { DAY } from '../clock.ts'
import { ok, onError, onNotFound } from '../http/respond.ts'
import { readBody } from '../http/validate.ts'
import { ApiError } from '../http/errors.ts'
import type { RateLimiter } from '../http/rate-limit.ts'
import { receiveWebhook } from '../services/webhooks.ts'
import { rollUpStatus } from '../../../src/domain/status.ts'
import type { WebhookPayload } from '../agents/adcp.ts'

const tickSchema = z
  .strictObject({
    ms: z
      .number()
      .int()
      .positive()
      .max(400 * DAY)
      .optional(),
    days: z.number().positive().max(400).optional(),
  })
  .optional()

const rateLimitSchema = z.strictObject({
  limit: z.number().int().min(0).max(1_000_000).optional(),
  /** Start a new minute: every bucket empty (a large-account test that cannot reset the data). */
  clear: z.boolean().optional(),
})

const webhookSchema = z.looseObject({
  task_id: z.string().min(1),
  task_type: z.string().min(1),
  status: z.enum([
    'submitted',
    'working',
    'input-required',
    'completed',
    'canceled',
    'failed',
    'rejected',
    'auth-required',
    'unknown',
  ]),
  timestamp: z.string().min(1),
  message: z.string().optional(),
  token: z.string().optional(),
  result: z.record(z.string(), z.unknown()).optional(),
})

export interface ControlDeps {
  ctx: Ctx
  reset(): void
  tick(ms: number): void
  rateLimit: RateLimiter
}

/** Sandbox-only routes (mounted at /sandbox, never under the buyer API, absent when forwarding). */
export function controlApp({ ctx, reset, tick, rateLimit }: ControlDeps): Hono {
  const app = new Hono()
  app.onError(onError)
  app.notFound(onNotFound)

  app.post('/reset', (c) => {
    reset()
    return ok(c, { reset: true, now: ctx.clock.nowIso() })
  })

  app.post('/tick', async (c) => {
    const body = await readBody(c, tickSchema)
    const ms = body?.ms ?? (body?.days ?? 1) * DAY
    tick(ms)
    return ok(c, { advancedMs: ms, now: ctx.clock.nowIso() })
  })

  // Runs the optimizer at the current simulated time, whether or not it is due (tests and demos want a suggestion now).
  app.post('/optimizer/run', (c) => ok(c, { created: ctx.db.transaction(() => runOptimizer(ctx))() }))

  app.get('/rate-limit', (c) => ok(c, rateLimit.state()))

  // Lets a test reach the limit without sending a hundred requests; POST /reset restores the configured limit.
  app.post('/rate-limit', async (c) => {
    const body = await readBody(c, rateLimitSchema)
    if (body.clear) rateLimit.reset()
    if (body.limit !== undefined) rateLimit.setLimit(body.limit)
    return ok(c, rateLimit.state())
  })

  app.post('/webhooks/adcp', async (c) => {
    const payload = (await readBody(c, webhookSchema)) as WebhookPayload
    // Sellers echo the push_notification_config token; a wrong one is refused (a missing one is allowed for test hooks).
    if (payload.token !== undefined && payload.token !== ctx.webhookToken)
      throw new ApiError(401, 'UNAUTHORIZED', 'Unknown webhook token')
    const outcome = receiveWebhook(ctx, payload)
    return ok(c, outcome, outcome.applied ? 200 : 202)
  })

  app.get('/state', (c) => {
    const campaigns = ctx.db.prepare('SELECT id, name, status, revision FROM campaigns ORDER BY seq').all() as {
      id: string
      name: string
      status: string
      revision: number
    }[]
    const buys = ctx.db.prepare('SELECT campaign_id, status, pending_change_status FROM media_buys').all() as {
      campaign_id: string
      status: string
      pending_change_status: string | null
    }[]
    const byCampaign = new Map<string, string[]>()
    for (const b of buys)
      byCampaign.set(b.campaign_id, [
        ...(byCampaign.get(b.campaign_id) ?? []),
        b.status,
        ...(b.pending_change_status ? [b.pending_change_status] : []),
      ])
    const count = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n
    return ok(c, {
      now: ctx.clock.nowIso(),
      counts: {
        advertisers: count('SELECT COUNT(*) AS n FROM advertisers'),
        campaigns: campaigns.length,
        mediaBuys: buys.length,
        packages: count('SELECT COUNT(*) AS n FROM packages'),
        webhookEvents: count('SELECT COUNT(*) AS n FROM webhook_events'),
      },
      mediaBuyStatuses: Object.fromEntries(
        ctx.db
          .prepare('SELECT status, COUNT(*) AS n FROM media_buys GROUP BY status')
          .all()
          .map((r) => {
            const row = r as { status: string; n: number }
            return [row.status, row.n]
          }),
      ),
      campaigns: campaigns.map((cmp) => ({ ...cmp, rollUp: rollUpStatus(byCampaign.get(cmp.id) ?? []) ?? cmp.status })),
      recentWebhooks: ctx.db
        .prepare(
          'SELECT id, received_at AS receivedAt, task_type AS taskType, status, media_buy_id AS mediaBuyId, applied, error FROM webhook_events ORDER BY id DESC LIMIT 20',
        )
        .all(),
    })
  })
  return app
}
