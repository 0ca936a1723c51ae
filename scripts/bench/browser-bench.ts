// The browser half of npm run bench: the production build in headless Chromium against the seeded sandbox.
// Every measure runs in a fresh browser context (cold HTTP cache, new JS heap) several times; we print medians.
import { existsSync, readFileSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { budgetBench, newMinute } from './budget-bench.ts'
import { median, verdict, type Row } from './lib.ts'

export const BASELINE_DIR = 'dist-bench'

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
/** An ordinary laptop screen. */
const LAPTOP = { width: 1366, height: 768 }
/** Tall enough that the list's first 50 rows are all on screen, so all 50 must have their badges. */
const TALL = { width: 1366, height: 4200 }

export interface BrowserBenchOptions {
  baseUrl: string
  largeCampaignId: string
  /** A campaign with no buy in flight (D4: about one detail GET a minute). */
  idleCampaignId: string
  /** A campaign with a buy PENDING_APPROVAL (D4: about every 15 s). */
  pendingCampaignId: string
  runs: number
  /** Length of the scripted click-through session of the request-budget measures. */
  sessionMs: number
  log: (line: string) => void
}

interface Figures {
  listTall: { ms: number; jsGzip: number; cssGzip: number; heapMb: number; files: string[] }[]
  listLaptop: number[]
  expand: { ms: number; domRows: number; modelRows: number; heapMb: number }[]
  scroll: ScrollFigures[]
  baseRender: { ms: number; domRows: number; heapMb: number }[]
  baseScroll: ScrollFigures[]
  dialog: number[]
  requests: { idle: number; pending: number; hidden: number; breakdown: Record<string, number> }[]
}

interface ScrollFigures {
  longest: number
  over50: number
  dropped: number
  frames: number
  domRowsMax: number
}

export async function browserBench(options: BrowserBenchOptions): Promise<Row[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: LAUNCH_ARGS,
  })
  const f: Figures = {
    listTall: [],
    listLaptop: [],
    expand: [],
    scroll: [],
    baseRender: [],
    baseScroll: [],
    dialog: [],
    requests: [],
  }
  try {
    for (let run = 1; run <= options.runs; run++) {
      options.log(`  browser run ${run}/${options.runs}`)
      // The sandbox enforces its limit here: each measure starts on a new rate-limit minute.
      const fresh = () => newMinute(options.baseUrl)
      await fresh()
      f.listTall.push(await firstScreen(browser, options.baseUrl, TALL, 50))
      await fresh()
      f.listLaptop.push((await firstScreen(browser, options.baseUrl, LAPTOP, 0)).ms)
      await fresh()
      const expanded = await expandAndScroll(browser, options)
      f.expand.push(expanded.expand)
      f.scroll.push(expanded.scroll)
      await fresh()
      const base = await baseline(browser, options)
      f.baseRender.push(base.render)
      f.baseScroll.push(base.scroll)
      await fresh()
      f.dialog.push(await editDialog(browser, options))
      await fresh()
      f.requests.push(await requestRates(browser, options))
    }
    const budget = await budgetBench(browser, {
      baseUrl: options.baseUrl,
      campaignId: options.pendingCampaignId,
      sessionMs: options.sessionMs,
      log: options.log,
    })
    return [...rowsOf(f, options.runs), ...budget]
  } finally {
    await browser.close()
  }
}

// ——— measures ———

const rowsSelector = '[role=treegrid] [role=row]'

