// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Hono } from 'hono'
import { createApp } from './app.ts'
import type { GatewayOptions } from './gateway.ts'
import { createSandbox, type Sandbox } from './sandbox/index.ts'

/** What the dashboard's own pages send with every state change. */
const OURS = { 'x-dashboard-client': '1' }

interface RateLimitState {
  data: { limit: number; clients: { client: string; used: number; remaining: number }[] }
}

describe('the project server with the sandbox platform', () => {
  let dir: string
  let sandbox: Sandbox
  const apps: Hono[] = []

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gateway-app-'))
    sandbox = createSandbox({ dbFile: join(dir, 'sandbox.sqlite'), reset: true, clock: 'manual', rateLimit: 100 })
  })
  afterAll(() => {
    sandbox.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const appWith = async (gateway: GatewayOptions) => {
    const app = createApp({ backend: { kind: 'sandbox', sandbox, demoApiKey: 'scope3_test' }, gateway })
    apps.push(app)
    expect((await app.request('/sandbox/reset', { method: 'POST', headers: OURS })).status).toBe(200)
    return app
  }
  const used = async (app: Hono) => {
    const state = (await (await app.request('/sandbox/rate-limit')).json()) as RateLimitState
    return state.data.clients.reduce((sum, c) => sum + c.used, 0)
  }

  it('answers the 101st buyer-API request within a minute 429 RATE_LIMITED with the rate-limit headers', async () => {
    const app = await appWith({ limit: 0 })
    for (let i = 0; i < 5; i++) expect((await app.request('/api/health')).status).toBe(200)
    for (let i = 0; i < 100; i++) {
      const res = await app.request('/api/v2/buyer/advertisers')
      expect(res.status).toBe(200)
      expect(res.headers.get('ratelimit-remaining')).toBe(String(99 - i))
    }
    expect((await app.request('/sandbox/state')).status).toBe(200)
    const refused = await app.request('/api/v2/buyer/campaigns?take=1')
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({ data: null, error: { code: 'RATE_LIMITED' } })
    expect(refused.headers.get('ratelimit-limit')).toBe('100')
    expect(refused.headers.get('ratelimit-remaining')).toBe('0')
    expect(Number(refused.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(await used(app)).toBe(100)
  })

  it('keeps its reads under the platform limit, leaves room for writes, and starts over on reset', async () => {
    const app = await appWith({ limit: 100 })
    for (let i = 0; i < 95; i++)
      expect((await app.request(`/api/v2/buyer/campaigns?take=1&skip=${i}`)).status).toBe(200)
    const refused = await app.request('/api/v2/buyer/advertisers')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('ratelimit-remaining')).toBe('5')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(20)
    expect(await used(app)).toBe(95)

    const write = await app.request('/api/v2/buyer/campaigns/cmp_missing/pause', { method: 'POST', headers: OURS })
    expect(write.status).toBe(404)
    expect(write.headers.get('ratelimit-remaining')).toBe('4')
    expect(await used(app)).toBe(96)

    expect((await app.request('/sandbox/reset', { method: 'POST', headers: OURS })).status).toBe(200)
    const fresh = await app.request('/api/v2/buyer/advertisers')
    expect(fresh.status).toBe(200)
    expect(fresh.headers.get('ratelimit-remaining')).toBe('99')
  })

  it('answers a read that accepts a recent answer from the cache until the sandbox clock moves', async () => {
    const app = await appWith({ limit: 100 })
    const maxAge = { headers: { 'Cache-Control': 'max-age=30', 'X-Dashboard-Client': '1' } }
    expect((await app.request('/api/v2/buyer/campaigns?take=2', maxAge)).status).toBe(200)
    const cached = await app.request('/api/v2/buyer/campaigns?take=2', maxAge)
    expect(cached.status).toBe(200)
    expect(cached.headers.get('age')).toBe('0')
    expect(cached.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await used(app)).toBe(1)

    expect(
      (
        await app.request('/sandbox/tick', {
          method: 'POST',
          headers: { ...OURS, 'content-type': 'application/json' },
          body: '{"ms":60000}',
        })
      ).status,
    ).toBe(200)
    const after = await app.request('/api/v2/buyer/campaigns?take=2', maxAge)
    expect(after.headers.get('age')).toBeNull()
    expect(await used(app)).toBe(2)
  })
})

describe('the project server forwarding to BUYER_API_URL', () => {
  it("sends identical concurrent reads upstream once, and keeps the dashboard's own header to itself", async () => {
    const seen: { url: string; client: string | null }[] = []
    let open = () => {}
    const gate = new Promise<void>((resolve) => (open = resolve))
    const fetchImpl: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), client: new Headers(init?.headers).get('x-dashboard-client') })
      await gate
      return new Response(JSON.stringify({ data: { campaigns: [] }, error: null }), {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'RateLimit-Remaining': '80', 'RateLimit-Limit': '100' },
      })
    }
    const app = createApp({ backend: { kind: 'forward', upstream: 'https://platform.example', fetchImpl } })
    const pending = Array.from({ length: 10 }, () =>
      app.request('/api/v2/buyer/campaigns?take=50', { headers: { 'X-Dashboard-Client': '1' } }),
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    open()
    const responses = await Promise.all(pending)
    expect(seen).toEqual([{ url: 'https://platform.example/api/v2/buyer/campaigns?take=50', client: null }])
    for (const res of responses) {
      expect(res.status).toBe(200)
      expect(res.headers.get('ratelimit-remaining')).toBe('80')
      expect(await res.json()).toEqual({ data: { campaigns: [] }, error: null })
    }
  })
})
