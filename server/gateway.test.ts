// @vitest-environment node
import { Hono, type Context } from 'hono'
import { createGateway, type GatewayOptions } from './gateway.ts'
import { acceptedAgeSeconds } from './gateway-cache.ts'

const T0 = Date.parse('2026-11-25T12:00:00.000Z')

interface Call {
  method: string
  target: string
  auth?: string
}

/** A platform that counts what reaches it; `hold()` keeps answers back until `release()`, to make requests overlap. */
function platform(options: GatewayOptions = {}) {
  const gateway = createGateway(options)
  const calls: Call[] = []
  let answer: (c: Context, n: number) => Response | Promise<Response> = (c, n) =>
    c.json({ data: { n, target: c.req.path }, error: null })
  let gate: Promise<void> | undefined
  let open = () => {}

  const app = new Hono()
  app.use('/api/*', gateway.middleware)
  app.all('/api/*', async (c) => {
    const url = new URL(c.req.url)
    calls.push({ method: c.req.method, target: url.pathname + url.search, auth: c.req.header('authorization') })
    const n = calls.length
    if (gate) await gate
    return answer(c, n)
  })

  return {
    gateway,
    calls,
    request: (target: string, init: RequestInit = {}) => app.request(target, init),
    get: (target: string, headers: Record<string, string> = {}) => app.request(target, { headers }),
    put: (target: string, headers: Record<string, string> = {}) =>
      app.request(target, { method: 'PUT', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' }),
    answerWith: (fn: typeof answer) => (answer = fn),
    hold: () => {
      gate = new Promise<void>((resolve) => (open = resolve))
    },
    release: () => {
      gate = undefined
      open()
    },
  }
}

/** A promise whose state can be read without awaiting it. */
function track(promise: Response | Promise<Response>) {
  const state: { settled: boolean; response?: Response } = { settled: false }
  void Promise.resolve(promise).then((response) => {
    state.settled = true
    state.response = response
  })
  return state
}

const flush = () => vi.advanceTimersByTimeAsync(0)

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.setSystemTime(T0)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('coalescing', () => {
  it('sends 10 identical concurrent GETs upstream once and gives each its own copy', async () => {
    const p = platform()
    p.answerWith((c, n) => {
      c.header('X-Upstream', 'yes')
      return c.json({ data: { n }, error: null }, 200)
    })
    p.hold()
    const pending = Array.from({ length: 10 }, () => p.get('/api/campaigns?take=5', { Authorization: 'Bearer a' }))
    await flush()
    p.release()
    const responses = await Promise.all(pending)
    expect(p.calls).toHaveLength(1)
    for (const res of responses) {
      expect(res.status).toBe(200)
      expect(res.headers.get('x-upstream')).toBe('yes')
      expect(await res.json()).toEqual({ data: { n: 1 }, error: null })
    }
  })

  it('shares nothing between different Authorization values, queries or API-key headers', async () => {
    const p = platform()
    p.hold()
    const pending = [
      p.get('/api/campaigns', { Authorization: 'Bearer a' }),
      p.get('/api/campaigns', { Authorization: 'Bearer b' }),
      p.get('/api/campaigns?take=1', { Authorization: 'Bearer a' }),
      p.get('/api/campaigns', { 'X-Scope3-Api-Key': 'k1' }),
      p.get('/api/campaigns', { 'X-Scope3-Api-Key': 'k2' }),
    ]
    await flush()
    p.release()
    const bodies = await Promise.all(pending.map(async (r) => (await r).json()))
    expect(p.calls).toHaveLength(5)
    expect(new Set(bodies.map((b) => b.data.n)).size).toBe(5)
    expect(p.calls.map((c) => c.auth)).toEqual(['Bearer a', 'Bearer b', 'Bearer a', undefined, undefined])
  })

  it('never coalesces writes', async () => {
    const p = platform()
    p.hold()
    const pending = [p.put('/api/campaigns/c1'), p.put('/api/campaigns/c1'), p.put('/api/campaigns/c1')]
    await flush()
    p.release()
    await Promise.all(pending)
    expect(p.calls.map((c) => c.method)).toEqual(['PUT', 'PUT', 'PUT'])
  })

  it('does not let a read that starts after a write join one that started before it', async () => {
    const p = platform()
    p.hold()
    const before = p.get('/api/campaigns/c1', { Authorization: 'Bearer a' })
    const write = p.put('/api/campaigns/c1', { Authorization: 'Bearer a' })
    await flush()
    p.release()
    await write
    const after = await p.get('/api/campaigns/c1', { Authorization: 'Bearer a' })
    expect(p.calls.map((c) => c.method)).toEqual(['PUT', 'GET', 'GET'])
    expect((await (await before).json()).data.n).toBe(2)
    expect((await after.json()).data.n).toBe(3)
  })
})

describe('the opt-in short cache', () => {
  it('answers from a cached 200 no older than max-age, with Age, and goes upstream otherwise', async () => {
    const p = platform()
    const auth = { Authorization: 'Bearer a' }
    expect((await (await p.get('/api/campaigns/c1', auth)).json()).data.n).toBe(1)

    vi.setSystemTime(T0 + 4_200)
    const hit = await p.get('/api/campaigns/c1', { ...auth, 'Cache-Control': 'max-age=10' })
    expect((await hit.json()).data.n).toBe(1)
    expect(hit.headers.get('age')).toBe('4')
    expect(p.calls).toHaveLength(1)

    const tooOld = await p.get('/api/campaigns/c1', { ...auth, 'Cache-Control': 'max-age=3' })
    expect((await tooOld.json()).data.n).toBe(2)
    expect(tooOld.headers.get('age')).toBeNull()

    // Without the header, or with no-cache or max-age=0, the client asked for a fresh answer.
    for (const headers of [auth, { ...auth, 'Cache-Control': 'no-cache' }, { ...auth, 'Cache-Control': 'max-age=0' }])
      await p.get('/api/campaigns/c1', headers)
    expect(p.calls).toHaveLength(5)

    // The newest upstream answer is the one the cache keeps.
    const latest = await p.get('/api/campaigns/c1', { ...auth, 'Cache-Control': 'max-age=10' })
    expect((await latest.json()).data.n).toBe(5)
    expect(latest.headers.get('age')).toBe('0')
  })

  it('never serves one API key the answer of another', async () => {
    const p = platform()
    await p.get('/api/campaigns', { Authorization: 'Bearer a' })
    const other = await p.get('/api/campaigns', { Authorization: 'Bearer b', 'Cache-Control': 'max-age=60' })
    expect((await other.json()).data.n).toBe(2)
    const anonymous = await p.get('/api/campaigns', { 'Cache-Control': 'max-age=60' })
    expect((await anonymous.json()).data.n).toBe(3)
    expect(p.calls).toHaveLength(3)
  })

  it('never caches answers other than 200, nor ones the platform marks no-store', async () => {
    const p = platform()
    p.answerWith((c, n) =>
      n === 1 ? c.json({ data: null, error: { code: 'NOT_FOUND', message: 'x' } }, 404) : c.json({ n }),
    )
    await p.get('/api/campaigns/c9')
    expect((await p.get('/api/campaigns/c9', { 'Cache-Control': 'max-age=60' })).status).toBe(200)
    expect(p.calls).toHaveLength(2)

    p.answerWith((c) => {
      c.header('Cache-Control', 'no-store')
      return c.json({ secret: true })
    })
    await p.get('/api/private')
    await p.get('/api/private', { 'Cache-Control': 'max-age=60' })
    expect(p.calls).toHaveLength(4)
  })

  it('drops all of a key’s cached answers after that key writes, and only that key’s', async () => {
    const p = platform()
    const a = { Authorization: 'Bearer a' }
    const b = { Authorization: 'Bearer b' }
    const maxAge = { 'Cache-Control': 'max-age=60' }
    await p.get('/api/campaigns', a)
    await p.get('/api/campaigns/c2', a)
    await p.get('/api/campaigns', b)
    expect(p.calls).toHaveLength(3)

    await p.put('/api/campaigns/c1', a)
    expect(p.calls).toHaveLength(4)
    await p.get('/api/campaigns', { ...a, ...maxAge })
    await p.get('/api/campaigns/c2', { ...a, ...maxAge })
    expect(p.calls).toHaveLength(6)
    const stillCached = await p.get('/api/campaigns', { ...b, ...maxAge })
    expect((await stillCached.json()).data.n).toBe(3)
    expect(p.calls).toHaveLength(6)
  })

  it('forgets everything on flush, expires entries after the TTL and evicts the least recently used', async () => {
    const p = platform({ cache: { maxEntries: 2, ttlMs: 60_000 } })
    const maxAge = { 'Cache-Control': 'max-age=600' }
    await p.get('/api/a')
    p.gateway.flushCache()
    await p.get('/api/a', maxAge)
    expect(p.calls).toHaveLength(2)

    vi.setSystemTime(T0 + 61_000)
    await p.get('/api/a', maxAge)
    expect(p.calls).toHaveLength(3)

    await p.get('/api/b')
    await p.get('/api/a', maxAge) // touches a, so b is now the least recently used
    await p.get('/api/c')
    expect(p.calls).toHaveLength(5)
    await p.get('/api/a', maxAge)
    expect(p.calls).toHaveLength(5)
    await p.get('/api/b', maxAge)
    expect(p.calls).toHaveLength(6)
  })
})

describe('the upstream budget', () => {
  it('puts its view of the budget on every answer, cached ones included', async () => {
    const p = platform({ limit: 100 })
    const first = await p.get('/api/a')
    expect([first.headers.get('ratelimit-limit'), first.headers.get('ratelimit-remaining')]).toEqual(['100', '99'])
    expect(first.headers.get('ratelimit-reset')).toBe('60')
    vi.setSystemTime(T0 + 10_000)
    await p.put('/api/a')
    const cached = await p.get('/api/b', { 'Cache-Control': 'max-age=5' })
    expect(cached.headers.get('ratelimit-remaining')).toBe('97')
    expect(cached.headers.get('ratelimit-reset')).toBe('50')
    expect(p.gateway.view()).toEqual({ limit: 100, remaining: 97, resetSeconds: 50 })
  })

  it('queues reads once the budget (less the write reserve) is spent, and sends them as slots free', async () => {
    // limit 10 keeps one slot for writes: nine reads a minute.
    const p = platform({ limit: 10 })
    for (let i = 0; i < 9; i++) {
      expect((await p.get(`/api/r${i}`)).status).toBe(200)
      vi.setSystemTime(T0 + (i + 1) * 1_000)
    }
    // Now T0 + 9 s: the first read leaves the window at T0 + 60 s, the second at T0 + 61 s.
    vi.setSystemTime(T0 + 45_000)
    const queued = [track(p.get('/api/q1')), track(p.get('/api/q2'))]
    await flush()
    expect(p.calls).toHaveLength(9)
    expect(queued.some((q) => q.settled)).toBe(false)

    // Writes do not wait behind the queue: the reserve is theirs. Reads then wait until it is whole again.
    expect((await p.put('/api/w')).status).toBe(200)
    expect(p.calls).toHaveLength(10)

    await vi.advanceTimersByTimeAsync(15_000)
    expect(queued[0].settled).toBe(false)
    await vi.advanceTimersByTimeAsync(999)
    expect(queued[0].settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(queued[0].settled).toBe(true)
    expect(queued[0].response?.status).toBe(200)
    expect(queued[1].settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(queued[1].response?.status).toBe(200)
    expect(p.calls.map((c) => c.target).slice(-2)).toEqual(['/api/q1', '/api/q2'])
  })

  it('answers 429 RATE_LIMITED with Retry-After at once, without calling upstream, when the wait would be too long', async () => {
    const p = platform({ limit: 10 })
    for (let i = 0; i < 9; i++) await p.get(`/api/r${i}`)
    vi.setSystemTime(T0 + 5_000)
    const refused = await p.get('/api/late')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('55')
    expect(refused.headers.get('ratelimit-remaining')).toBe('1')
    expect(await refused.json()).toMatchObject({ data: null, error: { code: 'RATE_LIMITED' } })
    expect(p.calls).toHaveLength(9)

    // The last slot goes to one write; the next write is refused too rather than sent into a 429.
    expect((await p.put('/api/w')).status).toBe(200)
    const write = await p.put('/api/w')
    expect(write.status).toBe(429)
    expect(Number(write.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(p.calls).toHaveLength(10)
  })

  it('answers a queued read 429 as soon as it can no longer be sent within the longest wait', async () => {
    const p = platform({ limit: 10, maxWaitMs: 20_000 })
    for (let i = 0; i < 9; i++) await p.get(`/api/r${i}`)
    vi.setSystemTime(T0 + 45_000)
    const waiting = track(p.get('/api/q'))
    await flush()
    expect(waiting.settled).toBe(false)
    p.answerWith((c) => {
      c.header('Retry-After', '30')
      return c.json({ data: null, error: { code: 'RATE_LIMITED', message: 'slow down' } }, 429)
    })
    expect((await p.put('/api/w')).status).toBe(429)
    await flush()
    expect(waiting.response?.status).toBe(429)
    expect(waiting.response?.headers.get('retry-after')).toBe('30')
    expect(p.calls).toHaveLength(10)
  })

  it('coalesces reads while they wait, so a spent budget is not spent twice', async () => {
    const p = platform({ limit: 10 })
    for (let i = 0; i < 9; i++) await p.get(`/api/r${i}`)
    vi.setSystemTime(T0 + 50_000)
    const waiting = Array.from({ length: 5 }, () => track(p.get('/api/same')))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(waiting.every((w) => w.response?.status === 200)).toBe(true)
    expect(p.calls.filter((c) => c.target === '/api/same')).toHaveLength(1)
  })

  it('passes an upstream 429 through with Retry-After, holds reads until then, and probes with one', async () => {
    const p = platform({ limit: 100 })
    p.answerWith((c, n) => {
      if (n === 1) {
        c.header('Retry-After', '7')
        return c.json({ data: null, error: { code: 'RATE_LIMITED', message: 'slow down' } }, 429)
      }
      c.header('RateLimit-Remaining', '90')
      return c.json({ n })
    })
    const limited = await p.get('/api/a')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect(limited.headers.get('ratelimit-remaining')).toBe('0')
    expect(limited.headers.get('ratelimit-reset')).toBe('60')

    const held = [track(p.get('/api/b')), track(p.get('/api/c')), track(p.get('/api/d'))]
    await vi.advanceTimersByTimeAsync(6_999)
    expect(p.calls).toHaveLength(1)
    expect(held.some((h) => h.settled)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(held.every((h) => h.response?.status === 200)).toBe(true)
    expect(p.calls.map((c) => c.target)).toEqual(['/api/a', '/api/b', '/api/c', '/api/d'])
  })

  it('refuses held reads at their deadline while the probe after a 429 has no answer yet', async () => {
    const p = platform({ limit: 100, maxWaitMs: 20_000 })
    p.answerWith((c, n) => {
      if (n > 1) return c.json({ n })
      c.header('Retry-After', '2')
      return c.json({ data: null, error: { code: 'RATE_LIMITED', message: 'slow down' } }, 429)
    })
    await p.get('/api/a')
    p.hold()
    const probe = track(p.get('/api/probe'))
    const behind = track(p.get('/api/behind'))
    await vi.advanceTimersByTimeAsync(2_000)
    expect(p.calls.map((c) => c.target)).toEqual(['/api/a', '/api/probe'])
    await vi.advanceTimersByTimeAsync(18_000)
    expect(behind.response?.status).toBe(429)
    expect(probe.settled).toBe(false)
    p.release()
    await flush()
    expect(probe.response?.status).toBe(200)
    expect(p.calls).toHaveLength(2)
  })

  it('refuses reads at once while a long upstream hold lasts', async () => {
    const p = platform()
    p.answerWith((c) => {
      c.header('Retry-After', '45')
      return c.json({ data: null, error: { code: 'RATE_LIMITED', message: 'slow down' } }, 429)
    })
    await p.get('/api/a')
    vi.setSystemTime(T0 + 5_000)
    const refused = await p.get('/api/b')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('40')
    expect(p.calls).toHaveLength(1)
  })

  it('takes the platform’s RateLimit-Remaining and RateLimit-Limit over its own count', async () => {
    const p = platform({ limit: 100 })
    p.answerWith((c, n) => {
      c.header('RateLimit-Limit', '20')
      c.header('RateLimit-Remaining', String(4 - n))
      c.header('RateLimit-Reset', '30')
      return c.json({ ok: true })
    })
    const first = await p.get('/api/a')
    expect(first.headers.get('ratelimit-limit')).toBe('20')
    expect(first.headers.get('ratelimit-remaining')).toBe('3')
    const second = await p.get('/api/b')
    expect(second.headers.get('ratelimit-remaining')).toBe('2')
    // 20 keeps 2 for writes, so reads are done; the first slot the platform spoke of frees in 30 s, past the longest wait.
    const third = await p.get('/api/c')
    expect(third.status).toBe(429)
    expect(third.headers.get('retry-after')).toBe('30')
    expect(p.calls).toHaveLength(2)
    expect((await p.put('/api/d')).status).toBe(200)
    expect(p.calls).toHaveLength(3)
  })

  it('never retries: a failed write reaches upstream once', async () => {
    const p = platform()
    p.answerWith((c) => c.json({ data: null, error: { code: 'INTERNAL_ERROR', message: 'x' } }, 500))
    expect((await p.put('/api/campaigns/c1')).status).toBe(500)
    expect(p.calls).toHaveLength(1)
  })

  it('starts over on reset: full budget, no hold, empty cache', async () => {
    const p = platform({ limit: 10 })
    for (let i = 0; i < 9; i++) await p.get(`/api/r${i}`)
    expect((await p.get('/api/r0', { 'Cache-Control': 'max-age=60' })).status).toBe(200)
    expect(p.calls).toHaveLength(9)
    p.gateway.reset()
    expect(p.gateway.view()).toEqual({ limit: 10, remaining: 10, resetSeconds: 0 })
    expect((await p.get('/api/r0', { 'Cache-Control': 'max-age=60' })).status).toBe(200)
    expect(p.calls).toHaveLength(10)
  })

  it('sends without pacing and leaves the platform’s headers alone at limit 0', async () => {
    const p = platform({ limit: 0 })
    p.answerWith((c) => {
      c.header('RateLimit-Remaining', '0')
      return c.json({ ok: true })
    })
    for (let i = 0; i < 150; i++) expect((await p.get(`/api/r${i}`)).headers.get('ratelimit-remaining')).toBe('0')
    expect(p.calls).toHaveLength(150)
  })

  it('keeps the dashboard’s own request headers', async () => {
    const p = platform()
    let seen: string | undefined
    p.answerWith((c) => {
      seen = c.req.header('x-dashboard-client')
      return c.json({ ok: true })
    })
    await p.get('/api/a', { 'X-Dashboard-Client': '1', 'Cache-Control': 'max-age=5' })
    expect(seen).toBe('1')
  })
})

describe('acceptedAgeSeconds', () => {
  it.each([
    [null, 0],
    ['max-age=12', 12],
    ['Max-Age=7, stale-if-error=30', 7],
    ['no-cache, max-age=12', 0],
    ['max-age=0', 0],
    ['no-store', 0],
    ['max-age=abc', 0],
  ])('%s → %i', (header, seconds) => {
    expect(acceptedAgeSeconds(header)).toBe(seconds)
  })
})
