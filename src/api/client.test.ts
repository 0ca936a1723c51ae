// @vitest-environment jsdom
import { delay, http, HttpResponse } from 'msw'
import { setupApiServer } from '@/lib/testing/api-server'
import { z } from 'zod'
import { apiRequest, backoffMs, buildQuery, requestFreshReads, unwrapEnvelope, type RequestOptions } from './client.ts'
import { noteRateLimitHeaders, requestBudgetSnapshot, resetRequestBudget } from './request-budget.ts'
import { clearApiKey, setApiKey } from './api-key.ts'
import { ApiError, describeApiError } from './errors.ts'
import { rateLimitedUntil, resetRateLimit } from './rate-limit.ts'

const server = setupApiServer()
afterEach(() => {
  clearApiKey()
  resetRateLimit()
})

const thing = z.looseObject({ id: z.string() })
const url = '*/api/v2/buyer/things'

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('apiRequest', () => {
  it('unwraps the {data, error} envelope and keeps unknown fields', async () => {
    server.use(http.get(url, () => HttpResponse.json({ data: { id: 'a', extra: 1 }, error: null })))
    await expect(apiRequest('/things', { schema: thing })).resolves.toEqual({ id: 'a', extra: 1 })
  })

  it('accepts a bare body', async () => {
    server.use(http.get(url, () => HttpResponse.json({ id: 'b' })))
    await expect(apiRequest('/things', { schema: thing })).resolves.toEqual({ id: 'b' })
  })

  it('turns an error envelope into an ApiError with code, field and issues', async () => {
    server.use(
      http.put(url, () =>
        HttpResponse.json(
          {
            data: null,
            error: {
              code: 'VALIDATION_ERROR',
              message: 'Invalid request',
              field: 'mediaBuys.0.packages.0.budget',
              details: {
                issues: [{ path: ['mediaBuys', 0, 'packages', 0, 'budget'], message: 'Must be more than 0' }],
              },
            },
          },
          { status: 400 },
        ),
      ),
    )
    const error = await failure(apiRequest('/things', { method: 'PUT', body: {}, schema: thing }))
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      code: 'VALIDATION_ERROR',
      field: 'mediaBuys.0.packages.0.budget',
    })
    expect(error.issues).toEqual([{ path: 'mediaBuys.0.packages.0.budget', message: 'Must be more than 0' }])
  })

  it('turns a non-JSON failure into a readable ApiError', async () => {
    server.use(
      http.get(url, () => new HttpResponse('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })),
    )
    const error = await failure(apiRequest('/things', { schema: thing }))
    expect(error).toMatchObject({ kind: 'http', status: 502, code: 'INTERNAL_ERROR' })
    expect(describeApiError(error)).toMatch(/internal error/i)
  })

  it('reports malformed JSON and schema breaks as their own kinds, never as data', async () => {
    server.use(
      http.get(
        url,
        () => new HttpResponse('{"data": {', { status: 200, headers: { 'Content-Type': 'application/json' } }),
      ),
    )
    expect(await failure(apiRequest('/things', { schema: thing }))).toMatchObject({
      kind: 'parse',
      code: 'MALFORMED_RESPONSE',
    })
    server.use(http.get(url, () => HttpResponse.json({ data: { id: 42 }, error: null })))
    const schemaError = await failure(apiRequest('/things', { schema: thing }))
    expect(schemaError).toMatchObject({
      kind: 'schema',
      code: 'UNEXPECTED_RESPONSE',
      message: 'The server sent data in a shape this dashboard does not understand',
    })
    expect(schemaError.issues[0].path).toBe('id')
  })

  it('waits for Retry-After on 429 and retries a read', async () => {
    let calls = 0
    server.use(
      http.get(url, () => {
        calls++
        return calls === 1
          ? HttpResponse.json(
              { data: null, error: { code: 'RATE_LIMITED', message: 'Slow down' } },
              { status: 429, headers: { 'Retry-After': '0' } },
            )
          : HttpResponse.json({ data: { id: 'ok' }, error: null })
      }),
    )
    await expect(apiRequest('/things', { schema: thing })).resolves.toEqual({ id: 'ok' })
    expect(calls).toBe(2)
  })

  it('never retries a write', async () => {
    let calls = 0
    server.use(
      http.post(url, () => {
        calls++
        return HttpResponse.json(
          { data: null, error: { code: 'SERVICE_UNAVAILABLE', message: 'Down' } },
          { status: 503 },
        )
      }),
    )
    const error = await failure(apiRequest('/things', { method: 'POST', body: {}, schema: thing }))
    expect(error.code).toBe('SERVICE_UNAVAILABLE')
    expect(calls).toBe(1)
  })

  it('sends the API key only as a bearer header, never in the URL', async () => {
    setApiKey('scope3_secret_key_1234', { remember: false })
    let seen: { auth: string | null; url: string } | undefined
    server.use(
      http.get(url, ({ request }) => {
        seen = { auth: request.headers.get('Authorization'), url: request.url }
        return HttpResponse.json({ data: { id: 'k' }, error: null })
      }),
    )
    await apiRequest('/things', { query: { name: 'x', status: ['ACTIVE', 'DRAFT'] }, schema: thing })
    expect(seen?.auth).toBe('Bearer scope3_secret_key_1234')
    expect(seen?.url).not.toContain('scope3_secret')
    expect(new URL(seen!.url).searchParams.getAll('status')).toEqual(['ACTIVE', 'DRAFT'])
  })

  it('reports an unreachable server as a network error', async () => {
    server.use(http.get(url, () => HttpResponse.error()))
    expect(await failure(apiRequest('/things', { schema: thing, timeoutMs: 2000 }))).toMatchObject({ kind: 'network' })
  }, 15_000)
})

