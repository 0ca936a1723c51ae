import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { UpstreamBudget, type BudgetView } from './gateway-budget.ts'
import { acceptedAgeSeconds, ResponseCache, storable, type Snapshot } from './gateway-cache.ts'

// Everyone behind this server shares one platform budget (CONTRACT §1: 100 requests a minute per IP). The gateway
// spends it with care: identical concurrent reads share one request, a client may accept a recent answer for its own
// key, reads wait for a slot instead of running into a 429, and every answer says where the budget stands so the
// browser can pace itself.

export interface GatewayOptions {
  /** UPSTREAM_RATE_LIMIT: requests per window sent to the platform; 0 sends without pacing. */
  limit?: number
  windowMs?: number
  /** Slots reads leave to writes, so a buyer's change is not refused because polls spent the minute. */
  writeReserve?: number
  /** A read that would wait longer than this for a slot is answered 429 at once. */
  maxWaitMs?: number
  now?: () => number
  cache?: { maxEntries?: number; maxBytes?: number; ttlMs?: number }
}

export interface Gateway {
  /** Answers one API request; `upstream` sends it to the platform and is called at most once. */
  handle(request: Request, upstream: () => Promise<Response>): Promise<Response>
  middleware: MiddlewareHandler
  /** Forgets every cached answer (the platform's data changed behind the API). */
  flushCache(): void
  /** Forgets cached answers and the budget view, for when the platform's own counters were reset. */
  reset(): void
  view(): BudgetView
}

const DEFAULT_LIMIT = 100
const DEFAULT_WINDOW_MS = 60_000
const DEFAULT_WRITE_RESERVE = 5
const DEFAULT_MAX_WAIT_MS = 20_000
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])
const RATE_HEADERS = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']

type Admission = { seq: number } | { refusedSeconds: number }

