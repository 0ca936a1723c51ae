// @vitest-environment node
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import { createApp } from './app.ts'
import { apiPathOf, createForwarder, upstreamUrl } from './forward.ts'

interface Seen {
  method: string
  url: string
  auth?: string
  host?: string
  cookie?: string
  body: string
}

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    )
  })
}

/** A raw HTTP request, so the request target reaches the server exactly as written (no URL normalisation). */
function raw(
  port: number,
  target: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: target, method: init.method ?? 'GET', headers: init.headers },
        (res) => {
          let body = ''
          res.on('data', (chunk) => (body += chunk))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        },
      )
      req.on('error', reject)
      if (init.body) req.write(init.body)
      req.end()
    },
  )
}

describe('apiPathOf', () => {
  it.each([
    ['http://x/api/v2/buyer/campaigns?take=5', { path: '/api/v2/buyer/campaigns', search: '?take=5' }],
    ['http://x/api/v2/buyer', { path: '/api/v2/buyer', search: '' }],
    ['/api/v2/buyer/campaigns?take=5#top', { path: '/api/v2/buyer/campaigns', search: '?take=5' }],
    ['http://x/api/v2/buyer/reports/daily.csv', { path: '/api/v2/buyer/reports/daily.csv', search: '' }],
  ])('accepts %s', (url, expected) => {
    expect(apiPathOf(url)).toEqual(expected)
  })

  it.each([
    'http://x/api/v2/buyerx/campaigns',
    'http://x/api/v2/seller/campaigns',
    'http://x/api/v2/buyer/../admin',
    'http://x/api/v2/buyer/%2e%2e/admin',
    'http://x/api/v2/buyer/..%2fadmin',
    'http://x/api/v2/buyer/%2F%2Fevil.example/x',
    'http://x/api/v2/buyer/..\\admin',
    'http://x/api/v2/buyer/./campaigns',
    'http://x/sandbox/reset',
  ])('refuses %s', (url) => {
    expect(apiPathOf(url)).toBeNull()
  })
})

