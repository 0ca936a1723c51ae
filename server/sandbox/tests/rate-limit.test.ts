// @vitest-environment node
import { Hono } from 'hono'
import { createRateLimiter } from '../http/rate-limit.ts'
import { createSandbox, type Sandbox } from '../index.ts'

const T0 = Date.parse('2026-11-25T12:00:00.000Z')

function limitedApp(limit: number) {
  let now = T0
  const limiter = createRateLimiter({ limit, now: () => now })
  const app = new Hono()
  app.use('*', limiter.middleware)
  app.get('/ping', (c) => c.json({ data: { pong: true }, error: null }))
  return {
    limiter,
    get: () => app.request('/ping'),
    advance: (ms: number) => (now += ms),
  }
}

describe('sandbox rate limiter', () => {
  it('lets exactly the limit through in a minute, then answers 429 RATE_LIMITED with Retry-After', async () => {
    const { get, advance } = limitedApp(100)
    for (let i = 0; i < 100; i++) {
      const res = await get()
      expect(res.status).toBe(200)
      advance(100)
    }
    const refused = await get()
    expect(refused.status).toBe(429)
    expect(await refused.json()).toEqual({
      data: null,
      error: { code: 'RATE_LIMITED', message: 'Rate limit exceeded: 100 requests per minute' },
    })
    // The first request (at T0) leaves the window at T0 + 60 s; it is now T0 + 10 s.
    expect(refused.headers.get('retry-after')).toBe('50')
    expect(refused.headers.get('ratelimit-limit')).toBe('100')
    expect(refused.headers.get('ratelimit-remaining')).toBe('0')
    expect(refused.headers.get('ratelimit-reset')).toBe('50')
  })

  it('counts down RateLimit-Remaining and reports when the oldest request leaves the window', async () => {
    const { get, advance } = limitedApp(3)
    const first = await get()
    expect([first.headers.get('ratelimit-limit'), first.headers.get('ratelimit-remaining')]).toEqual(['3', '2'])
    expect(first.headers.get('ratelimit-reset')).toBe('60')
    advance(20_500)
    const second = await get()
    expect(second.headers.get('ratelimit-remaining')).toBe('1')
    expect(second.headers.get('ratelimit-reset')).toBe('40')
  })

  it('frees a slot when the oldest request leaves the rolling window, not before', async () => {
    const { get, advance } = limitedApp(2)
    await get()
    advance(30_000)
    await get()
    advance(29_999)
    const early = await get()
    expect(early.status).toBe(429)
    expect(early.headers.get('retry-after')).toBe('1')
    advance(1)
    expect((await get()).status).toBe(200)
    // The second request is still in the window, and so is the one just let through.
    const again = await get()
    expect(again.status).toBe(429)
    expect(again.headers.get('retry-after')).toBe('30')
  })

  it('does not count refused requests', async () => {
    const { get, advance, limiter } = limitedApp(1)
    await get()
    for (let i = 0; i < 5; i++) expect((await get()).status).toBe(429)
    expect(limiter.state().clients).toEqual([{ client: 'shared', used: 1, remaining: 0, resetSeconds: 60 }])
    advance(60_000)
    expect((await get()).status).toBe(200)
  })

  it('keeps one bucket per client', () => {
    const limiter = createRateLimiter({ limit: 1, now: () => T0 })
    expect(limiter.take('10.0.0.1').allowed).toBe(true)
    expect(limiter.take('10.0.0.1').allowed).toBe(false)
    expect(limiter.take('10.0.0.2').allowed).toBe(true)
  })

  it('is off at 0, and a changed limit holds until reset restores the configured one', async () => {
    const off = limitedApp(0)
    for (let i = 0; i < 300; i++) expect((await off.get()).status).toBe(200)
    expect((await off.get()).headers.get('ratelimit-limit')).toBeNull()

    const { get, limiter } = limitedApp(100)
    limiter.setLimit(2)
    await get()
    await get()
    expect((await get()).status).toBe(429)
    limiter.reset()
    const after = await get()
    expect(after.status).toBe(200)
    expect(after.headers.get('ratelimit-limit')).toBe('100')
    expect(after.headers.get('ratelimit-remaining')).toBe('99')
  })
})

describe('the sandbox with a rate limit', () => {
  let sb: Sandbox
  let now = T0
  const auth = { Authorization: 'Bearer scope3_test' }
  const api = (path: string) => sb.api.request(path, { headers: auth })
  const control = (method: string, path: string, body?: unknown) =>
    sb.control.request(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  beforeEach(() => {
    now = T0
    sb = createSandbox({
      dbFile: ':memory:',
      clock: 'manual',
      seed: { now: new Date(T0) },
      rateLimit: 5,
      wallClock: () => now,
    })
  })
  afterEach(() => sb.close())

  it('limits the buyer API, not the control routes, and reset gives a full budget back', async () => {
    for (let i = 0; i < 5; i++) expect((await api('/advertisers')).status).toBe(200)
    const refused = await api('/campaigns?take=1')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('60')

    for (let i = 0; i < 10; i++) expect((await control('GET', '/state')).status).toBe(200)
    const state = await (await control('GET', '/rate-limit')).json()
    expect(state.data).toEqual({
      limit: 5,
      configuredLimit: 5,
      windowSeconds: 60,
      clients: [{ client: 'shared', used: 5, remaining: 0, resetSeconds: 60 }],
    })

    expect((await control('POST', '/reset')).status).toBe(200)
    const fresh = await api('/advertisers')
    expect(fresh.status).toBe(200)
    expect(fresh.headers.get('ratelimit-remaining')).toBe('4')
  })

  it('counts unauthenticated requests too, as the platform limits by IP', async () => {
    for (let i = 0; i < 5; i++) expect((await sb.api.request('/advertisers')).status).toBe(401)
    expect((await api('/advertisers')).status).toBe(429)
  })

  it('changes the limit at runtime through POST /sandbox/rate-limit until the next reset', async () => {
    const changed = await control('POST', '/rate-limit', { limit: 1 })
    expect((await changed.json()).data.limit).toBe(1)
    expect((await api('/advertisers')).status).toBe(200)
    expect((await api('/advertisers')).status).toBe(429)
    expect((await control('POST', '/rate-limit', { limit: -1 })).status).toBe(400)

    await control('POST', '/reset')
    const state = await (await control('GET', '/rate-limit')).json()
    expect(state.data).toMatchObject({ limit: 5, clients: [] })
  })

  it('has no limit when created without one', async () => {
    const open = createSandbox({ dbFile: ':memory:', clock: 'manual', seed: { now: new Date(T0) } })
    try {
      for (let i = 0; i < 120; i++) expect((await open.api.request('/advertisers', { headers: auth })).status).toBe(200)
    } finally {
      open.close()
    }
  })
})
