import type { Context, MiddlewareHandler } from 'hono'
import { Hono } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import { z } from 'zod'
import { errorResponse } from './envelope.ts'

// Sandbox-only fault switch: makes chosen API routes fail the way real networks and platforms do, so the dashboard's
// handling of each failure can be tested end to end. Never mounted when forwarding to a real platform.

export const FAULT_KINDS = ['500', '503', '429', 'timeout', 'drop', 'malformed', 'schema'] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

const faultRuleSchema = z.strictObject({
  /** A path under /api/v2/buyer, e.g. "/campaigns" or "/campaigns/cmp_1"; matches that path and below. */
  path: z.string().startsWith('/'),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  fault: z.enum(FAULT_KINDS),
  retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
  /** For "timeout": how long the answer is held before a 504. */
  delayMs: z.number().int().min(0).max(120_000).optional(),
  /** How many requests fail before the fault clears by itself; unlimited when omitted. */
  times: z.number().int().min(1).optional(),
})
export type FaultRule = z.infer<typeof faultRuleSchema>

export function createFaults() {
  let rules: (FaultRule & { remaining: number })[] = []

  function match(method: string, apiPath: string) {
    const rule = rules.find(
      (r) =>
        (!r.method || r.method === method) &&
        (apiPath === r.path ||
          apiPath.startsWith(r.path.endsWith('/') ? r.path : `${r.path}/`) ||
          apiPath.startsWith(`${r.path}?`)),
    )
    if (!rule) return undefined
    rule.remaining -= 1
    if (rule.remaining <= 0) rules = rules.filter((r) => r !== rule)
    return rule
  }

  const middleware =
    (prefix: string): MiddlewareHandler<{ Bindings: HttpBindings }> =>
    async (c, next) => {
      const apiPath = new URL(c.req.url).pathname.slice(prefix.length) || '/'
      const rule = match(c.req.method, apiPath)
      if (!rule) return next()
      return answer(c, rule)
    }

  const control = new Hono()
  control.get('/', (c) => c.json({ rules }))
  control.post('/', async (c) => {
    const parsed = z.object({ rules: z.array(faultRuleSchema) }).safeParse(await c.req.json().catch(() => null))
    if (!parsed.success)
      return errorResponse(c, 400, 'VALIDATION_ERROR', parsed.error.issues.map((i) => i.message).join('; '))
    rules = parsed.data.rules.map((r) => ({ ...r, remaining: r.times ?? Number.POSITIVE_INFINITY }))
    return c.json({ rules })
  })
  control.delete('/', (c) => {
    rules = []
    return c.json({ rules })
  })

  return { middleware, control, clear: () => (rules = []) }
}

async function answer(c: Context<{ Bindings: HttpBindings }>, rule: FaultRule): Promise<Response> {
  switch (rule.fault) {
    case '500':
      return errorResponse(c, 500, 'INTERNAL_ERROR', 'Injected fault: internal error')
    case '503':
      if (rule.retryAfterSeconds !== undefined) c.header('Retry-After', String(rule.retryAfterSeconds))
      return errorResponse(c, 503, 'SERVICE_UNAVAILABLE', 'Injected fault: service unavailable')
    case '429':
      c.header('Retry-After', String(rule.retryAfterSeconds ?? 5))
      c.header('RateLimit-Limit', '100')
      c.header('RateLimit-Remaining', '0')
      return errorResponse(c, 429, 'RATE_LIMITED', 'Injected fault: rate limit exceeded')
    case 'timeout':
      await new Promise((resolve) => setTimeout(resolve, rule.delayMs ?? 30_000))
      return errorResponse(c, 504, 'SERVICE_UNAVAILABLE', 'Injected fault: the platform did not answer in time')
    case 'drop':
      // Close the connection without an answer, as a failing proxy or a lost network does.
      c.env.incoming.socket.destroy()
      return new Response(null, { status: 500 })
    case 'malformed':
      return new Response('{"data": {"campaigns": [', { status: 200, headers: { 'Content-Type': 'application/json' } })
    case 'schema':
      return c.json({ data: { unexpected: true, campaigns: 'not a list', campaign: { name: 42 } }, error: null })
  }
}
