import type { Browser, BrowserContext, Page, Request } from '@playwright/test'

const API = '/api/v2/buyer/'
const OWN = { 'X-Dashboard-Client': '1', 'Content-Type': 'application/json' }
/** An ordinary laptop screen. */
const LAPTOP = { width: 1366, height: 768 }
/** A cold open ends when no API request has been in flight or started for this long, or after COLD_MAX_MS. */
const QUIET_MS = 2_000
const COLD_MAX_MS = 10_000

/** Starts a new rate-limit minute at the sandbox (and empties the gateway's view of it). */
export async function newMinute(baseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl}/sandbox/rate-limit`, {
    method: 'POST',
    headers: OWN,
    body: JSON.stringify({ clear: true }),
  })
  if (!res.ok) throw new Error(`POST /sandbox/rate-limit answered ${res.status}`)
}

/** Requests the sandbox counted in its current rolling minute, all clients. */
export async function sandboxUsed(baseUrl: string): Promise<{ used: number; limit: number }> {
  const res = await fetch(`${baseUrl}/sandbox/rate-limit`)
  const body = (await res.json()) as { data?: RateState } & RateState
  const state = body.data ?? body
  return { used: state.clients.reduce((sum, c) => sum + c.used, 0), limit: state.limit }
}

interface RateState {
  limit: number
  clients: { used: number }[]
}

/** Counts a page's buyer-API requests, by URL, while `counting`; tracks what is in flight for "network quiet". */
export function watch(page: Page) {
  const w = {
    counting: true,
    count: 0,
    inFlight: 0,
    lastActivity: Date.now(),
    throttled: [] as string[],
    byUrl: new Map<string, number>(),
    reset() {
      w.count = 0
      w.byUrl = new Map()
    },
  }
  const isApi = (r: Request) => new URL(r.url()).pathname.startsWith(API)
  const done = (r: Request) => {
    if (!isApi(r)) return
    w.inFlight = Math.max(0, w.inFlight - 1)
    w.lastActivity = Date.now()
  }
  page.on('request', (r) => {
    if (!isApi(r)) return
    w.inFlight += 1
    w.lastActivity = Date.now()
    if (!w.counting) return
    w.count += 1
    const key = `${r.method()} ${shortUrl(r.url())}`
    w.byUrl.set(key, (w.byUrl.get(key) ?? 0) + 1)
  })
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  page.on('response', (r) => {
    if (isApi(r.request()) && r.status() === 429) w.throttled.push(`${r.request().method()} ${shortUrl(r.url())}`)
  })
  return w
}

export type Watch = ReturnType<typeof watch>

function shortUrl(url: string): string {
  const u = new URL(url)
  return `${u.pathname.slice(API.length - 1).replace(/cmp_\w+/, '{id}')}${u.search}`
}

export function describe(byUrl: Map<string, number>): string {
  return [...byUrl]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([url, n]) => `${url} ×${n}`)
    .join('; ')
}

export async function untilQuiet(w: Watch, started: number) {
  while (Date.now() - started < COLD_MAX_MS) {
    if (w.inFlight === 0 && Date.now() - w.lastActivity >= QUIET_MS) return
    await new Promise((r) => setTimeout(r, 100))
  }
}

export async function hide(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
    document.dispatchEvent(new Event('visibilitychange'))
  })
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: LAPTOP, baseURL })
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in the page callbacks in __name().
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  return context
}
