import { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import { ApiError } from './errors.ts'
import { fail } from './respond.ts'

// CONTRACT §1: the platform allows a number of requests per rolling minute per client IP and says where a client
// stands in RateLimit-* headers on every answer. A rolling log (not a fixed window) so a burst at a minute's edge
// cannot pass twice the limit.

export const RATE_WINDOW_MS = 60_000
const SHARED_CLIENT = 'shared'
// Buckets of clients that went quiet are swept once there are this many, so distinct IPs cannot grow memory unbounded.
const SWEEP_AT_BUCKETS = 1_000

export interface RateLimitOptions {
  /** Requests per window; 0 turns the limit off. */
  limit: number
  windowMs?: number
  now?: () => number
}

export interface RateDecision {
  allowed: boolean
  limit: number
  remaining: number
  /** Seconds until the window frees a slot (0 when nothing is in the window). */
  resetSeconds: number
  /** Set when refused: whole seconds, at least 1. */
  retryAfterSeconds?: number
}

export interface RateLimitState {
  limit: number
  configuredLimit: number
  windowSeconds: number
  clients: { client: string; used: number; remaining: number; resetSeconds: number }[]
}

export interface RateLimiter {
  /** Counts one request of a client and says whether it may pass. */
  take(client: string): RateDecision
  middleware: MiddlewareHandler
  state(): RateLimitState
  /** Changes the limit until the next reset (0 turns it off). */
  setLimit(limit: number): void
  /** Empties every bucket and restores the configured limit. */
  reset(): void
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const windowMs = options.windowMs ?? RATE_WINDOW_MS
  const now = options.now ?? (() => Date.now())
  const configuredLimit = options.limit
  let limit = configuredLimit
  // Per client, the times of its counted requests, oldest first.
  const buckets = new Map<string, number[]>()

  const live = (client: string, at: number): number[] => {
    const times = buckets.get(client) ?? []
    let expired = 0
    while (expired < times.length && times[expired] <= at - windowMs) expired++
    if (expired > 0) times.splice(0, expired)
    return times
  }
  const secondsUntilFree = (times: number[], at: number) =>
    times.length === 0 ? 0 : Math.max(1, Math.ceil((times[0] + windowMs - at) / 1000))

  const sweep = (at: number) => {
    for (const client of [...buckets.keys()]) if (live(client, at).length === 0) buckets.delete(client)
  }

  const take = (client: string): RateDecision => {
    const at = now()
    const times = live(client, at)
    if (times.length >= limit) {
      const wait = secondsUntilFree(times, at)
      return { allowed: false, limit, remaining: 0, resetSeconds: wait, retryAfterSeconds: Math.max(1, wait) }
    }
    if (!buckets.has(client)) {
      if (buckets.size >= SWEEP_AT_BUCKETS) sweep(at)
      buckets.set(client, times)
    }
    times.push(at)
    return { allowed: true, limit, remaining: limit - times.length, resetSeconds: secondsUntilFree(times, at) }
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    if (limit <= 0) return next()
    const decision = take(clientOf(c))
    if (!decision.allowed) {
      const refused = fail(c, new ApiError(429, 'RATE_LIMITED', `Rate limit exceeded: ${limit} requests per minute`))
      setRateHeaders(refused.headers, decision)
      refused.headers.set('Retry-After', String(decision.retryAfterSeconds))
      return refused
    }
    await next()
    setRateHeaders(c.res.headers, decision)
  }

  return {
    take,
    middleware,
    state: () => {
      const at = now()
      sweep(at)
      return {
        limit,
        configuredLimit,
        windowSeconds: windowMs / 1000,
        clients: [...buckets].map(([client, times]) => ({
          client,
          used: times.length,
          remaining: Math.max(0, limit - times.length),
          resetSeconds: secondsUntilFree(times, at),
        })),
      }
    },
    setLimit: (next) => {
      limit = next
    },
    reset: () => {
      buckets.clear()
      limit = configuredLimit
    },
  }
}

function setRateHeaders(headers: Headers, decision: RateDecision) {
  headers.set('RateLimit-Limit', String(decision.limit))
  headers.set('RateLimit-Remaining', String(decision.remaining))
  headers.set('RateLimit-Reset', String(decision.resetSeconds))
}

/** The client's IP when the request came over a socket; requests handed in without one (tests) share a bucket. */
function clientOf(c: Context): string {
  const env: unknown = c.env
  if (typeof env === 'object' && env !== null && 'incoming' in env && env.incoming instanceof IncomingMessage)
    return env.incoming.socket.remoteAddress ?? SHARED_CLIENT
  return SHARED_CLIENT
}
