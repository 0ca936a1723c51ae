// @vitest-environment node
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { createApp } from './app.ts'
import { apiPathOf } from './forward.ts'

interface Call {
  url: string
  method: string
  headers: Headers
}

const calls: Call[] = []
let answerHeaders: Record<string, string> = {}
const fetchImpl: typeof fetch = async (input, init) => {
  calls.push({ url: String(input), method: init?.method ?? 'GET', headers: new Headers(init?.headers) })
  return new Response('{"data":{"ok":true},"error":null}', {
    headers: { 'Content-Type': 'application/json', ...answerHeaders },
  })
}
const app = createApp({
  backend: { kind: 'forward', upstream: 'https://api.example', apiKey: 'scope3_server_key', fetchImpl },
})

beforeEach(() => {
  calls.length = 0
  answerHeaders = {}
})

describe('request headers the forwarder sends on', () => {
  it('are only those on the allow-list', async () => {
    const res = await app.request('/api/v2/buyer/campaigns/cmp_1', {
      method: 'PUT',
      headers: {
        'X-Dashboard-Client': '1',
        Accept: 'application/json',
        'Accept-Language': 'de',
        'Content-Type': 'application/json',
        'Cache-Control': 'no-cache',
        'If-None-Match': '"v1"',
        'X-Scope3-Seat-Id': 'seat_1',
        'X-Real-IP': '10.0.0.1',
        'True-Client-IP': '10.0.0.2',
        'X-Forwarded-For': '10.0.0.3',
        'X-HTTP-Method-Override': 'DELETE',
        'X-Original-URL': '/admin',
        'X-Rewrite-URL': '/admin',
        Upgrade: 'websocket',
        Connection: 'keep-alive, Upgrade',
        'Keep-Alive': 'timeout=5',
        Cookie: 'session=abc',
        'Proxy-Authorization': 'Basic eA==',
        'X-Anything': 'else',
      },
      body: '{}',
    })
    expect(res.status).toBe(200)
    expect(calls).toHaveLength(1)
    expect(Object.fromEntries(calls[0].headers)).toEqual({
      accept: 'application/json',
      'accept-language': 'de',
      authorization: 'Bearer scope3_server_key',
      'cache-control': 'no-cache',
      'content-type': 'application/json',
      'if-none-match': '"v1"',
      'x-scope3-seat-id': 'seat_1',
    })
    expect(calls[0].method).toBe('PUT')
  })

  it('drops an allowed header that the Connection header names as hop-by-hop', async () => {
    await app.request('/api/v2/buyer/campaigns', {
      headers: { Connection: 'x-scope3-seat-id', 'X-Scope3-Seat-Id': 's' },
    })
    expect(calls[0].headers.has('x-scope3-seat-id')).toBe(false)
  })

  it('adds the server key only when the browser brought no key of its own', async () => {
    await app.request('/api/v2/buyer/campaigns', { headers: { 'X-Scope3-Api-Key': 'scope3_browser' } })
    await app.request('/api/v2/buyer/campaigns', { headers: { Authorization: 'Bearer scope3_browser' } })
    expect(calls[0].headers.get('x-scope3-api-key')).toBe('scope3_browser')
    expect(calls[0].headers.has('authorization')).toBe(false)
    expect(calls[1].headers.get('authorization')).toBe('Bearer scope3_browser')
  })
})

describe('answer headers the forwarder passes back', () => {
  it("keep the API's own but not the upstream's identity, cookies, CORS grants or origin-wide policies", async () => {
    answerHeaders = {
      ETag: '"v2"',
      'Cache-Control': 'private, max-age=5',
      'Retry-After': '7',
      'RateLimit-Remaining': '99',
      Server: 'nginx/1.25.3',
      'X-Powered-By': 'Express',
      Via: '1.1 edge-7',
      'X-AspNet-Version': '4.0.30319',
      'X-AspNetMvc-Version': '5.2',
      'X-Runtime': '0.02',
      'X-Served-By': 'cache-fra-1',
      'X-Backend-Server': 'api-3.internal',
      'Set-Cookie': 'sid=1; Path=/',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Credentials': 'true',
      'Alt-Svc': 'h3=":443"',
      'Strict-Transport-Security': 'max-age=63072000',
      Refresh: '0; url=https://evil.example',
    }
    const res = await app.request('/api/v2/buyer/campaigns')
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe('"v2"')
    expect(res.headers.get('cache-control')).toBe('private, max-age=5')
    expect(res.headers.get('retry-after')).toBe('7')
    expect(res.headers.get('ratelimit-remaining')).toBe('99')
    for (const name of [
      'server',
      'x-powered-by',
      'via',
      'x-aspnet-version',
      'x-aspnetmvc-version',
      'x-runtime',
      'x-served-by',
      'x-backend-server',
      'set-cookie',
      'access-control-allow-origin',
      'access-control-allow-credentials',
      'alt-svc',
      'strict-transport-security',
      'refresh',
    ]) {
      expect(res.headers.get(name), name).toBeNull()
    }
  })

  it('drops answer headers the upstream names in Connection', async () => {
    answerHeaders = { Connection: 'x-hop', 'X-Hop': '1', 'X-Kept': '1' }
    const res = await app.request('/api/v2/buyer/campaigns')
    expect(res.headers.get('x-hop')).toBeNull()
    expect(res.headers.get('x-kept')).toBe('1')
  })
})

