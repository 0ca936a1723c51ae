import { Hono } from 'hono'
import { z } from 'zod'
import { ok, onError, onNotFound } from '../http/respond.ts'
import { readBody } from '../http/validate.ts'
import { notFound } from '../http/errors.ts'
import type { McpTransport } from '../agents/mcp-transport.ts'

const faultSchema = z.strictObject({
  mode: z.enum(['none', 'timeout', 'drop', 'lost_reply']),
  /** timeout and lost_reply modes: how long the seller holds the call (or its answer) before closing the socket. */
  holdMs: z.number().int().positive().max(120_000).optional(),
  /** How long the platform waits for this seller before it gives up (default 10 s). */
  timeoutMs: z.number().int().positive().max(120_000).optional(),
})

/** POST /sandbox/agents/{agentId}/fault: make one seller time out or drop the connection on tool calls. */
export function agentFaultRoutes(transport: McpTransport): Hono {
  const app = new Hono()
  app.onError(onError)
  app.notFound(onNotFound)
  app.post('/:agentId/fault', async (c) => {
    const body = await readBody(c, faultSchema)
    const timeoutMs = body.timeoutMs
    const holdMs = body.holdMs ?? (timeoutMs ?? 10_000) + 1_000
    const fault =
      body.mode === 'timeout' || body.mode === 'lost_reply' ? { mode: body.mode, holdMs } : { mode: body.mode }
    await transport.whenReady()
    if (!transport.setFault(c.req.param('agentId'), fault, timeoutMs)) throw notFound('Sales agent')
    return ok(c, { agentId: c.req.param('agentId'), fault, timeoutMs: timeoutMs ?? null })
  })
  return app
}