describe('Retry-After and the rate limit (CONTRACT D4), on a clock the test moves', () => {
  const T0 = Date.parse('2026-11-25T12:00:00.000Z')
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.setSystemTime(T0)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const limited = (retryAfter: string) =>
    HttpResponse.json(
      { data: null, error: { code: 'RATE_LIMITED', message: 'Slow down' } },
      { status: 429, headers: { 'Retry-After': retryAfter } },
    )
  const ok = (id: string) => HttpResponse.json({ data: { id }, error: null })

  /** Lets the request's own I/O and promise chain run without moving the clock. */
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve))
  }
  /** Waits (on I/O, not on the clock) until the server has seen `n` requests. */
  const seen = async (sent: readonly unknown[], n: number) => {
    for (let i = 0; i < 500 && sent.length < n; i++) await new Promise((resolve) => setImmediate(resolve))
    expect(sent).toHaveLength(n)
  }

  it('retries a read after a 429 only once Retry-After has passed', async () => {
    const sent: number[] = []
    server.use(
      http.get(url, () => {
        sent.push(Date.now())
        return sent.length === 1 ? limited('3') : ok('late')
      }),
    )
    const result = apiRequest('/things', { schema: thing })
    await seen(sent, 1)
    expect(rateLimitedUntil()).toBe(T0 + 3_000)
    await vi.advanceTimersByTimeAsync(2_999)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await seen(sent, 2)
    await expect(result).resolves.toEqual({ id: 'late' })
    expect(sent[1] - sent[0]).toBe(3_000)
  })

  it('waits as long as Retry-After says before retrying a read that failed with 503', async () => {
    const sent: number[] = []
    server.use(
      http.get(url, () => {
        sent.push(Date.now())
        return sent.length === 1
          ? HttpResponse.json(
              { data: null, error: { code: 'SERVICE_UNAVAILABLE', message: 'Down' } },
              { status: 503, headers: { 'Retry-After': '4' } },
            )
          : ok('back')
      }),
    )
    const result = apiRequest('/things', { schema: thing })
    await seen(sent, 1)
    // Without Retry-After the first retry comes within a second; here the server asked for four.
    await vi.advanceTimersByTimeAsync(3_999)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(result).resolves.toEqual({ id: 'back' })
    expect(sent[1] - sent[0]).toBe(4_000)
  })

  it('reads Retry-After given as an HTTP date', async () => {
    const sent: number[] = []
    server.use(
      http.get(url, () => {
        sent.push(Date.now())
        return sent.length === 1 ? limited(new Date(T0 + 2_000).toUTCString()) : ok('dated')
      }),
    )
    const result = apiRequest('/things', { schema: thing })
    await seen(sent, 1)
    await vi.advanceTimersByTimeAsync(1_999)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(result).resolves.toEqual({ id: 'dated' })
    expect(sent[1] - sent[0]).toBe(2_000)
  })

  it('holds every other request, reads and writes, until Retry-After has passed', async () => {
    const sent: string[] = []
    server.use(
      http.post(url, () => {
        sent.push('POST')
        return limited('5')
      }),
      http.get('*/api/v2/buyer/others', () => {
        sent.push('GET others')
        return ok('other')
      }),
      http.put('*/api/v2/buyer/others', () => {
        sent.push('PUT others')
        return ok('put')
      }),
    )
    const write = await failure(apiRequest('/things', { method: 'POST', body: {}, schema: thing }))
    expect(write).toMatchObject({ status: 429, retryAfterSeconds: 5 })
    expect(rateLimitedUntil()).toBe(T0 + 5_000)

    await vi.advanceTimersByTimeAsync(1_000)
    const read = apiRequest('/others', { schema: thing })
    const update = apiRequest('/others', { method: 'PUT', body: {}, schema: thing })
    await settle()
    await vi.advanceTimersByTimeAsync(3_999)
    expect(sent).toEqual(['POST'])
    await vi.advanceTimersByTimeAsync(1)
    await expect(read).resolves.toEqual({ id: 'other' })
    await expect(update).resolves.toEqual({ id: 'put' })
    expect(sent.slice(1).sort()).toEqual(['GET others', 'PUT others'])
    expect(rateLimitedUntil()).toBeNull()
  })

  it('a read given up while it waits to retry is abandoned, not retried', async () => {
    const sent: number[] = []
    server.use(
      http.get(url, () => {
        sent.push(Date.now())
        return HttpResponse.json(
          { data: null, error: { code: 'SERVICE_UNAVAILABLE', message: 'Down' } },
          { status: 503, headers: { 'Retry-After': '10' } },
        )
      }),
    )
    const controller = new AbortController()
    const outcome = apiRequest('/things', { schema: thing, signal: controller.signal }).then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    )
    await seen(sent, 1)
    await settle()
    controller.abort(new Error('left the page'))
    expect(await outcome).toBe('left the page')
    await vi.advanceTimersByTimeAsync(20_000)
    expect(sent).toHaveLength(1)
  })

  it('waits five seconds after a 429 that names no Retry-After', async () => {
    server.use(
      http.post(url, () =>
        HttpResponse.json({ data: null, error: { code: 'RATE_LIMITED', message: 'Slow down' } }, { status: 429 }),
      ),
    )
    await failure(apiRequest('/things', { method: 'POST', body: {}, schema: thing }))
    expect(rateLimitedUntil()).toBe(T0 + 5_000)
  })

  it('a request that is given up while it waits is abandoned, not sent', async () => {
    const sent: string[] = []
    server.use(
      http.post(url, () => limited('10')),
      http.get('*/api/v2/buyer/others', () => {
        sent.push('GET others')
        return ok('other')
      }),
    )
    await failure(apiRequest('/things', { method: 'POST', body: {}, schema: thing }))
    const controller = new AbortController()
    const read = apiRequest('/others', { schema: thing, signal: controller.signal })
    const outcome = read.then(
      () => 'sent',
      () => 'abandoned',
    )
    await settle()
    controller.abort()
    expect(await outcome).toBe('abandoned')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(sent).toEqual([])
  })
})