describe('forwarding to BUYER_API_URL', () => {
  const seen: Seen[] = []
  let upstream: { server: ServerType; port: number }
  let proxy: { server: ServerType; port: number }

  beforeAll(async () => {
    const up = new Hono()
    up.all('*', async (c) => {
      seen.push({
        method: c.req.method,
        url: new URL(c.req.url).pathname + new URL(c.req.url).search,
        auth: c.req.header('authorization'),
        host: c.req.header('host'),
        cookie: c.req.header('cookie'),
        body: await c.req.text(),
      })
      const redirect = /\/redirect\/(\d{3})$/.exec(new URL(c.req.url).pathname)
      // The redirect points at a page that answers 200, so following it would show.
      if (redirect)
        return c.body(null, Number(redirect[1]) as 301, {
          Location: new URL('/base/api/v2/buyer/campaigns', c.req.url).href,
        })
      if (c.req.method === 'PUT') {
        c.header('X-Upstream', 'yes')
        c.header('Retry-After', '7')
        return c.json({ data: null, error: { code: 'CONFLICT', message: 'busy' } }, 409)
      }
      return c.json({ data: { campaigns: [], total: 0, hasMore: false }, error: null })
    })
    upstream = await listen(up.fetch)
    const app = createApp({
      backend: { kind: 'forward', upstream: `http://127.0.0.1:${upstream.port}/base`, apiKey: 'scope3_server_key' },
    })
    proxy = await listen(app.fetch)
  })
  afterAll(() => {
    upstream.server.close()
    proxy.server.close()
  })
  beforeEach(() => {
    seen.length = 0
  })

  it('forwards /api/v2/buyer/* with query, adding the server key as bearer when the browser sent none', async () => {
    const res = await raw(proxy.port, '/api/v2/buyer/campaigns?status=ACTIVE&status=DRAFT', {
      headers: { Cookie: 'session=abc' },
    })
    expect(res.status).toBe(200)
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/base/api/v2/buyer/campaigns?status=ACTIVE&status=DRAFT',
      auth: 'Bearer scope3_server_key',
      host: `127.0.0.1:${upstream.port}`,
    })
    expect(seen[0].cookie).toBeUndefined()
  })

  it("keeps the browser's own Authorization, the method, body, status and headers", async () => {
    const res = await raw(proxy.port, '/api/v2/buyer/campaigns/cmp_1', {
      method: 'PUT',
      headers: {
        Authorization: 'Bearer scope3_browser',
        'Content-Type': 'application/json',
        'X-Dashboard-Client': '1',
      },
      body: '{"name":"x"}',
    })
    expect(res.status).toBe(409)
    expect(res.headers['x-upstream']).toBe('yes')
    expect(res.headers['retry-after']).toBe('7')
    expect(JSON.parse(res.body).error.code).toBe('CONFLICT')
    expect(seen[0]).toMatchObject({ method: 'PUT', auth: 'Bearer scope3_browser', body: '{"name":"x"}' })
  })

  it.each([
    '/api/v2/buyer/../../admin',
    '/api/v2/buyer/%2e%2e/%2e%2e/admin',
    '/api/v2/buyer/..%2f..%2fadmin',
    '/api/v2/buyer/%2F%2Fevil.example/steal',
    '/api/v2/other',
    '/api/v2/buyerx',
    '/sandbox/reset',
    '/admin',
  ])('never reaches anything outside /api/v2/buyer/ for %s', async (target) => {
    const res = await raw(proxy.port, target, { method: target === '/sandbox/reset' ? 'POST' : 'GET' })
    expect(seen.filter((s) => !s.url.startsWith('/base/api/v2/buyer/'))).toEqual([])
    expect(seen.filter((s) => s.url.includes('admin') || s.url.includes('evil') || s.url.includes('reset'))).toEqual([])
    expect(res.status).not.toBe(200)
  })

  it('refuses a foreign Host header or absolute-form target: the upstream is only the configured one', async () => {
    for (const [target, host] of [
      ['/api/v2/buyer/campaigns', 'evil.example'],
      ['http://evil.example/api/v2/buyer/campaigns', `127.0.0.1:${proxy.port}`],
    ]) {
      const res = await raw(proxy.port, target, { headers: { Host: host } })
      expect(res.status).toBe(421)
      expect(JSON.parse(res.body)).toMatchObject({ data: null, error: { code: 'MISDIRECTED_REQUEST' } })
    }
    expect(seen).toEqual([])
    const res = await raw(proxy.port, `http://127.0.0.1:${proxy.port}/api/v2/buyer/campaigns`)
    expect(res.status).toBe(200)
    expect(seen[0].host).toBe(`127.0.0.1:${upstream.port}`)
    expect(seen[0].url).toBe('/base/api/v2/buyer/campaigns')
  })

  it.each([301, 302, 303, 307, 308])('never passes an upstream %d redirect on to the browser', async (status) => {
    const res = await raw(proxy.port, `/api/v2/buyer/redirect/${status}`)
    expect(seen).toHaveLength(1)
    expect(res.status).toBe(502)
    expect(res.headers.location).toBeUndefined()
    expect(JSON.parse(res.body)).toMatchObject({ data: null, error: { code: 'SERVICE_UNAVAILABLE' } })
    expect(res.body).not.toContain('/base/')
  })

  it('answers a readable 502 envelope when the upstream is down', async () => {
    const app = createApp({ backend: { kind: 'forward', upstream: 'http://127.0.0.1:9' } })
    const res = await app.request('/api/v2/buyer/campaigns')
    expect(res.status).toBe(502)
    expect(await res.json()).toMatchObject({ data: null, error: { code: 'SERVICE_UNAVAILABLE' } })
  })
})

describe('security headers', () => {
  it('are on every response: CSP without inline scripts, nosniff, referrer policy, no framing', async () => {
    const app = createApp({ backend: { kind: 'forward', upstream: 'http://127.0.0.1:9' } })
    for (const path of ['/api/health', '/campaigns', '/api/nothing']) {
      const res = await app.request(path)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    }
  })
})