export function createGateway(options: GatewayOptions = {}): Gateway {
  const now = options.now ?? (() => Date.now())
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS
  const budget = new UpstreamBudget(
    options.limit ?? DEFAULT_LIMIT,
    windowMs,
    options.writeReserve ?? DEFAULT_WRITE_RESERVE,
  )
  const cache = new ResponseCache(
    options.cache?.maxEntries ?? 500,
    options.cache?.maxBytes ?? 32 * 1024 * 1024,
    options.cache?.ttlMs ?? 5 * 60_000,
  )
  const flights = new Map<string, Promise<Snapshot>>()
  // A write or a flush moves these on, so a read that started before it is neither joined nor cached after it.
  let epoch = 0
  const generations = new Map<string, number>()
  let writes = 0

  const queue: { resolve: (admission: Admission) => void; deadline: number }[] = []
  let timer: ReturnType<typeof setTimeout> | undefined

  const secondsUntil = (at: number, t: number) =>
    Number.isFinite(at) ? Math.max(1, Math.ceil((at - t) / 1000)) : Math.ceil(windowMs / 1000)

  function drain() {
    const t = now()
    while (queue.length > 0 && budget.canRead(t)) queue.shift()?.resolve({ seq: budget.record(t, true) })
    for (let i = 0; i < queue.length;) {
      const at = budget.readyAt(i, t)
      // Past its deadline a read is refused even if a slot seemed near: the probe after a 429 may not have answered.
      if (at <= queue[i].deadline && t < queue[i].deadline) {
        i++
        continue
      }
      const [late] = queue.splice(i, 1)
      late.resolve({ refusedSeconds: secondsUntil(Math.max(at, t), t) })
    }
    schedule(t)
  }

  function schedule(t: number) {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (queue.length === 0) return
    const next = Math.min(budget.nextChange(t), queue[0].deadline)
    timer = setTimeout(drain, Math.max(0, next - t))
    timer.unref?.()
  }

  function admitRead(): Promise<Admission> {
    const t = now()
    if (!budget.enabled) return Promise.resolve({ seq: 0 })
    if (queue.length === 0 && budget.canRead(t)) return Promise.resolve({ seq: budget.record(t, true) })
    const at = budget.readyAt(queue.length, t)
    if (at - t > maxWaitMs) return Promise.resolve({ refusedSeconds: secondsUntil(at, t) })
    return new Promise((resolve) => {
      queue.push({ resolve, deadline: t + maxWaitMs })
      drain()
    })
  }

  function withBudgetHeaders(headers: Headers): Headers {
    if (!budget.enabled) return headers
    const view = budget.view(now())
    headers.set('RateLimit-Limit', String(view.limit))
    headers.set('RateLimit-Remaining', String(view.remaining))
    headers.set('RateLimit-Reset', String(view.resetSeconds))
    return headers
  }

  function respond(snapshot: Snapshot, ageSeconds?: number): Response {
    const headers = withBudgetHeaders(new Headers(snapshot.headers))
    if (ageSeconds !== undefined) headers.set('Age', String(ageSeconds))
    return new Response(snapshot.body ? snapshot.body.slice() : null, {
      status: snapshot.status,
      statusText: snapshot.statusText,
      headers,
    })
  }

  function stripBudgetHeaders(source: Headers): Headers {
    const headers = new Headers(source)
    // Our own view replaces the platform's: it also counts what is queued and held here.
    if (budget.enabled) for (const name of RATE_HEADERS) headers.delete(name)
    headers.delete('content-length')
    return headers
  }

  function startFlight(key: string, auth: string, upstream: () => Promise<Response>): Promise<Snapshot> {
    const startEpoch = epoch
    const startGeneration = generations.get(auth)
    return admitRead().then(async (admission) => {
      if ('refusedSeconds' in admission) return refusal(admission.refusedSeconds)
      let response: Response
      let snapshot: Snapshot
      try {
        response = await upstream()
        snapshot = await bufferResponse(response, stripBudgetHeaders(response.headers))
      } catch (error) {
        budget.settle()
        drain()
        throw error
      }
      budget.observe(admission.seq, response.status, response.headers, now())
      drain()
      const unchanged = epoch === startEpoch && generations.get(auth) === startGeneration
      if (snapshot.status === 200 && unchanged && storable(response.headers)) cache.set(key, auth, snapshot, now())
      return snapshot
    })
  }

  async function read(request: Request, upstream: () => Promise<Response>): Promise<Response> {
    const auth = authKey(request.headers)
    const key = `${auth} ${targetOf(request.url)}`
    const maxAge = acceptedAgeSeconds(request.headers.get('cache-control'))
    if (maxAge > 0) {
      const t = now()
      const hit = cache.get(key, t)
      if (hit && t - hit.storedAt <= maxAge * 1000) return respond(hit.snapshot, Math.floor((t - hit.storedAt) / 1000))
    }
    const flightKey = `${epoch}:${generations.get(auth) ?? 0}:${key}`
    let flight = flights.get(flightKey)
    if (!flight) {
      const started = startFlight(key, auth, upstream)
      const done = () => {
        if (flights.get(flightKey) === started) flights.delete(flightKey)
      }
      started.then(done, done)
      flights.set(flightKey, started)
      flight = started
    }
    return respond(await flight)
  }

  async function write(request: Request, upstream: () => Promise<Response>): Promise<Response> {
    const auth = authKey(request.headers)
    const mutating = request.method !== 'HEAD' && request.method !== 'OPTIONS'
    const t = now()
    if (budget.enabled && !budget.canWrite(t)) return respond(refusal(secondsUntil(budget.nextFree(t), t)))
    const seq = budget.enabled ? budget.record(t, false) : 0
    let response: Response
    try {
      response = await upstream()
    } catch (error) {
      budget.settle()
      if (mutating) forget(auth)
      drain()
      throw error
    }
    budget.observe(seq, response.status, response.headers, now())
    if (mutating) forget(auth)
    drain()
    return new Response(NULL_BODY_STATUSES.has(response.status) ? null : response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: withBudgetHeaders(stripBudgetHeaders(response.headers)),
    })
  }

  function forget(auth: string) {
    generations.set(auth, ++writes)
    cache.dropAuth(auth)
  }

  function flushCache() {
    epoch++
    generations.clear()
    cache.clear()
  }

  const handle = (request: Request, upstream: () => Promise<Response>) =>
    request.method === 'GET' ? read(request, upstream) : write(request, upstream)

  return {
    handle,
    middleware: async (c, next) => {
      const response = await handle(c.req.raw, async () => {
        await next()
        return c.res
      })
      // Assigning over an existing response would merge the platform's headers back in.
      c.res = undefined
      c.res = response
    },
    flushCache,
    reset: () => {
      flushCache()
      budget.reset()
      drain()
    },
    view: () => budget.view(now()),
  }
}

async function bufferResponse(response: Response, headers: Headers): Promise<Snapshot> {
  const body = NULL_BODY_STATUSES.has(response.status) ? null : new Uint8Array(await response.arrayBuffer())
  const list = [...headers]
  const headerBytes = list.reduce((sum, [k, v]) => sum + k.length + v.length, 0)
  return {
    status: response.status,
    statusText: response.statusText,
    headers: list,
    body,
    bytes: (body?.byteLength ?? 0) + headerBytes,
  }
}

function refusal(retryAfterSeconds: number): Snapshot {
  const body = new TextEncoder().encode(
    JSON.stringify({
      data: null,
      error: { code: 'RATE_LIMITED', message: 'The request budget for the buyer API is spent; try again later' },
    }),
  )
  return {
    status: 429,
    statusText: 'Too Many Requests',
    headers: [
      ['content-type', 'application/json'],
      ['retry-after', String(retryAfterSeconds)],
    ],
    body,
    bytes: body.byteLength,
  }
}

/** Whose answer this is: nothing is shared between different credentials, and the key itself is never stored. */
function authKey(headers: Headers): string {
  const credentials = `${headers.get('authorization') ?? ''}\n${headers.get('x-scope3-api-key') ?? ''}`
  return createHash('sha256').update(credentials).digest('base64url')
}

/** The request target as sent (path and query), before any normalisation could make two targets one. */
function targetOf(rawUrl: string): string {
  const schemeEnd = rawUrl.indexOf('://')
  const target = schemeEnd === -1 ? rawUrl : rawUrl.slice(rawUrl.indexOf('/', schemeEnd + 3))
  return target.split('#')[0]
}
