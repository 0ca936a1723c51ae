import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ApiError } from './errors.ts'

/** CONTRACT §1: the sandbox always wraps, success and error alike. */
export function ok(c: Context, data: unknown, status: ContentfulStatusCode = 200) {
  return c.json({ data, error: null }, status)
}

export function fail(c: Context, error: ApiError) {
  const body: Record<string, unknown> = { code: error.code, message: error.message }
  if (error.field) body.field = error.field
  if (error.details) body.details = error.details
  return c.json({ data: null, error: body }, error.status)
}

export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) return fail(c, err)
  console.error('[sandbox]', err)
  return fail(c, new ApiError(500, 'INTERNAL_ERROR', 'The sandbox failed to handle this request'))
}

export function onNotFound(c: Context) {
  return fail(c, new ApiError(404, 'NOT_FOUND', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`))
}