const TRAVERSALS = [
  '/api/v2/buyer/%252e%252e/%252e%252e/admin',
  '/api/v2/buyer/campaigns/%252e%252e%252fadmin',
  '/api/v2/buyer/..;/admin',
  '/api/v2/buyer/campaigns;jsessionid=1/x',
  '/api/v2/buyer/%c0%ae%c0%ae/admin',
  '/api/v2/buyer/%c0%af',
  '/api/v2/buyer/%e0%80%ae%e0%80%ae/admin',
  '/api/v2/buyer/%u002e%u002e/admin',
  '/api/v2/buyer/%2e%2e/admin',
  '/api/v2/buyer/..%5cadmin',
  '/api/v2/buyer/%00/admin',
  '/api/v2/buyer/.%20./admin',
  '/api/v2/buyer/.../admin',
  '/api/v2/buyer//evil.example/x',
  '/api/v2/buyer/%',
  '/api/v2/buyer/%zz',
]

describe('paths that are traversal to some decoder', () => {
  it.each(TRAVERSALS)('apiPathOf refuses %s', (path) => {
    expect(apiPathOf(`http://x${path}`)).toBeNull()
  })

  it.each([
    '/api/v2/buyer/campaigns/cmp_987654321/media-buy-status',
    '/api/v2/buyer/media-buys/sf_pkg_sf_mb_1783618937177_43ycbp7b_3',
    '/api/v2/buyer/advertisers/12345',
    '/api/v2/buyer/campaigns/',
    '/api/v2/buyer/campaigns/a%20b',
    '/api/v2/buyer/skill.md',
  ])('apiPathOf keeps %s', (path) => {
    expect(apiPathOf(`http://x${path}?take=5`)).toEqual({ path, search: '?take=5' })
  })

  describe('sent as raw request targets', () => {
    let server: ServerType
    let port: number
    beforeAll(async () => {
      await new Promise<void>((resolve) => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
          port = info.port
          resolve()
        })
      })
    })
    afterAll(() => server.close())

    const get = (target: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: target }, (res) => {
          let body = ''
          res.on('data', (chunk) => (body += chunk))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        })
        req.on('error', reject)
        req.end()
      })

    it.each(TRAVERSALS)('answers 404 for %s and forwards nothing', async (target) => {
      const res = await get(target)
      expect([400, 404]).toContain(res.status)
      expect(calls).toEqual([])
    })

    it('answers 404 in the envelope for the double-encoded and path-parameter forms', async () => {
      for (const target of [
        '/api/v2/buyer/%252e%252e/admin',
        '/api/v2/buyer/..;/admin',
        '/api/v2/buyer/%c0%ae%c0%ae/x',
      ]) {
        const res = await get(target)
        expect(res.status, target).toBe(404)
        expect(JSON.parse(res.body)).toMatchObject({ data: null, error: { code: 'NOT_FOUND' } })
      }
      expect(calls).toEqual([])
    })
  })
})

describe('what the forwarder keeps refusing', () => {
  const withUpstream = (impl: typeof fetch, timeoutMs?: number) =>
    createApp({ backend: { kind: 'forward', upstream: 'https://api.example', fetchImpl: impl, timeoutMs } })

  it('refuses a redirect from upstream instead of passing it to the browser', async () => {
    const redirecting: typeof fetch = async () =>
      new Response(null, { status: 302, headers: { Location: 'https://evil.example/login' } })
    const res = await withUpstream(redirecting).request('/api/v2/buyer/campaigns')
    expect(res.status).toBe(502)
    expect(res.headers.get('location')).toBeNull()
  })

  it('answers 504 when the upstream does not answer within the timeout', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))
    const res = await withUpstream(hanging, 50).request('/api/v2/buyer/campaigns')
    expect(res.status).toBe(504)
    expect(await res.json()).toMatchObject({ data: null, error: { code: 'SERVICE_UNAVAILABLE' } })
  })

  it('has no /sandbox routes', async () => {
    const res = await withUpstream(fetchImpl).request('/sandbox/state')
    expect(res.status).toBe(404)
  })
})
