import { createChangeSource, useExternal } from '@/lib/external-store'

// The platform allows 100 requests a minute per IP, shared by every tab and every colleague behind our server
// (CONTRACT §1). Each response says what is left of it (RateLimit-Remaining / RateLimit-Reset); this module keeps the
// latest word and decides when a request may go:
// - 'user': what the buyer just asked for (a change, a page's own data, Refresh). Waits only for a 429's Retry-After.
// - 'screen': details of what is on screen now (visible rows, tiles, inbox items), in the order asked.
// - 'background': list pages below the fold and the like, after everything on screen.
// 'screen' and 'background' run a few at a time and hold back while the shared budget is nearly spent, so the buyer's
// own actions always find room. The held requests are what the screen reports ("Loading 40 more campaigns…").

export type RequestLane = 'user' | 'screen' | 'background'

/** Requests of the shared budget kept for the buyer's own actions. */
export const USER_RESERVE = 15
/** 'screen' and 'background' requests in flight at once: a browser's six connections to one host, less the buyer's. */
export const MAX_IN_FLIGHT = 5

interface Waiter {
  lane: Exclude<RequestLane, 'user'>
  label: string
  start: () => void
  heldByBudget: boolean
}

interface BudgetState {
  limit: number | null
  remaining: number | null
  /** When the platform's window frees requests again (ms epoch). */
  resetAt: number
}

export interface RequestBudgetSnapshot {
  /** Requests held back to stay under the platform's limit, by what they load. */
  held: ReadonlyMap<string, number>
  heldTotal: number
  /** Requests of the same kinds done since the hold began: the progress shown next to the notice. */
  doneSinceHold: number
  resumesAt: number | null
  limit: number | null
  remaining: number | null
}

let budget: BudgetState = { limit: null, remaining: null, resetAt: 0 }
let inFlight = 0
let doneSinceHold = 0
const queue: Waiter[] = []
let timer: ReturnType<typeof setTimeout> | undefined
let snapshot: RequestBudgetSnapshot = emptySnapshot()
const changes = createChangeSource()

function emptySnapshot(): RequestBudgetSnapshot {
  return { held: new Map(), heldTotal: 0, doneSinceHold: 0, resumesAt: null, limit: null, remaining: null }
}

function budgetSpent(now: number): boolean {
  return budget.remaining !== null && budget.remaining <= USER_RESERVE && now < budget.resetAt
}

/** Reads the platform's RateLimit-* headers from any response (ours or the gateway's view of the upstream). */
export function noteRateLimitHeaders(headers: Headers, now = Date.now()): void {
  const remaining = Number(headers.get('RateLimit-Remaining'))
  const reset = Number(headers.get('RateLimit-Reset'))
  const limit = Number(headers.get('RateLimit-Limit'))
  if (!headers.has('RateLimit-Remaining') || !Number.isFinite(remaining)) return
  budget = {
    limit: Number.isFinite(limit) && headers.has('RateLimit-Limit') ? limit : budget.limit,
    remaining,
    resetAt: now + (Number.isFinite(reset) ? Math.max(0, reset) : 60) * 1000,
  }
  pump()
}

/**
 * Waits for a turn in `lane`; resolves with the function to call when the request is done. A waiter whose signal
 * aborts (the row scrolled away, the screen closed) leaves the queue and costs nothing.
 */
export function acquireRequestSlot(lane: RequestLane, label: string, signal?: AbortSignal): Promise<() => void> {
  if (lane === 'user') {
    spend()
    return Promise.resolve(() => {})
  }
  return new Promise((resolve, reject) => {
    const waiter: Waiter = {
      lane,
      label,
      heldByBudget: false,
      start: () => {
        signal?.removeEventListener('abort', onAbort)
        inFlight += 1
        spend()
        let released = false
        resolve(() => {
          if (released) return
          released = true
          inFlight -= 1
          if (snapshot.heldTotal > 0 || queue.length > 0) doneSinceHold += 1
          pump()
        })
      },
    }
    const onAbort = () => {
      const at = queue.indexOf(waiter)
      if (at >= 0) queue.splice(at, 1)
      publish()
      reject(signal?.reason)
    }
    if (signal?.aborted) return reject(signal.reason)
    signal?.addEventListener('abort', onAbort, { once: true })
    // Screen work goes before background work; within a lane, first come first served.
    const at = lane === 'screen' ? queue.findIndex((w) => w.lane === 'background') : -1
    if (at === -1) queue.push(waiter)
    else queue.splice(at, 0, waiter)
    pump()
  })
}

// A request counts against the budget as it leaves; the next response corrects the figure.
function spend() {
  if (budget.remaining !== null) budget = { ...budget, remaining: budget.remaining - 1 }
}

function pump(now = Date.now()) {
  clearTimeout(timer)
  timer = undefined
  while (queue.length > 0 && inFlight < MAX_IN_FLIGHT && !budgetSpent(now)) queue.shift()!.start()
  const spent = queue.length > 0 && budgetSpent(now)
  for (const w of queue) w.heldByBudget = spent
  if (spent) timer = setTimeout(() => pump(), Math.max(50, budget.resetAt - now + 50))
  if (queue.length === 0) doneSinceHold = 0
  publish()
}

function publish() {
  const held = new Map<string, number>()
  for (const w of queue) if (w.heldByBudget) held.set(w.label, (held.get(w.label) ?? 0) + 1)
  const heldTotal = [...held.values()].reduce((a, b) => a + b, 0)
  const next: RequestBudgetSnapshot = {
    held,
    heldTotal,
    doneSinceHold: heldTotal > 0 ? doneSinceHold : 0,
    resumesAt: heldTotal > 0 ? budget.resetAt : null,
    limit: budget.limit,
    remaining: budget.remaining,
  }
  const same =
    next.heldTotal === snapshot.heldTotal &&
    next.doneSinceHold === snapshot.doneSinceHold &&
    next.resumesAt === snapshot.resumesAt &&
    next.remaining === snapshot.remaining &&
    [...held].every(([k, v]) => snapshot.held.get(k) === v)
  if (same) return
  snapshot = next
  changes.notify()
}

export function requestBudgetSnapshot(): RequestBudgetSnapshot {
  return snapshot
}

export function useRequestBudget(): RequestBudgetSnapshot {
  return useExternal(changes, requestBudgetSnapshot)
}

/** Tests start from an unknown budget and an empty queue. */
export function resetRequestBudget(): void {
  clearTimeout(timer)
  timer = undefined
  budget = { limit: null, remaining: null, resetAt: 0 }
  inFlight = 0
  doneSinceHold = 0
  queue.length = 0
  snapshot = emptySnapshot()
  changes.notify()
}
