import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'

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

export interface BudgetView {
  limit: number
  remaining: number
  /** Seconds until the window frees a slot (0 when nothing is in it). */
  resetSeconds: number
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

interface Snapshot {
  status: number
  statusText: string
  headers: [string, string][]
  body: Uint8Array | null
  bytes: number
}

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

interface Slot {
  expiresAt: number
  /** Order of sending; 0 for slots the platform reported that we did not send. */
  seq: number
}

/** Our view of the platform's rolling window: what we sent, corrected by what the platform says it counted. */
class UpstreamBudget {
  private slots: Slot[] = []
  private sent = 0
  private holdUntil = 0
  private reportedLimit: number | undefined
  // After a 429 only one read goes out when the hold ends; its answer says how much room there really is.
  private probing = false
  private probeInFlight = false

  constructor(
    private readonly configured: number,
    private readonly windowMs: number,
    private readonly reserve: number,
  ) {}

  get enabled() {
    return this.configured > 0
  }

  limit(): number {
    return Math.min(this.configured, this.reportedLimit ?? Number.POSITIVE_INFINITY)
  }

  private readLimit(): number {
    const limit = this.limit()
    return limit - Math.min(this.reserve, Math.floor(limit / 10))
  }

  private prune(t: number) {
    let expired = 0
    while (expired < this.slots.length && this.slots[expired].expiresAt <= t) expired++
    if (expired > 0) this.slots.splice(0, expired)
  }

  canRead(t: number): boolean {
    this.prune(t)
    if (t < this.holdUntil || (this.probing && this.probeInFlight)) return false
    return this.slots.length < this.readLimit()
  }

  canWrite(t: number): boolean {
    this.prune(t)
    return this.slots.length < this.limit()
  }

  record(t: number, read: boolean): number {
    const seq = ++this.sent
    this.slots.push({ expiresAt: t + this.windowMs, seq })
    this.slots.sort((a, b) => a.expiresAt - b.expiresAt)
    if (read && this.probing) this.probeInFlight = true
    return seq
  }

  /** The request got no answer: a probe that failed must not block reads for good. */
  settle() {
    this.probeInFlight = false
  }

  /** When the read at this queue position would get a slot, if nothing else is sent meanwhile. */
  readyAt(position: number, t: number): number {
    this.prune(t)
    const start = Math.max(t, this.holdUntil)
    const alive = this.slots.filter((slot) => slot.expiresAt > start)
    const expirationsNeeded = alive.length - this.readLimit() + position + 1
    if (expirationsNeeded <= 0) return start
    if (expirationsNeeded > alive.length) return Number.POSITIVE_INFINITY
    return alive[expirationsNeeded - 1].expiresAt
  }

  nextFree(t: number): number {
    this.prune(t)
    return this.slots[0]?.expiresAt ?? Number.POSITIVE_INFINITY
  }

  /** The next moment a queued read might go: the end of a hold, else the next slot to free. */
  nextChange(t: number): number {
    return this.holdUntil > t ? this.holdUntil : this.nextFree(t)
  }

  view(t: number): BudgetView {
    this.prune(t)
    const limit = this.limit()
    const held = this.holdUntil > t
    const nextFree = this.slots[0]?.expiresAt
    let resetSeconds = nextFree === undefined ? 0 : Math.max(1, Math.ceil((nextFree - t) / 1000))
    if (held) resetSeconds = Math.max(resetSeconds, Math.ceil((this.holdUntil - t) / 1000))
    return { limit, remaining: held ? 0 : Math.max(0, limit - this.slots.length), resetSeconds }
  }

