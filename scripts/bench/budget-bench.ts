// The request-budget half of the browser bench: what each screen asks of the platform under its 100-a-minute limit
// (CONTRACT §1), in real time against the sandbox with the limit on. Every measure starts a new rate-limit minute.
import type { Browser, BrowserContext, Page, Request } from '@playwright/test'
import { verdict, type Row } from './lib.ts'

const API = '/api/v2/buyer/'
const OWN = { 'X-Dashboard-Client': '1', 'Content-Type': 'application/json' }
/** An ordinary laptop screen. */
const LAPTOP = { width: 1366, height: 768 }
/** A cold open ends when no API request has been in flight or started for this long, or after COLD_MAX_MS. */
const QUIET_MS = 2_000
const COLD_MAX_MS = 10_000
const MINUTE_MS = 60_000
/** How long the scripted buyer looks at each screen before the next click. */
const DWELL_MS = 3_000

export interface BudgetBenchOptions {
  baseUrl: string
  campaignId: string
  /** Length of the scripted click-through session (BENCH_SESSION_MS). */
  sessionMs: number
  log: (line: string) => void
}

interface ScreenFigures {
  screen: string
  cold: number
  idle: number
  hidden: number
}

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
async function sandboxUsed(baseUrl: string): Promise<{ used: number; limit: number }> {
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
function watch(page: Page) {
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

type Watch = ReturnType<typeof watch>

function shortUrl(url: string): string {
  const u = new URL(url)
  return `${u.pathname.slice(API.length - 1).replace(/cmp_\w+/, '{id}')}${u.search}`
}

function describe(byUrl: Map<string, number>): string {
  return [...byUrl]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([url, n]) => `${url} ×${n}`)
    .join('; ')
}

async function untilQuiet(w: Watch, started: number) {
  while (Date.now() - started < COLD_MAX_MS) {
    if (w.inFlight === 0 && Date.now() - w.lastActivity >= QUIET_MS) return
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function hide(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
    document.dispatchEvent(new Event('visibilitychange'))
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: LAPTOP, baseURL })
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in the page callbacks in __name().
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  return context
}

/**
 * Each screen on its own: a cold open (navigation → network quiet), then a visible idle minute. The tab is then
 * hidden and its next minute counted alongside the following screens' measures (a hidden tab should send nothing).
 */
async function screens(browser: Browser, options: BudgetBenchOptions): Promise<ScreenFigures[]> {
  const list = [
    { screen: '/campaigns', path: '/campaigns' },
    { screen: '/needs-you', path: '/needs-you' },
    { screen: '/monitor', path: '/monitor' },
    { screen: 'campaign page', path: `/campaigns/${options.campaignId}` },
  ]
  const figures: ScreenFigures[] = []
  const hiddenDone: Promise<void>[] = []
  const contexts: BrowserContext[] = []
  for (const { screen, path } of list) {
    await newMinute(options.baseUrl)
    const context = await newContext(browser, options.baseUrl)
    contexts.push(context)
    const page = await context.newPage()
    const w = watch(page)
    const started = Date.now()
    await page.goto(path)
    await untilQuiet(w, started)
    const cold = w.count
    options.log(
      `  ${screen} cold open (${((Date.now() - started) / 1000).toFixed(1)} s): ${cold} — ${describe(w.byUrl)}`,
    )
    w.reset()
    await sleep(MINUTE_MS)
    const idle = w.count
    options.log(`  ${screen} idle minute: ${idle} — ${describe(w.byUrl)}`)
    if (w.throttled.length > 0) options.log(`  ${screen}: 429 for ${w.throttled.join('; ')}`)
    const figure: ScreenFigures = { screen, cold, idle, hidden: NaN }
    figures.push(figure)
    await hide(page)
    w.reset()
    hiddenDone.push(
      sleep(MINUTE_MS).then(() => {
        figure.hidden = w.count
        w.counting = false
        if (w.count > 0) options.log(`  ${screen} hidden minute: ${w.count} — ${describe(w.byUrl)}`)
      }),
    )
  }
  await Promise.all(hiddenDone)
  for (const context of contexts) await context.close()
  return figures
}

/**
 * Tabs of one browser context on /campaigns: what reached the sandbox while they opened, and in the following minute
 * (the polls, which the gateway may answer for both tabs from one upstream read), next to what the browser sent.
 */
async function tabs(browser: Browser, options: BudgetBenchOptions, count: number) {
  await newMinute(options.baseUrl)
  const context = await newContext(browser, options.baseUrl)
  const watches: Watch[] = []
  const opening = Date.now()
  for (let i = 0; i < count; i++) {
    const page = await context.newPage()
    watches.push(watch(page))
    await page.goto('/campaigns')
  }
  for (const w of watches) await untilQuiet(w, opening)
  const open = { used: (await sandboxUsed(options.baseUrl)).used, sent: sum(watches) }
  options.log(
    `  ${count} tab(s) on /campaigns, opening: sandbox ${open.used}, browser ${open.sent} — ${merged(watches)}`,
  )
  await newMinute(options.baseUrl)
  const started = Date.now()
  for (const w of watches) w.reset()
  // The sandbox's window is a rolling minute: read it just before the minute's first requests leave it.
  await sleep(MINUTE_MS - 1_000 - (Date.now() - started))
  const minute = { used: (await sandboxUsed(options.baseUrl)).used, sent: sum(watches) }
  options.log(
    `  ${count} tab(s) on /campaigns, next minute: sandbox ${minute.used}, browser ${minute.sent} — ${merged(watches)}`,
  )
  await context.close()
  return { open, minute }
}

const sum = (watches: Watch[]) => watches.reduce((total, w) => total + w.count, 0)

function merged(watches: Watch[]): string {
  const byUrl = new Map<string, number>()
  for (const w of watches) for (const [k, v] of w.byUrl) byUrl.set(k, (byUrl.get(k) ?? 0) + v)
  return describe(byUrl)
}

/** A buyer clicking through every screen of the large account, looping, for `sessionMs`: the 429s the browser saw. */
async function session(browser: Browser, options: BudgetBenchOptions) {
  await newMinute(options.baseUrl)
  const context = await newContext(browser, options.baseUrl)
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  const w = watch(page)
  const nav = page.getByRole('navigation', { name: 'Main' })
  const grid = page.getByRole('treegrid', { name: 'Campaigns' })
  const inbox = page.getByRole('listbox', { name: /^Needs you/ })
  const started = Date.now()
  let loops = 0
  let missed = 0
  const stepTo = async (label: string, act: () => Promise<unknown>) => {
    try {
      await act()
    } catch (error) {
      missed += 1
      options.log(
        `  session loop ${loops + 1}, ${label}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      )
    }
    await page.waitForTimeout(DWELL_MS)
  }
  await page.goto('/campaigns')
  const steps: [string, () => Promise<unknown>][] = [
    [
      'campaigns',
      async () => {
        if (loops > 0) await nav.getByRole('link', { name: 'Campaigns', exact: true }).click()
        await grid.locator('[data-status]').first().waitFor()
      },
    ],
    [
      'expand a campaign',
      async () => {
        await grid
          .getByRole('button', { name: /^Expand / })
          .nth(loops % 5)
          .click()
        await grid.locator('[role=row][aria-level="2"]').first().waitFor()
      },
    ],
    [
      'needs you',
      async () => {
        await nav.getByRole('link', { name: /^Needs you/ }).click()
        await inbox.getByRole('option').first().waitFor()
      },
    ],
    [
      'search',
      async () => {
        // Find a campaign the inbox lists, by the number in its name, as a buyer looking for one would.
        const text = await inbox
          .getByRole('option')
          .nth(loops % 5)
          .textContent()
        const name = /campaign \d+/i.exec(text ?? '')?.[0] ?? 'campaign 1'
        await page.getByRole('searchbox', { name: 'Find' }).fill(name)
        await inbox.getByRole('option').filter({ hasText: name }).first().waitFor()
      },
    ],
    [
      'monitor',
      async () => {
        await nav.getByRole('link', { name: 'Monitor' }).click()
        await page.getByRole('article').first().waitFor()
      },
    ],
    [
      'a campaign page',
      async () => {
        await page
          .getByRole('article')
          .nth(loops % 3)
          .getByRole('link')
          .first()
          .click()
        await page.getByRole('treegrid').first().waitFor()
      },
    ],
    [
      'back',
      async () => {
        await page.goBack()
        await page.getByRole('article').first().waitFor()
      },
    ],
  ]
  for (let i = 0; Date.now() - started < options.sessionMs; i++) {
    const [label, act] = steps[i % steps.length]
    await stepTo(label, act)
    if (i % steps.length === steps.length - 1) loops += 1
  }
  const elapsed = Date.now() - started
  await page.waitForTimeout(500)
  options.log(
    `  session ${(elapsed / 1000).toFixed(0)} s, ${loops} loops, ${missed} steps timed out: ${w.count} requests, ` +
      `${w.throttled.length} × 429${w.throttled.length > 0 ? ` — ${w.throttled.join('; ')}` : ''}`,
  )
  await context.close()
  return { elapsed, loops, missed, requests: w.count, throttled: w.throttled.length }
}

export async function budgetBench(browser: Browser, options: BudgetBenchOptions): Promise<Row[]> {
  options.log('  request budget: each screen cold, then a minute idle, then a minute hidden (real time)')
  const perScreen = await screens(browser, options)
  options.log('  request budget: tabs on /campaigns')
  const two = await tabs(browser, options, 2)
  const one = await tabs(browser, options, 1)
  options.log(`  request budget: a ${(options.sessionMs / 1000).toFixed(0)} s session through every screen`)
  const s = await session(browser, options)
  const rows: Row[] = []
  for (const f of perScreen) {
    rows.push({
      measure: `API requests, ${f.screen}: cold open (until network quiet)`,
      value: String(f.cold),
      target: '≤ 25',
      verdict: verdict(f.cold, 25),
    })
    rows.push({
      measure: `API requests, ${f.screen}: idle minute, tab visible`,
      value: String(f.idle),
      target: '≤ 20/min',
      verdict: verdict(f.idle, 20),
    })
    rows.push({
      measure: `API requests, ${f.screen}: minute with the tab hidden`,
      value: String(f.hidden),
      target: '0',
      verdict: verdict(f.hidden, 0),
    })
  }
  rows.push({
    measure: 'requests reaching the sandbox, /campaigns opening: two tabs / one tab',
    value: `${two.open.used} / ${one.open.used} (browser sent ${two.open.sent} / ${one.open.sent})`,
  })
  rows.push({
    measure: 'requests reaching the sandbox, /campaigns the next minute: two tabs / one tab',
    value: `${two.minute.used} / ${one.minute.used} (browser sent ${two.minute.sent} / ${one.minute.sent})`,
    target: 'two ≈ one',
  })
  rows.push({
    measure: `429s seen by the browser, ${(s.elapsed / 60_000).toFixed(1)} min click-through (${s.loops} loops)`,
    value: `${s.throttled} of ${s.requests} requests${s.missed > 0 ? `; ${s.missed} steps timed out` : ''}`,
    target: '0',
    verdict: verdict(s.throttled, 0),
  })
  return rows
}
