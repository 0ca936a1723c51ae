import type { z } from 'zod'
import { getApiKey } from './api-key.ts'
import { ApiError } from './errors.ts'
import { apiErrorSchema } from './schemas/common.ts'
import { noteRateLimited, waitForRateLimit } from './rate-limit.ts'
import { acquireRequestSlot, noteRateLimitHeaders, type RequestLane } from './request-budget.ts'

export const API_BASE = '/api/v2/buyer'

type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[]

export interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: Record<string, QueryValue>
  body?: unknown
  schema: S
  signal?: AbortSignal
  /** Per attempt. */
  timeoutMs?: number
  /** Whose turn it is under the shared rate limit (see request-budget.ts); the buyer's own requests by default. */
  lane?: RequestLane
  /** What the request loads, for the rate-limit notice ("campaign", "list page"). */
  label?: string
  /**
   * A polled read may be answered by the project server from a copy at most this old, shared by the buyer's tabs
   * (`Cache-Control: max-age`). Omitted for a read the buyer asked for (see requestFreshReads).
   */
  maxAgeSeconds?: number
}

let freshUntil = 0

/** The buyer pressed Refresh or Retry: for a moment every read goes to the platform, whatever copies exist. */
export function requestFreshReads(windowMs = 3_000): void {
  freshUntil = Date.now() + windowMs
}

const IDEMPOTENT = new Set(['GET', 'HEAD'])
const MAX_READ_ATTEMPTS = 3
const DEFAULT_TIMEOUT_MS = 20_000

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item))
    else params.append(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/**
 * The one way the dashboard talks to the buyer API: unwraps the {data, error} envelope (or takes a bare body),
 * parses with the response schema, turns every failure into an ApiError, waits out 429s, and retries only reads.
 */
export async function apiRequest<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<z.output<S>> {
  const method = options.method ?? 'GET'
  const url = `${API_BASE}${path}${buildQuery(options.query)}`
  const attempts = IDEMPOTENT.has(method) ? MAX_READ_ATTEMPTS : 1

  for (let attempt = 1; ; attempt++) {
    await waitForRateLimit(options.signal)
    const release = await acquireRequestSlot(options.lane ?? 'user', options.label ?? 'request', options.signal)
    try {
      const payload = await send(url, method, options).finally(release)
      return parseWith(options.schema, payload)
    } catch (error) {
      const retryable = error instanceof ApiError && error.isTransient
      if (!retryable || attempt >= attempts || options.signal?.aborted) throw error
      await sleep(backoffMs(attempt, error.retryAfterSeconds), options.signal)
    }
  }
}

async function send(url: string, method: string, options: RequestOptions<z.ZodType>): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Dashboard-Client': '1' }
  if (options.maxAgeSeconds !== undefined && method === 'GET' && Date.now() >= freshUntil)
    headers['Cache-Control'] = `max-age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`
  const key = getApiKey()
  if (key) headers.Authorization = `Bearer ${key}`
  let body: string | undefined
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }

  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  let response: Response
  try {
    response = await fetch(url, { method, headers, body, signal, credentials: 'same-origin' })
  } catch (error) {
    if (options.signal?.aborted) throw error
    const timedOut = timeout.aborted
    throw new ApiError({
      kind: timedOut ? 'timeout' : 'network',
      code: timedOut ? 'TIMEOUT' : 'NETWORK_ERROR',
      message: timedOut ? 'The request timed out' : 'The network request failed',
    })
  }

  noteRateLimitHeaders(response.headers)
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'))
  if (response.status === 429) noteRateLimited(retryAfterSeconds ?? 5)

  const text = await response.text().catch(() => '')
  let json: unknown
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    throw new ApiError({
      kind: response.ok ? 'parse' : 'http',
      status: response.status,
      code: response.ok ? 'MALFORMED_RESPONSE' : httpCode(response.status),
      message: response.ok
        ? 'The server sent a response that is not valid JSON'
        : `The server answered ${response.status} ${response.statusText}`.trim(),
      retryAfterSeconds,
    })
  }

  const envelope = unwrapEnvelope(json)
  if (!response.ok || envelope.error) {
    const parsed = apiErrorSchema.safeParse(envelope.error)
    if (parsed.success) throw ApiError.fromBody(response.status, parsed.data, retryAfterSeconds)
    throw new ApiError({
      kind: 'http',
      status: response.status,
      code: httpCode(response.status),
      message: `The server answered ${response.status} ${response.statusText}`.trim(),
      retryAfterSeconds,
    })
  }
  return envelope.data
}

/** `{data, error}` when both keys are present (CONTRACT §1); otherwise the body is the data. */
export function unwrapEnvelope(json: unknown): { data: unknown; error: unknown } {
  if (json && typeof json === 'object' && 'data' in json && 'error' in json) {
    const { data, error } = json as { data: unknown; error: unknown }
    return { data, error: error ?? null }
  }
  if (json && typeof json === 'object' && 'error' in json) {
    return { data: null, error: (json as { error: unknown }).error }
  }
  return { data: json, error: null }
}

export function parseWith<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const result = schema.safeParse(payload)
  if (result.success) return result.data
  throw new ApiError({
    kind: 'schema',
    code: 'UNEXPECTED_RESPONSE',
    message: 'The server sent data in a shape this dashboard does not understand',
    details: { issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
  })
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000)
}

function httpCode(status: number): string {
  if (status === 401) return 'UNAUTHORIZED'
  if (status === 404) return 'NOT_FOUND'
  if (status === 429) return 'RATE_LIMITED'
  if (status === 503) return 'SERVICE_UNAVAILABLE'
  if (status >= 500) return 'INTERNAL_ERROR'
  return 'BAD_REQUEST'
}

/** Retry-After when given; otherwise exponential with jitter. */
export function backoffMs(attempt: number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds, 60) * 1000
  return Math.min(500 * 2 ** (attempt - 1), 8000) * (0.75 + Math.random() * 0.5)
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })
}