/** Navigation → the list's first `want` rows (or, with 0, every row on screen) carry their roll-up badge. */
async function firstScreen(browser: Browser, baseUrl: string, viewport: typeof LAPTOP, want: number) {
  const context = await newContext(browser, viewport, baseUrl)
  const page = await context.newPage()
  const bodies: Promise<{ url: string; body: Buffer } | null>[] = []
  let collecting = true
  page.on('response', (response) => {
    if (!collecting) return
    const path = new URL(response.url()).pathname
    if (!/\.(js|css)$/.test(path)) return
    bodies.push(
      response.body().then(
        (body) => ({ url: path, body }),
        () => null,
      ),
    )
  })
  await page.goto('/campaigns')
  const handle = await page.waitForFunction(
    (wanted: number) => {
      const rows = [
        ...document.querySelectorAll<HTMLElement>('[role=treegrid][aria-label="Campaigns"] [role=row][aria-level="1"]'),
      ]
      const onScreen = (el: Element) => {
        const box = el.getBoundingClientRect()
        return box.bottom > 0 && box.top < window.innerHeight
      }
      const needed = wanted > 0 ? rows.slice(0, wanted) : rows.filter(onScreen)
      if (needed.length === 0 || needed.length < wanted) return false
      if (!needed.every((r) => r.querySelector('[data-rollup] [data-status]'))) return false
      // On a laptop screen: no status placeholder left anywhere in the viewport either.
      if (wanted === 0 && [...document.querySelectorAll('[data-status-loading]')].some(onScreen)) return false
      return performance.now()
    },
    want,
    { polling: 'raf', timeout: 30_000 },
  )
  const ms = Number(await handle.jsonValue())
  collecting = false
  let jsGzip = 0
  let cssGzip = 0
  const files: string[] = []
  for (const item of await Promise.all(bodies)) {
    if (!item) continue
    const size = gzipSync(item.body, { level: 9 }).byteLength
    files.push(`${item.url.replace(/^.*\//, '')} ${(size / 1024).toFixed(1)}`)
    if (item.url.endsWith('.css')) cssGzip += size
    else jsGzip += size
  }
  const heapMb = await heapUsedMb(context, page)
  await context.close()
  return { ms, jsGzip, cssGzip, heapMb, files }
}

async function waitForTree(page: Page) {
  await page.locator(`${rowsSelector}[aria-level="1"]`).first().waitFor({ timeout: 30_000 })
}

/** Click "Expand all" on the 50 × 40 campaign → rows painted; then scroll the whole tree for ~3 s. */
async function expandAndScroll(browser: Browser, options: BrowserBenchOptions) {
  const context = await newContext(browser, LAPTOP, options.baseUrl)
  const page = await context.newPage()
  await page.goto(`/campaigns/${options.largeCampaignId}`)
  await waitForTree(page)
  await settle(page)
  const result = await page.evaluate(async () => {
    const raf = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Expand all')
    if (!button) throw new Error('no "Expand all" button')
    const started = performance.now()
    button.click()
    for (;;) {
      await raf()
      if (document.querySelector('[role=treegrid] [role=row][aria-level="2"]')) break
      if (performance.now() - started > 20_000) throw new Error('expand-all did not render within 20 s')
    }
    // The frame that drew the rows has been presented once the next one starts.
    await raf()
    const ms = performance.now() - started
    const grid = document.querySelector('[role=treegrid]')
    return {
      ms,
      domRows: document.querySelectorAll('[role=row]').length,
      modelRows: Number(grid?.getAttribute('aria-rowcount') ?? 0) - 1,
    }
  })
  const heapMb = await heapUsedMb(context, page)
  const scroll = await scrollFrames(page, `[role=row]`)
  await context.close()
  return { expand: { ...result, heapMb }, scroll }
}

/** The same 2,050 rows, same cells, in a plain non-virtualized React table (scripts/bench/baseline). */
async function baseline(browser: Browser, options: BrowserBenchOptions) {
  const context = await newContext(browser, LAPTOP, options.baseUrl)
  await serveBaseline(context, options.baseUrl)
  const page = await context.newPage()
  await page.goto(`/__bench/index.html?campaign=${options.largeCampaignId}`)
  await page.waitForFunction(() => window.benchRender !== undefined || window.benchError !== undefined, undefined, {
    timeout: 30_000,
  })
  const error = await page.evaluate(() => window.benchError)
  if (error) throw new Error(`baseline page: ${error}`)
  await settle(page)
  const render = await page.evaluate(async () => {
    const raf = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))
    const started = performance.now()
    window.benchRender?.()
    for (;;) {
      await raf()
      if (document.querySelector('[data-bench-row]')) break
      if (performance.now() - started > 60_000) throw new Error('the baseline did not render within 60 s')
    }
    await raf()
    return { ms: performance.now() - started, domRows: document.querySelectorAll('[data-bench-row]').length }
  })
  const heapMb = await heapUsedMb(context, page)
  const scroll = await scrollFrames(page, '[data-bench-row]')
  await context.close()
  return { render: { ...render, heapMb }, scroll }
}