describe('what the client sends', () => {
  it('asks for JSON, sends a JSON body only when there is one, and no Authorization without a key', async () => {
    const seen: {
      method: string
      accept: string | null
      client: string | null
      type: string | null
      auth: string | null
      body: string
    }[] = []
    const record = async ({ request }: { request: Request }) => {
      seen.push({
        method: request.method,
        accept: request.headers.get('Accept'),
        client: request.headers.get('X-Dashboard-Client'),
        type: request.headers.get('Content-Type'),
        auth: request.headers.get('Authorization'),
        body: await request.text(),
      })
      return HttpResponse.json({ data: { id: 'x' }, error: null })
    }
    server.use(http.get(url, record), http.put(url, record))
    await apiRequest('/things', { schema: thing })
    await apiRequest('/things', { method: 'PUT', body: { name: 'n' }, schema: thing })
    expect(seen).toEqual([
      { method: 'GET', accept: 'application/json', client: '1', type: null, auth: null, body: '' },
      {
        method: 'PUT',
        accept: 'application/json',
        client: '1',
        type: 'application/json',
        auth: null,
        body: '{"name":"n"}',
      },
    ])
  })

  it('builds the query from set values only, repeating arrays', () => {
    expect(buildQuery(undefined)).toBe('')
    expect(buildQuery({ a: undefined, b: null, c: '' })).toBe('')
    expect(buildQuery({ take: 0, on: false, name: 'a b', status: ['ACTIVE', 'DRAFT'] })).toBe(
      '?take=0&on=false&name=a+b&status=ACTIVE&status=DRAFT',
    )
  })
})

