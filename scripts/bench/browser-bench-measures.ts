import { existsSync, readFileSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import type { BrowserBenchOptions } from './browser-bench.ts'
import { LAPTOP, heapUsedMb, newContext, scrollFrames, settle } from './browser-bench-page.ts'

export const BASELINE_DIR = 'dist-bench'

const rowsSelector = '[role=treegrid] [role=row]'

/** Navigation → the list's first `want` rows (or, with 0, every row on screen) carry their roll-up badge. */
export async function firstScreen(browser: Browser, baseUrl: string, viewport: typeof LAPTOP, want: number) {
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
export async function expandAndScroll(browser: Browser, options: BrowserBenchOptions) {
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
export async function baseline(browser: Browser, options: BrowserBenchOptions) {
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

// Buys whose budget can be edited; the tree lists the most restrictive first, so the first screen has INPUT_REQUIRED ones.
const EDITABLE = ':is([data-status="ACTIVE"], [data-status="INPUT_REQUIRED"], [data-status="PAUSED"])'

/** Actions for <an editable buy> → "Edit budget and pacing" → the dialog's first field can take input. */
export async function editDialog(browser: Browser, options: BrowserBenchOptions): Promise<number> {
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

export const MINUTES = 3

/** /api requests per minute from one open campaign page, with timers fast-forwarded by Playwright's clock. */
export async function requestRates(browser: Browser, options: BrowserBenchOptions) {
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
