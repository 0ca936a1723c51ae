import type { Context } from 'hono'
import { errorResponse } from './envelope.ts'

export const API_PREFIX = '/api/v2/buyer'

/**
 * The request headers that travel to the platform; everything else (cookies, our origin, forwarding and client-IP
 * claims, method overrides, rewrite hints, hop-by-hop headers, the dashboard's own marker) stays here.
 */
const FORWARD_REQUEST_HEADERS = new Set([
  'accept',
  'accept-language',
  'authorization',
  'cache-control',
  'content-type',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'x-scope3-api-key',
  'x-scope3-seat-id',
])

/** Upstream answer headers that describe one hop, or our body encoding, which is redone here. */
const HOP_RESPONSE_HEADERS = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-encoding',
  'content-length',
]
/**
 * Upstream answer headers that must not reach the browser under our origin: cookies, CORS grants (we answer for our
 * origin alone), the upstream's software and machines, and policies that would bind our origin (HSTS, Alt-Svc).
 */
const DROP_RESPONSE_HEADERS = new Set([
  ...HOP_RESPONSE_HEADERS,
  'set-cookie',
  'set-cookie2',
  'server',
  'x-powered-by',
  'via',
  'x-aspnet-version',
  'x-aspnetmvc-version',
  'x-runtime',
  'x-generator',
  'x-backend-server',
  'x-served-by',
  'x-server',
  'x-envoy-upstream-service-time',
  'timing-allow-origin',
  'alt-svc',
  'strict-transport-security',
  'clear-site-data',
  'refresh',
  'location',
])

/** Header names listed in a Connection header are hop-by-hop for that message (RFC 9110 §7.6.1). */
function connectionNamed(headers: Headers): Set<string> {
  return new Set(
    (headers.get('connection') ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  )
}

export function forwardedRequestHeaders(incoming: Headers): Headers {
  const hopByHop = connectionNamed(incoming)
  const headers = new Headers()
  incoming.forEach((value, key) => {
    const name = key.toLowerCase()
    if (FORWARD_REQUEST_HEADERS.has(name) && !hopByHop.has(name)) headers.set(name, value)
  })
  return headers
}

export function returnedResponseHeaders(upstream: Headers): Headers {
  const hopByHop = connectionNamed(upstream)
  const headers = new Headers()
  upstream.forEach((value, key) => {
    const name = key.toLowerCase()
    if (DROP_RESPONSE_HEADERS.has(name) || hopByHop.has(name) || name.startsWith('access-control-')) return
    headers.append(name, value)
  })
  return headers
}

export interface ForwardOptions {
  /** BUYER_API_URL: an origin, optionally with a base path; the only place requests go. */
  upstream: string
  /** BUYER_API_KEY: added as the bearer when the browser sent no Authorization. */
  apiKey?: string
  timeoutMs?: number
  fetchImpl?: typeof fetch
}

// Characters a path may hold as written: RFC 3986 unreserved, sub-delims and ":@", and percent escapes. Left out are
// ";" (path parameters: "..;/" walks up in Java servlet containers) and anything else a decoder might reinterpret.
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,=:@%/]*$/

/** One path segment, decoded once, that some server along the way would still treat as a step out of the prefix. */
function isUnsafeSegment(segment: string): boolean {
  let decoded: string
  try {
    // Overlong UTF-8 ("%c0%ae") and "%u002e" are not valid escapes: decoding throws and the path is refused.
    decoded = decodeURIComponent(segment)
  } catch {
    return true
  }
  // Double encoding ("%252e"), encoded separators and dots, control characters, backslashes.
  if (/[%/\\;]/.test(decoded) || [...decoded].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\x7f')) return true
  if (/%2e/i.test(segment)) return true
  // ".", "..", and the "..." or ". ." forms that Windows servers trim to them.
  return /^[.\s]+$/.test(decoded)
}

/**
 * The API path of a request, or null when it is not plainly under /api/v2/buyer/.
 * Works on the request target, so `..`, encoded or double-encoded dots and slashes, path parameters, overlong UTF-8
 * or backslashes cannot walk out of the prefix in this server or in any decoder behind the platform's edge.
 */
export function apiPathOf(rawUrl: string): { path: string; search: string } | null {
  const schemeEnd = rawUrl.indexOf('://')
  const afterAuthority = schemeEnd === -1 ? rawUrl : rawUrl.slice(rawUrl.indexOf('/', schemeEnd + 3))
  const queryStart = afterAuthority.search(/[?#]/)
  const path = queryStart === -1 ? afterAuthority : afterAuthority.slice(0, queryStart)
  const search = queryStart === -1 ? '' : afterAuthority.slice(queryStart).split('#')[0]
  if (!path.startsWith(`${API_PREFIX}/`) && path !== API_PREFIX) return null
  if (!PATH_CHARS.test(path)) return null
  if (/%(?![0-9a-f]{2})/i.test(path)) return null
  const segments = path.slice(API_PREFIX.length + 1).split('/')
  // An empty segment is only allowed as a trailing slash.
  if (segments.slice(0, -1).some((segment) => segment === '')) return null
  if (segments.some((segment) => segment !== '' && isUnsafeSegment(segment))) return null
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

    const headers = forwardedRequestHeaders(c.req.raw.headers)
    // The server's key stands in only for a browser that brought no key of its own.
    const browserKey = headers.has('authorization') || headers.has('x-scope3-api-key')
    if (!browserKey && options.apiKey) headers.set('authorization', `Bearer ${options.apiKey}`)

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

    const outHeaders = returnedResponseHeaders(response.headers)
    // A redirect from upstream must not send the browser elsewhere.
    if (response.status >= 300 && response.status < 400) {
      return errorResponse(c, 502, 'SERVICE_UNAVAILABLE', 'The buyer API answered with a redirect')
    }
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: outHeaders,
    })
  }
}