async function serveBaseline(context: BrowserContext, baseUrl: string) {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
  await context.route(`${baseUrl}/__bench/**`, async (route) => {
    const path = normalize(new URL(route.request().url()).pathname.replace(/^\/__bench\//, '')).replace(
      /^(\.\.[/\\])+/,
      '',
    )
    const file = join(BASELINE_DIR, path || 'index.html')
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' })
    return route.fulfill({
      status: 200,
      body: readFileSync(file),
      contentType: types[extname(file)] ?? 'application/octet-stream',
    })
  })
}

/** Scrolls the window 60 px a frame for ~3 s, sampling frame times with rAF (60 Hz: 16.7 ms a frame). */
async function scrollFrames(page: Page, rowSelector: string): Promise<ScrollFigures> {
  await page.evaluate(() => window.scrollTo(0, 0))
  await settle(page)
  return page.evaluate(async (selector: string) => {
    const deltas: number[] = []
    let domRowsMax = 0
    await new Promise<void>((resolve) => {
      let last = 0
      let start = 0
      const tick = (t: number) => {
        deltas.push(t - last)
        last = t
        domRowsMax = Math.max(domRowsMax, document.querySelectorAll(selector).length)
        window.scrollBy(0, 60)
        if (t - start < 3_000) requestAnimationFrame(tick)
        else resolve()
      }
      requestAnimationFrame((t) => {
        last = t
        start = t
        requestAnimationFrame(tick)
      })
    })
    const frame = 1000 / 60
    return {
      longest: Math.max(...deltas),
      over50: deltas.filter((d) => d > 50).length,
      dropped: deltas.reduce((sum, d) => sum + Math.max(0, Math.round(d / frame) - 1), 0),
      frames: deltas.length,
      domRowsMax,
    }
  }, rowSelector)
}

// Buys whose budget can be edited; the tree lists the most restrictive first, so the first screen has INPUT_REQUIRED ones.
const EDITABLE = ':is([data-status="ACTIVE"], [data-status="INPUT_REQUIRED"], [data-status="PAUSED"])'

/** Actions for <an editable buy> → "Edit budget and pacing" → the dialog's first field can take input. */
async function editDialog(browser: Browser, options: BrowserBenchOptions): Promise<number> {
  const context = await newContext(browser, LAPTOP, options.baseUrl)
  const page = await context.newPage()
  await page.goto(`/campaigns/${options.largeCampaignId}`)
  await waitForTree(page)
  const row = page
    .locator(`${rowsSelector}[aria-level="1"]`)
    .filter({ has: page.locator(EDITABLE) })
    .first()
  // The tree is virtualized and the 50 × 40 campaign lists its 10 FAILED/REJECTED buys first, so on a laptop screen
  // the first editable buy is not rendered yet: bring the last rendered buy to the top until one is.
  for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
    await page.evaluate(
      (selector) =>
        new Promise<number>((resolve) => {
          ;[...document.querySelectorAll(selector)].at(-1)?.scrollIntoView({ block: 'start' })
          requestAnimationFrame(() => requestAnimationFrame(resolve))
        }),
      `${rowsSelector}[aria-level="1"]`,
    )
  }
  await row.getByRole('button', { name: /^Actions for / }).click()
  await page.waitForFunction(() =>
    [...document.querySelectorAll('ul:not([hidden]) button')].some((b) =>
      b.textContent?.startsWith('Edit budget and pacing'),
    ),
  )
  await settle(page)
  const ms = await page.evaluate(async () => {
    const raf = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))
    const item = [...document.querySelectorAll<HTMLButtonElement>('ul:not([hidden]) button')].find(
      (b) => b.textContent?.startsWith('Edit budget and pacing') && !b.hasAttribute('aria-disabled'),
    )
    if (!item) throw new Error('no "Edit budget and pacing" item')
    const started = performance.now()
    item.click()
    const fields =
      '[role=dialog] input:not([disabled]), [role=dialog] select:not([disabled]), [role=dialog] textarea:not([disabled])'
    for (;;) {
      await raf()
      const field = document.querySelector<HTMLElement>(fields)
      if (field && field.getClientRects().length > 0) break
      if (performance.now() - started > 20_000) throw new Error('the dialog did not open within 20 s')
    }
    await raf()
    return performance.now() - started
  })
  await context.close()
  return ms
}

