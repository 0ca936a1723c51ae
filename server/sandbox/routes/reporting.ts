import type { Hono } from 'hono'
import { z } from 'zod'
import type { Ctx } from '../context.ts'
import { ok } from '../http/respond.ts'
import { parseWith } from '../http/validate.ts'
import { reportingMetrics } from '../services/reporting.ts'

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
const querySchema = z.object({
  advertiserId: z.string().optional(),
  campaignId: z.string().optional(),
  startDate: date.optional(),
  endDate: date.optional(),
  days: z.coerce.number().int().min(0).max(90).default(7),
  view: z.enum(['summary', 'timeseries']).default('summary'),
})

export function reportingRoutes(api: Hono, ctx: Ctx): void {
  api.get('/reporting/metrics', (c) => {
    const q = parseWith(querySchema, Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== '')))
    return ok(c, reportingMetrics(ctx, q))
  })
}
