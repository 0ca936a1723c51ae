import type { Browser } from '@playwright/test'
import type { BudgetBenchOptions } from './budget-bench.ts'
import { newContext, newMinute, watch } from './budget-bench-watch.ts'

/** How long the scripted buyer looks at each screen before the next click. */
const DWELL_MS = 3_000

/** A buyer clicking through every screen of the large account, looping, for `sessionMs`: the 429s the browser saw. */
export async function session(browser: Browser, options: BudgetBenchOptions) {
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