describe('copies of polled reads (Cache-Control: max-age)', () => {
  const cacheControl = async (options: Partial<RequestOptions<typeof thing>>) => {
    let seen: string | null | undefined
    const record = ({ request }: { request: Request }) => {
      seen = request.headers.get('Cache-Control')
      return HttpResponse.json({ data: { id: 'c' }, error: null })
    }
    server.use(http.get(url, record), http.put(url, record))
    await apiRequest('/things', { schema: thing, ...options })
    return seen
  }
  afterEach(() => {
    vi.useRealTimers()
  })

  it('a polled read accepts a copy at most that many whole seconds old, never a negative age', async () => {
    expect(await cacheControl({ maxAgeSeconds: 14.7 })).toBe('max-age=14')
    expect(await cacheControl({ maxAgeSeconds: -3 })).toBe('max-age=0')
  })

  it('a read the buyer asked for, and any write, wants the platform itself', async () => {
    expect(await cacheControl({})).toBeNull()
    expect(await cacheControl({ method: 'PUT', body: {}, maxAgeSeconds: 30 })).toBeNull()
  })

  it('for three seconds after Refresh, polled reads go to the platform too', async () => {
    // A past date, so the window this test opens is long closed for the tests after it.
    const t0 = Date.parse('2026-01-05T09:00:00.000Z')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(t0)
    requestFreshReads()
    expect(await cacheControl({ maxAgeSeconds: 30 })).toBeNull()
    vi.setSystemTime(t0 + 2_999)
    expect(await cacheControl({ maxAgeSeconds: 30 })).toBeNull()
    vi.setSystemTime(t0 + 3_000)
    expect(await cacheControl({ maxAgeSeconds: 30 })).toBe('max-age=30')
  })
})