const MINUTES = 3

/** /api requests per minute from one open campaign page, with timers fast-forwarded by Playwright's clock. */
async function requestRates(browser: Browser, options: BrowserBenchOptions) {
  const breakdown: Record<string, number> = {}
  const measure = async (campaignId: string, hide: boolean) => {
    const context = await newContext(browser, LAPTOP, options.baseUrl)
    const page = await context.newPage()
    await page.clock.install()
    let count = 0
    let counting = false
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname
      if (!counting || !path.startsWith('/api/')) return
      count++
      const key = `${hide ? 'hidden' : campaignId === options.idleCampaignId ? 'idle' : 'pending'} ${request.method()} ${path.replace(/cmp_\w+/, '{id}')}`
      breakdown[key] = (breakdown[key] ?? 0) + 1
    })
    await page.goto(`/campaigns/${campaignId}`)
    await waitForTree(page)
    await page.waitForLoadState('networkidle')
    if (hide) {
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
        document.dispatchEvent(new Event('visibilitychange'))
      })
    }
    counting = true
    // Small steps with a little real time between them, so answers arrive and the next interval is armed.
    for (let s = 0; s < (MINUTES * 60) / 5; s++) {
      await page.clock.runFor(5_000)
      await page.waitForTimeout(40)
    }
    await page.waitForTimeout(200)
    counting = false
    await context.close()
    return count / MINUTES
  }
  const idle = await measure(options.idleCampaignId, false)
  const pending = await measure(options.pendingCampaignId, false)
  const hidden = await measure(options.pendingCampaignId, true)
  return { idle, pending, hidden, breakdown }
}

// ——— helpers ———

async function newContext(browser: Browser, viewport: typeof LAPTOP, baseURL: string) {
  const context = await browser.newContext({ viewport, baseURL })
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in the page callbacks in __name().
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  return context
}

async function settle(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300))),
      ),
  )
}

async function heapUsedMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  await cdp.detach()
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024
}

const ms = (v: number) => `${v.toFixed(0)} ms`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const spread = (values: number[], format: (v: number) => string) =>
  `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`
const ratio = (ours: number, base: number) => (base > 0 ? `${(ours / base).toFixed(2)}× baseline` : '')

