import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** The buyer API's error envelope (CONTRACT §1), for errors the project server itself produces. */
export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json({ data: null, error: { code, message } }, status)
}