describe('which requests wait for the shared budget', () => {
  afterEach(() => resetRequestBudget())
  // 3 of the platform's requests left this minute: below the reserve kept for the buyer's own actions.
  const nearlySpent = () => noteRateLimitHeaders(new Headers({ 'RateLimit-Remaining': '3', 'RateLimit-Reset': '30' }))

  it("a request that names no lane is the buyer's own and goes at once", async () => {
    server.use(http.get(url, () => HttpResponse.json({ data: { id: 'mine' }, error: null })))
    nearlySpent()
    await expect(apiRequest('/things', { schema: thing })).resolves.toEqual({ id: 'mine' })
  })

  it('screen work held back by the budget is counted under what it loads, "request" when unnamed', async () => {
    server.use(http.get(url, () => HttpResponse.json({ data: { id: 'later' }, error: null })))
    nearlySpent()
    const controller = new AbortController()
    const held = apiRequest('/things', { schema: thing, lane: 'screen', signal: controller.signal })
    await vi.waitFor(() => expect(requestBudgetSnapshot().held.get('request')).toBe(1))
    controller.abort(new Error('left the screen'))
    await expect(held).rejects.toThrow('left the screen')
  })
})

describe('how the client reads answers', () => {
  it('answers null for 204 No Content', async () => {
    server.use(http.delete(url, () => new HttpResponse(null, { status: 204 })))
    await expect(apiRequest('/things', { method: 'DELETE', schema: z.null() })).resolves.toBeNull()
  })

  it('turns an error envelope sent with 200 into an ApiError', async () => {
    server.use(http.post(url, () => HttpResponse.json({ data: null, error: { code: 'CONFLICT', message: 'Busy' } })))
    expect(await failure(apiRequest('/things', { method: 'POST', body: {}, schema: thing }))).toMatchObject({
      status: 200,
      code: 'CONFLICT',
    })
  })

  it.each([
    [400, 'BAD_REQUEST'],
    [401, 'UNAUTHORIZED'],
    [404, 'NOT_FOUND'],
    [409, 'BAD_REQUEST'],
    [429, 'RATE_LIMITED'],
    [500, 'INTERNAL_ERROR'],
    [501, 'INTERNAL_ERROR'],
    [503, 'SERVICE_UNAVAILABLE'],
  ])('names a %d without a readable error body %s, and says the status in words', async (status, code) => {
    server.use(
      http.post(url, () => HttpResponse.json({ data: null, error: 'nope' }, { status, statusText: 'Reason' })),
      http.put(url, () => new HttpResponse('<html></html>', { status, statusText: 'Reason' })),
    )
    const json = await failure(apiRequest('/things', { method: 'POST', body: {}, schema: thing }))
    expect(json).toMatchObject({ kind: 'http', status, code, message: `The server answered ${status} Reason` })
    const html = await failure(apiRequest('/things', { method: 'PUT', body: {}, schema: thing }))
    expect(html).toMatchObject({ kind: 'http', status, code, message: `The server answered ${status} Reason` })
  })

  it('says the status alone when the server gives no reason phrase', async () => {
    server.use(http.post(url, () => new HttpResponse('oops', { status: 599, statusText: '' })))
    expect(await failure(apiRequest('/things', { method: 'POST', body: {}, schema: thing }))).toMatchObject({
      code: 'INTERNAL_ERROR',
      message: 'The server answered 599',
    })
  })

  it('says the status alone when a JSON error body gives neither a readable error nor a reason phrase', async () => {
    server.use(http.post(url, () => HttpResponse.json({ data: null, error: 'nope' }, { status: 599, statusText: '' })))
    expect(await failure(apiRequest('/things', { method: 'POST', body: {}, schema: thing }))).toMatchObject({
      code: 'INTERNAL_ERROR',
      message: 'The server answered 599',
    })
  })

  it('reports malformed JSON in a 200 in words', async () => {
    server.use(http.get(url, () => new HttpResponse('{"data": {', { status: 200 })))
    expect(await failure(apiRequest('/things', { schema: thing }))).toMatchObject({
      kind: 'parse',
      status: 200,
      message: 'The server sent a response that is not valid JSON',
    })
  })

  it('an empty 200 body is null data, checked by the schema', async () => {
    server.use(http.get(url, () => new HttpResponse('', { status: 200 })))
    await expect(apiRequest('/things', { schema: z.null() })).resolves.toBeNull()
  })

  it('reports an unreachable server with its own code and words', async () => {
    server.use(http.post(url, () => HttpResponse.error()))
    expect(await failure(apiRequest('/things', { method: 'POST', body: {}, schema: thing }))).toMatchObject({
      kind: 'network',
      code: 'NETWORK_ERROR',
      message: 'The network request failed',
    })
  })

  it('reports a server that does not answer in time as a timeout', async () => {
    server.use(
      http.post(url, async () => {
        await delay(1_000)
        return HttpResponse.json({ data: { id: 'late' }, error: null })
      }),
    )
    expect(
      await failure(apiRequest('/things', { method: 'POST', body: {}, schema: thing, timeoutMs: 50 })),
    ).toMatchObject({
      kind: 'timeout',
      code: 'TIMEOUT',
      message: 'The request timed out',
    })
  })

  it("a request the caller aborts rejects with the caller's reason, not an ApiError", async () => {
    server.use(
      http.post(url, async () => {
        await delay(1_000)
        return HttpResponse.json({ data: { id: 'late' }, error: null })
      }),
    )
    const controller = new AbortController()
    const pending = apiRequest('/things', { method: 'POST', body: {}, schema: thing, signal: controller.signal })
    controller.abort(new Error('left the page'))
    await expect(pending).rejects.toThrow('left the page')
  })
})

