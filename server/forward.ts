import type { Context } from 'hono'
import { errorResponse } from './envelope.ts'

export const API_PREFIX = '/api/v2/buyer'

// Headers that describe one hop, or that belong to our origin and must not travel to another one.
const DROP_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'cookie',
  'origin',
  'referer',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'content-length',
])
const DROP_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length', 'set-cookie'])

export interface ForwardOptions {
  /** BUYER_API_URL: an origin, optionally with a base path; the only place requests go. */
  upstream: string
  /** BUYER_API_KEY: added as the bearer when the browser sent no Authorization. */
  apiKey?: string
  timeoutMs?: number
  fetchImpl?: typeof fetch
}

/**
 * The API path of a request, or null when it is not plainly under /api/v2/buyer/.
 * Works on the raw request target, before any normalisation, so `..`, encoded slashes or backslashes
 * cannot walk out of the prefix.
 */
export function apiPathOf(rawUrl: string): { path: string; search: string } | null {
  const schemeEnd = rawUrl.indexOf('://')
  const afterAuthority = schemeEnd === -1 ? rawUrl : rawUrl.slice(rawUrl.indexOf('/', schemeEnd + 3))
  const queryStart = afterAuthority.search(/[?#]/)
  const path = queryStart === -1 ? afterAuthority : afterAuthority.slice(0, queryStart)
  const search = queryStart === -1 ? '' : afterAuthority.slice(queryStart).split('#')[0]
  if (!path.startsWith(`${API_PREFIX}/`) && path !== API_PREFIX) return null
  if (/[\\]|%2f|%5c|%2e|%00/i.test(path)) return null
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return null
  return { path, search }
}

export function upstreamUrl(upstream: string, apiPath: { path: string; search: string }): string {
  const base = new URL(upstream)
  const basePath = base.pathname.replace(/\/+$/, '')
  return `${base.origin}${basePath}${apiPath.path}${apiPath.search}`
}

export function createForwarder(options: ForwardOptions) {
  const upstream = new URL(options.upstream)
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') throw new Error('BUYER_API_URL must be http(s)')
  const fetchImpl = options.fetchImpl ?? fetch

  return async (c: Context) => {
    const apiPath = apiPathOf(c.req.raw.url)
    if (!apiPath) return errorResponse(c, 404, 'NOT_FOUND', 'Not found')

    const headers = new Headers()
    c.req.raw.headers.forEach((value, key) => {
      if (!DROP_REQUEST_HEADERS.has(key.toLowerCase())) headers.set(key, value)
    })
    if (!headers.has('authorization') && options.apiKey) headers.set('authorization', `Bearer ${options.apiKey}`)

    const method = c.req.method
    const body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.arrayBuffer()
    let response: Response
    try {
      response = await fetchImpl(upstreamUrl(options.upstream, apiPath), {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      })
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError'
      return timedOut
        ? errorResponse(c, 504, 'SERVICE_UNAVAILABLE', 'The buyer API did not answer in time')
        : errorResponse(c, 502, 'SERVICE_UNAVAILABLE', 'The buyer API could not be reached')
    }

    const outHeaders = new Headers()
    response.headers.forEach((value, key) => {
      if (!DROP_RESPONSE_HEADERS.has(key.toLowerCase())) outHeaders.set(key, value)
    })
    // A redirect from upstream must not send the browser elsewhere.
    if (response.status >= 300 && response.status < 400) {
      return errorResponse(c, 502, 'SERVICE_UNAVAILABLE', 'The buyer API answered with a redirect')
    }
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers: outHeaders })
  }
}
