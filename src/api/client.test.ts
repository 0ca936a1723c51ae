import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { z } from 'zod'
import { apiRequest, unwrapEnvelope } from './client.ts'
import { clearApiKey, setApiKey } from './api-key.ts'
import { ApiError, describeApiError } from './errors.ts'
import { resetRateLimit } from './rate-limit.ts'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  clearApiKey()
  resetRateLimit()
})
afterAll(() => server.close())

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
              details: { issues: [{ path: ['mediaBuys', 0, 'packages', 0, 'budget'], message: 'Must be more than 0' }] },
            },
          },
          { status: 400 },
        ),
      ),
    )
    const error = await failure(apiRequest('/things', { method: 'PUT', body: {}, schema: thing }))
    expect(error).toMatchObject({ kind: 'http', status: 400, code: 'VALIDATION_ERROR', field: 'mediaBuys.0.packages.0.budget' })
    expect(error.issues).toEqual([{ path: 'mediaBuys.0.packages.0.budget', message: 'Must be more than 0' }])
  })

  it('turns a non-JSON failure into a readable ApiError', async () => {
    server.use(http.get(url, () => new HttpResponse('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })))
    const error = await failure(apiRequest('/things', { schema: thing }))
    expect(error).toMatchObject({ kind: 'http', status: 502, code: 'INTERNAL_ERROR' })
    expect(describeApiError(error)).toMatch(/internal error/i)
  })

  it('reports malformed JSON and schema breaks as their own kinds, never as data', async () => {
    server.use(http.get(url, () => new HttpResponse('{"data": {', { status: 200, headers: { 'Content-Type': 'application/json' } })))
    expect(await failure(apiRequest('/things', { schema: thing }))).toMatchObject({ kind: 'parse', code: 'MALFORMED_RESPONSE' })
    server.use(http.get(url, () => HttpResponse.json({ data: { id: 42 }, error: null })))
    const schemaError = await failure(apiRequest('/things', { schema: thing }))
    expect(schemaError).toMatchObject({ kind: 'schema' })
    expect(schemaError.issues[0].path).toBe('id')
  })

  it('waits for Retry-After on 429 and retries a read', async () => {
    let calls = 0
    server.use(
      http.get(url, () => {
        calls++
        return calls === 1
          ? HttpResponse.json({ data: null, error: { code: 'RATE_LIMITED', message: 'Slow down' } }, { status: 429, headers: { 'Retry-After': '0' } })
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
        return HttpResponse.json({ data: null, error: { code: 'SERVICE_UNAVAILABLE', message: 'Down' } }, { status: 503 })
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

describe('unwrapEnvelope', () => {
  it('treats a body with only an error key as an error', () => {
    expect(unwrapEnvelope({ error: { code: 'X', message: 'y' } })).toEqual({ data: null, error: { code: 'X', message: 'y' } })
  })
})