describe('retries of reads', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('retries a transient read failure up to three attempts, then gives up', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    let calls = 0
    server.use(
      http.get(url, () => {
        calls++
        return HttpResponse.json(
          { data: null, error: { code: 'SERVICE_UNAVAILABLE', message: 'Down' } },
          { status: 503 },
        )
      }),
    )
    expect(await failure(apiRequest('/things', { schema: thing }))).toMatchObject({ status: 503 })
    expect(calls).toBe(3)
  })

  it('does not retry a read the server refused, nor one whose data does not fit the schema', async () => {
    let calls = 0
    server.use(
      http.get(url, () => {
        calls++
        return calls === 1
          ? HttpResponse.json({ data: null, error: { code: 'NOT_FOUND', message: 'Gone' } }, { status: 404 })
          : HttpResponse.json({ data: { id: 1 }, error: null })
      }),
    )
    expect(await failure(apiRequest('/things', { schema: thing }))).toMatchObject({ status: 404 })
    expect(await failure(apiRequest('/things', { schema: thing }))).toMatchObject({ kind: 'schema' })
    expect(calls).toBe(2)
  })

  it('backs off 500 ms, then 1 s, doubling up to 8 s, each within ±25 %', () => {
    const at = (random: number, attempt: number) => {
      vi.spyOn(Math, 'random').mockReturnValue(random)
      return backoffMs(attempt)
    }
    expect([1, 2, 3, 4, 5, 6].map((attempt) => at(0.5, attempt))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000])
    expect(at(0, 1)).toBe(375)
    expect(at(1, 1)).toBe(625)
  })

  it('waits Retry-After instead, at most a minute', () => {
    expect(backoffMs(1, 3)).toBe(3_000)
    expect(backoffMs(4, 0)).toBe(0)
    expect(backoffMs(1, 600)).toBe(60_000)
  })
})

describe('unwrapEnvelope', () => {
  it('treats anything that is not an envelope as the data itself', () => {
    expect(unwrapEnvelope(null)).toEqual({ data: null, error: null })
    expect(unwrapEnvelope('text')).toEqual({ data: 'text', error: null })
    expect(unwrapEnvelope([1])).toEqual({ data: [1], error: null })
    expect(unwrapEnvelope({ data: 1 })).toEqual({ data: { data: 1 }, error: null })
    expect(unwrapEnvelope({ data: 1, error: undefined })).toEqual({ data: 1, error: null })
  })

  it('treats a body with only an error key as an error', () => {
    expect(unwrapEnvelope({ error: { code: 'X', message: 'y' } })).toEqual({
      data: null,
      error: { code: 'X', message: 'y' },
    })
  })
})