  observe(seq: number, status: number, headers: Headers, t: number) {
    if (!this.enabled) return
    if (seq > 0 && this.probing) this.probeInFlight = false
    const reportedLimit = wholeNumber(headers.get('ratelimit-limit'))
    if (reportedLimit !== undefined && reportedLimit > 0) this.reportedLimit = reportedLimit
    const reset = wholeNumber(headers.get('ratelimit-reset'))
    if (status === 429) {
      const wait = retryAfterSeconds(headers.get('retry-after'), t) ?? reset ?? 1
      this.holdUntil = Math.max(this.holdUntil, t + Math.max(1, wait) * 1000)
      this.probing = true
      return
    }
    this.probing = false
    const remaining = wholeNumber(headers.get('ratelimit-remaining'))
    if (remaining === undefined) return
    this.prune(t)
    // The platform counted this request before the ones we sent after it.
    const sentSince = this.slots.filter((slot) => slot.seq > seq).length
    const theirs = Math.max(0, remaining - sentSince)
    const ours = this.limit() - this.slots.length
    if (theirs < ours) this.addUnseen(ours - theirs, reset ? t + reset * 1000 : undefined, t)
    else if (theirs > ours) this.release(theirs - ours)
  }

  /** Requests the platform counted that did not come from us; when each leaves its window is unknown, so spread them. */
  private addUnseen(count: number, firstFree: number | undefined, t: number) {
    const end = t + this.windowMs
    const start = firstFree === undefined ? t : Math.min(firstFree, end)
    // Without a reported first free slot, none is assumed to free at once.
    const offset = firstFree === undefined ? 1 : 0
    for (let i = 0; i < count; i++)
      this.slots.push({ expiresAt: start + ((end - start) * (i + offset)) / count, seq: 0 })
    this.slots.sort((a, b) => a.expiresAt - b.expiresAt)
  }

  private release(count: number) {
    let left = count
    for (let i = this.slots.length - 1; i >= 0 && left > 0; i--)
      if (this.slots[i].seq === 0) {
        this.slots.splice(i, 1)
        left--
      }
    if (left > 0) this.slots.splice(0, left)
  }

  reset() {
    this.slots = []
    this.holdUntil = 0
    this.reportedLimit = undefined
    this.probing = false
    this.probeInFlight = false
  }
}

interface CacheEntry {
  snapshot: Snapshot
  storedAt: number
  auth: string
}

/** Recent 200 answers per key and target; least recently used first out, none older than the TTL. */
class ResponseCache {
  private entries = new Map<string, CacheEntry>()
  private bytes = 0

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly ttlMs: number,
  ) {}

  get(key: string, t: number): CacheEntry | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.delete(key)
    if (t - entry.storedAt > this.ttlMs) return undefined
    this.entries.set(key, entry)
    this.bytes += entry.snapshot.bytes
    return entry
  }

  set(key: string, auth: string, snapshot: Snapshot, t: number) {
    this.delete(key)
    if (snapshot.bytes > this.maxBytes / 4) return
    this.entries.set(key, { snapshot, storedAt: t, auth })
    this.bytes += snapshot.bytes
    for (const [k, entry] of this.entries) if (t - entry.storedAt > this.ttlMs) this.delete(k)
    for (const k of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break
      this.delete(k)
    }
  }

  dropAuth(auth: string) {
    for (const [k, entry] of this.entries) if (entry.auth === auth) this.delete(k)
  }

  clear() {
    this.entries.clear()
    this.bytes = 0
  }

  private delete(key: string) {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.bytes -= entry.snapshot.bytes
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

/** How old an answer the client accepts, from its Cache-Control; 0 when it wants a fresh one. */
export function acceptedAgeSeconds(cacheControl: string | null): number {
  if (!cacheControl) return 0
  const directives = cacheControl
    .toLowerCase()
    .split(',')
    .map((d) => d.trim())
  if (directives.some((d) => d === 'no-cache' || d === 'no-store')) return 0
  for (const d of directives) {
    const match = /^max-age\s*=\s*"?(\d+)"?$/.exec(d)
    if (match) return Number(match[1])
  }
  return 0
}

function storable(headers: Headers): boolean {
  return !/(^|,)\s*no-store\s*(,|$)/i.test(headers.get('cache-control') ?? '')
}

function wholeNumber(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined
  return Number(value)
}

function retryAfterSeconds(value: string | null, t: number): number | undefined {
  const seconds = wholeNumber(value)
  if (seconds !== undefined) return seconds
  if (!value) return undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - t) / 1000))
}