function rowsOf(f: Figures, runs: number): Row[] {
  const med = (values: number[]) => median(values)
  const js = f.listTall.map((r) => r.jsGzip)
  const css = f.listTall.map((r) => r.cssGzip)
  const list = f.listTall.map((r) => r.ms)
  const expand = f.expand.map((r) => r.ms)
  const base = f.baseRender.map((r) => r.ms)
  const longest = f.scroll.map((s) => s.longest)
  const baseLongest = f.baseScroll.map((s) => s.longest)
  const dropped = f.scroll.map((s) => s.dropped)
  const baseDropped = f.baseScroll.map((s) => s.dropped)
  const idle = f.requests.map((r) => r.idle)
  const pending = f.requests.map((r) => r.pending)
  const hidden = f.requests.map((r) => r.hidden)
  const breakdown = Object.entries(f.requests[0]?.breakdown ?? {})
    .map(([k, v]) => `${k} ×${(v / MINUTES).toFixed(1)}/min`)
    .sort()
  return [
    {
      measure: `first screen: JS shipped, gzip (median of ${runs})`,
      value: kb(med(js)),
      target: '≤ 180 KB',
      verdict: verdict(med(js) / 1024, 180),
    },
    { measure: 'first screen: CSS shipped, gzip', value: kb(med(css)) },
    { measure: '  files (run 1), KB gzip', value: (f.listTall[0]?.files ?? []).join('; ') },
    {
      measure: 'navigation → first 50 list rows with badges (all on screen)',
      value: spread(list, ms),
      target: '≤ 1000 ms',
      verdict: verdict(med(list), 1000),
    },
    {
      measure: 'navigation → every list row on a 1366×768 screen with its badge (no placeholder in view)',
      value: spread(f.listLaptop, ms),
      target: '≤ 1000 ms',
      verdict: verdict(med(f.listLaptop), 1000),
    },
    {
      measure: 'expand all 50×40 → rows painted',
      value: `${spread(expand, ms)}; ${ratio(med(expand), med(base))}`,
      target: '≤ 100 ms',
      verdict: verdict(med(expand), 100),
    },
    {
      measure: 'expand all: DOM rows present / rows in the tree',
      value: `${med(f.expand.map((r) => r.domRows))} / ${med(f.expand.map((r) => r.modelRows))} (max while scrolling ${med(f.scroll.map((s) => s.domRowsMax))})`,
      target: 'bounded by viewport',
    },
    {
      measure: 'scroll tree 3 s: longest frame',
      value: `${spread(longest, ms)}; ${ratio(med(longest), med(baseLongest))}`,
      target: '≤ 50 ms',
      verdict: verdict(med(longest), 50),
    },
    {
      measure: 'scroll tree 3 s: frames > 50 ms / dropped (60 Hz) / frames',
      value: `${med(f.scroll.map((s) => s.over50))} / ${med(dropped)} / ${med(f.scroll.map((s) => s.frames))}`,
      target: '0 over 50 ms',
      verdict: verdict(med(f.scroll.map((s) => s.over50)), 0),
    },
    {
      measure: 'edit dialog (budget and pacing) → first field enabled',
      value: spread(f.dialog, ms),
      target: '≤ 100 ms',
      verdict: verdict(med(f.dialog), 100),
    },
    {
      measure: `requests/min, campaign page idle (${MINUTES} min fast-forwarded)`,
      value: med(idle).toFixed(1),
      target: 'D4: ~1 detail/min',
    },
    {
      measure: 'requests/min, campaign page with buys pending',
      value: med(pending).toFixed(1),
      target: 'D4: ~4 detail + ≤2 status',
    },
    {
      measure: 'requests/min, tab hidden',
      value: med(hidden).toFixed(1),
      target: '0',
      verdict: verdict(med(hidden), 0),
    },
    { measure: '  per endpoint (run 1)', value: breakdown.join('; ') },
    {
      measure: 'JS heap used: list loaded (first 50 rows with badges)',
      value: `${med(f.listTall.map((r) => r.heapMb)).toFixed(1)} MB`,
    },
    {
      measure: 'JS heap used: 50×40 campaign expanded',
      value: `${med(f.expand.map((r) => r.heapMb)).toFixed(1)} MB; ${ratio(med(f.expand.map((r) => r.heapMb)), med(f.baseRender.map((r) => r.heapMb)))}`,
    },
    {
      measure: 'baseline (plain table, same 2,050 rows): render → painted',
      value: `${spread(base, ms)}; ${med(f.baseRender.map((r) => r.domRows))} DOM rows`,
    },
    {
      measure: 'baseline: scroll longest frame / frames > 50 ms / dropped',
      value: `${ms(med(baseLongest))} / ${med(f.baseScroll.map((s) => s.over50))} / ${med(baseDropped)}`,
    },
    { measure: 'baseline: JS heap used', value: `${med(f.baseRender.map((r) => r.heapMb)).toFixed(1)} MB` },
  ]
}
