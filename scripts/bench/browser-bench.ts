// The browser half of npm run bench: the production build in headless Chromium against the seeded sandbox.
// Every measure runs in a fresh browser context (cold HTTP cache, new JS heap) several times; we print medians.
import { chromium } from '@playwright/test'
import { budgetBench } from './budget-bench.ts'
import { newMinute } from './budget-bench-watch.ts'
import { median, verdict, type Row } from './lib.ts'
import { LAPTOP, TALL, type ScrollFigures } from './browser-bench-page.ts'
import { MINUTES, baseline, editDialog, expandAndScroll, firstScreen, requestRates } from './browser-bench-measures.ts'

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
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
