// The gateway's view of the platform's rate-limit window (server/gateway.ts).

export interface BudgetView {
  limit: number
  remaining: number
  /** Seconds until the window frees a slot (0 when nothing is in it). */
  resetSeconds: number
}

interface Slot {
  expiresAt: number
  /** Order of sending; 0 for slots the platform reported that we did not send. */
  seq: number
}

/** Our view of the platform's rolling window: what we sent, corrected by what the platform says it counted. */
export class UpstreamBudget {
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
