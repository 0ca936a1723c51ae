// The request-budget half of the browser bench: what each screen asks of the platform under its 100-a-minute limit
// (CONTRACT §1), in real time against the sandbox with the limit on. Every measure starts a new rate-limit minute.
import type { Browser, BrowserContext } from '@playwright/test'
import { verdict, type Row } from './lib.ts'
import {
  describe,
  hide,
  newContext,
  newMinute,
  sandboxUsed,
  sleep,
  untilQuiet,
  watch,
  type Watch,
} from './budget-bench-watch.ts'
import { session } from './budget-bench-session.ts'

const MINUTE_MS = 60_000

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
