import type { Browser, BrowserContext, Page } from '@playwright/test'

/** An ordinary laptop screen. */
export const LAPTOP = { width: 1366, height: 768 }
/** Tall enough that the list's first 50 rows are all on screen, so all 50 must have their badges. */
export const TALL = { width: 1366, height: 4200 }

export interface ScrollFigures {
  longest: number
  over50: number
  dropped: number
  frames: number
  domRowsMax: number
}

/** Scrolls the window 60 px a frame for ~3 s, sampling frame times with rAF (60 Hz: 16.7 ms a frame). */
export async function scrollFrames(page: Page, rowSelector: string): Promise<ScrollFigures> {
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

export async function newContext(browser: Browser, viewport: typeof LAPTOP, baseURL: string) {
  const context = await browser.newContext({ viewport, baseURL })
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in the page callbacks in __name().
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  return context
}

export async function settle(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300))),
      ),
  )
}

export async function heapUsedMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  await cdp.detach()
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024
}
