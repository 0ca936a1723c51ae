// The gateway's short cache: a client may accept a recent answer for its own key (server/gateway.ts).

/** A buffered answer: what the gateway stores and replays. */
export interface Snapshot {
  status: number
  statusText: string
  headers: [string, string][]
  body: Uint8Array | null
  bytes: number
}

interface CacheEntry {
  snapshot: Snapshot
  storedAt: number
  auth: string
}

/** Recent 200 answers per key and target; least recently used first out, none older than the TTL. */
export class ResponseCache {
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

export function storable(headers: Headers): boolean {
  return !/(^|,)\s*no-store\s*(,|$)/i.test(headers.get('cache-control') ?? '')
}
