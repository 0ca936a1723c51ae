import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError } from './errors.ts'

/**
 * Parses the JSON body with a shared zod schema. An unknown key on a strict object is reported at the key itself
 * (mediaBuys.0.foo), so the UI can put the message on the offending field.
 */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown
  try {
    const text = await c.req.text()
    raw = text.trim() === '' ? undefined : JSON.parse(text)
  } catch {
    throw new ApiError(400, 'BAD_REQUEST', 'The request body is not valid JSON')
  }
  return parseWith(schema, raw)
}

export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw)
  if (result.success) return result.data
  const issues = result.error.issues.flatMap((issue) => {
    const base = issue.path.map(String)
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: `Unknown field "${key}"` }))
    return [{ path: base.join('.'), message: issue.message }]
  })
  const first = issues[0]
  throw new ApiError(
    400,
    'VALIDATION_ERROR',
    first ? `${first.path || 'body'}: ${first.message}` : 'Invalid request',
    first?.path || undefined,
    { issues },
  )
}