describe('the forwarder on its own', () => {
  interface Sent {
    url: string
    method: string
    body: unknown
    headers: Headers
  }
  function forwarding(answer: () => Response | Promise<Response>, upstream = 'http://upstream.test/base') {
    const sent: Sent[] = []
    const fetchImpl: typeof fetch = async (input, init) => {
      sent.push({
        url: String(input),
        method: init?.method ?? 'GET',
        body: init?.body,
        headers: new Headers(init?.headers),
      })
      return answer()
    }
    const app = new Hono()
    app.all('*', createForwarder({ upstream, fetchImpl }))
    return { app, sent }
  }

  it('refuses what is not plainly under /api/v2/buyer/ with a 404 envelope, and sends nothing', async () => {
    const { app, sent } = forwarding(() => Response.json({}))
    for (const target of ['/api/v2/buyer/..%2fadmin', '/api/v2/buyer/%2F%2Fevil.example/x', '/api/v2/buyerx']) {
      const res = await app.request(`http://proxy.test${target}`)
      expect(res.status).toBe(404)
      expect(await res.json()).toEqual({ data: null, error: { code: 'NOT_FOUND', message: 'Not found' } })
    }
    expect(sent).toEqual([])
  })

  it('sends no body with GET or HEAD, and the bytes as sent with other methods', async () => {
    const { app, sent } = forwarding(() => new Response(null, { status: 204 }))
    await app.request('http://proxy.test/api/v2/buyer/campaigns', { method: 'GET' })
    await app.request('http://proxy.test/api/v2/buyer/campaigns', { method: 'HEAD' })
    await app.request('http://proxy.test/api/v2/buyer/campaigns/cmp_1', { method: 'PATCH', body: '{"a":1}' })
    expect(
      sent.map((s) => [s.method, s.body === undefined ? undefined : new TextDecoder().decode(s.body as ArrayBuffer)]),
    ).toEqual([
      ['GET', undefined],
      ['HEAD', undefined],
      ['PATCH', '{"a":1}'],
    ])
    expect(sent[0].url).toBe('http://upstream.test/base/api/v2/buyer/campaigns')
  })

  it('answers 504 when the upstream does not answer in time, and 502 when it cannot be reached', async () => {
    const slow = forwarding(() => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')))
    const late = await slow.app.request('http://proxy.test/api/v2/buyer/campaigns')
    expect(late.status).toBe(504)
    expect(await late.json()).toEqual({
      data: null,
      error: { code: 'SERVICE_UNAVAILABLE', message: 'The buyer API did not answer in time' },
    })
    const down = forwarding(() => Promise.reject(new TypeError('fetch failed')))
    const gone = await down.app.request('http://proxy.test/api/v2/buyer/campaigns')
    expect(gone.status).toBe(502)
    expect(await gone.json()).toEqual({
      data: null,
      error: { code: 'SERVICE_UNAVAILABLE', message: 'The buyer API could not be reached' },
    })
  })

  it("drops the upstream's cookies and hop-by-hop headers, and keeps the rest", async () => {
    const { app } = forwarding(
      () =>
        new Response('{"data":{},"error":null}', {
          status: 200,
          headers: {
            'Set-Cookie': 'upstream=1',
            Connection: 'keep-alive',
            'X-Request-Id': 'req_1',
            'Content-Type': 'application/json',
          },
        }),
    )
    const res = await app.request('http://proxy.test/api/v2/buyer/campaigns')
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(res.headers.get('connection')).toBeNull()
    expect(res.headers.get('x-request-id')).toBe('req_1')
    expect(res.headers.get('content-type')).toBe('application/json')
  })

  it.each([
    [299, 299],
    [300, 502],
    [304, 502],
    [399, 502],
    [400, 400],
  ])('an upstream %d reaches the browser as %d', async (status, expected) => {
    const { app } = forwarding(() => new Response(null, { status, headers: { Location: 'http://elsewhere.test/' } }))
    const res = await app.request('http://proxy.test/api/v2/buyer/campaigns')
    expect(res.status).toBe(expected)
    if (expected === 502) {
      expect(res.headers.get('location')).toBeNull()
      expect(await res.json()).toEqual({
        data: null,
        error: { code: 'SERVICE_UNAVAILABLE', message: 'The buyer API answered with a redirect' },
      })
    }
  })

  it('takes only an http or https BUYER_API_URL', () => {
    expect(() => createForwarder({ upstream: 'ftp://upstream.test' })).toThrow('BUYER_API_URL must be http(s)')
    expect(() => createForwarder({ upstream: 'file:///etc/passwd' })).toThrow('BUYER_API_URL must be http(s)')
    expect(() => createForwarder({ upstream: 'https://upstream.test' })).not.toThrow()
    expect(() => createForwarder({ upstream: 'http://upstream.test' })).not.toThrow()
  })

  it('joins the base path of BUYER_API_URL without doubled slashes', () => {
    const api = { path: '/api/v2/buyer/campaigns', search: '?take=5' }
    expect(upstreamUrl('https://upstream.test', api)).toBe('https://upstream.test/api/v2/buyer/campaigns?take=5')
    expect(upstreamUrl('https://upstream.test/base//', api)).toBe(
      'https://upstream.test/base/api/v2/buyer/campaigns?take=5',
    )
  })
})
