import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors.ts'
import { fail } from './respond.ts'

/** Every buyer-API route needs a bearer token (any non-empty value in the sandbox), or the x-scope3-api-key header. */
export const requireBearer: MiddlewareHandler = async (c, next) => {
  const header = c.req.header('authorization') ?? ''
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (!match && !c.req.header('x-scope3-api-key')?.trim())
    return fail(c, new ApiError(401, 'UNAUTHORIZED', 'Send Authorization: Bearer <api key>'))
  await next()
}
