import type { Context, MiddlewareHandler } from 'hono'
import { errorResponse } from './envelope.ts'

/**
 * The header the dashboard sends on every API call. A form cannot set it, and a cross-origin fetch that sets it needs
 * a CORS preflight, which this server never grants: its presence proves the request came from a page of our origin.
 */
export const CLIENT_HEADER = 'X-Dashboard-Client'
export const CLIENT_HEADER_VALUE = '1'

const SAFE_METHODS = new Set(['GET', 'HEAD'])

function refuse(c: Context, message: string) {
  return errorResponse(c, 403, 'FORBIDDEN', message)
}

/**
 * The Origin a browser sent names our host when its host equals the Host the request was sent to (that Host is
 * already on the allow-list). Either scheme is accepted so that a TLS-terminating proxy in front works; a page on
 * the other scheme is still refused by Sec-Fetch-Site and by the client header, which it cannot send.
 */
function isOwnOrigin(origin: string, host: string): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (url.origin !== origin.toLowerCase()) return false
  try {
    return url.host === new URL(`${url.protocol}//${host}`).host
  } catch {
    return false
  }
}

function declaresBody(c: Context): boolean {
  const length = c.req.header('content-length')
  return (length !== undefined && length.trim() !== '0') || c.req.header('transfer-encoding') !== undefined
}

function isJson(contentType: string): boolean {
  const mediaType = contentType.split(';')[0].trim().toLowerCase()
  return mediaType === 'application/json'
}

/**
 * Every state-changing request must provably come from the dashboard's own pages: the server acts with its own key
 * (BUYER_API_KEY, or the sandbox's demo key), so a request another site makes the browser send must not get through.
 */
export const sameOriginGuard: MiddlewareHandler = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next()

  const fetchSite = c.req.header('sec-fetch-site')
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return refuse(c, 'Cross-site requests are not accepted')
  }
  const origin = c.req.header('origin')
  const host = c.req.header('host') ?? new URL(c.req.url).host
  if (origin !== undefined && !isOwnOrigin(origin, host))
    return refuse(c, 'Requests from another origin are not accepted')
  if (c.req.header(CLIENT_HEADER) !== CLIENT_HEADER_VALUE) {
    return refuse(c, `State-changing requests must carry ${CLIENT_HEADER}: ${CLIENT_HEADER_VALUE}`)
  }

  // Forms can only send urlencoded, multipart or text/plain bodies; the API only takes JSON.
  const contentType = c.req.header('content-type')
  if (contentType !== undefined ? !isJson(contentType) : declaresBody(c)) {
    return errorResponse(c, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Request bodies must be application/json')
  }
  await next()
}

/**
 * No cross-origin access at all: a CORS preflight is refused (and no Access-Control-* header is ever sent), so a
 * page elsewhere can neither send the client header nor read an answer.
 */
export const refusePreflight: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'OPTIONS' && c.req.header('origin') !== undefined) {
    return refuse(c, 'Cross-origin requests are not accepted')
  }
  await next()
}
