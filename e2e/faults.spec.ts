import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from './fixtures'

// With the sandbox's fault switch, each screen meets the failures of real networks and platforms: it keeps what is
// on screen and what the buyer typed, says what went wrong with a way to retry, backs off, and heals by itself.

type Fault = {
  path: string
  method?: string
  fault: string
  retryAfterSeconds?: number
  delayMs?: number
  times?: number
}

async function inject(request: APIRequestContext, ...rules: Fault[]) {
  expect(
    (await request.post('/sandbox/faults', { headers: { 'X-Dashboard-Client': '1' }, data: { rules } })).ok(),
  ).toBe(true)
}
async function clearFaults(request: APIRequestContext) {
  await request.delete('/sandbox/faults', { headers: { 'X-Dashboard-Client': '1' } })
}

test.afterEach(async ({ request }) => clearFaults(request))

/** Fire the 60 s poll now: timers jump, the rest of the page runs in real time. */
async function nextPoll(page: Page, ms = 61_000) {
  await page.clock.fastForward(ms)
}

const campaignRow = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) }).first()

test('the campaign list keeps its rows through 503, malformed and off-schema answers, and heals by itself', async ({
  page,
  request,
}) => {
  await page.clock.install()
  await page.goto('/campaigns')
  await expect(campaignRow(page, 'Northstar Ski Season Teaser')).toBeVisible()

  for (const fault of ['503', 'malformed', 'schema']) {
    await inject(request, { path: '/campaigns', method: 'GET', fault })
    await nextPoll(page)
    const problem = page.getByRole('status').filter({ hasText: 'Could not refresh the campaign list' })
    await expect(problem).toBeVisible({ timeout: 15_000 })
    await expect(campaignRow(page, 'Northstar Ski Season Teaser')).toBeVisible()
    await clearFaults(request)
    // Back-off: the next try comes within a minute, by itself.
    await nextPoll(page, 60_000)
    await expect(problem).toBeHidden({ timeout: 15_000 })
  }
})

test('a 429 makes the dashboard wait as asked and say so, then carry on', async ({ page, request }) => {
  await page.clock.install()
  await page.goto('/campaigns')
  await expect(campaignRow(page, 'Northstar Ski Season Teaser')).toBeVisible()
  // Let the rows' details finish loading, so the one 429 meets the next poll and not a row still on its way.
  await page.waitForLoadState('networkidle')
  await inject(request, { path: '/campaigns', method: 'GET', fault: '429', retryAfterSeconds: 20, times: 1 })
  await nextPoll(page)
  await expect(page.getByRole('status').filter({ hasText: 'asked us to slow down' })).toBeVisible({ timeout: 15_000 })
  await expect(campaignRow(page, 'Northstar Ski Season Teaser')).toBeVisible()
  await nextPoll(page, 25_000)
  await expect(page.getByRole('status').filter({ hasText: 'Could not refresh the campaign list' })).toBeHidden({
    timeout: 15_000,
  })
})

test('the campaign page keeps the tree when its refresh fails or the connection drops', async ({ page, request }) => {
  await page.clock.install()
  await page.goto('/campaigns/cmp_100000011')
  const tree = page.getByRole('treegrid')
  await expect(tree).toBeVisible()
  for (const fault of ['500', 'drop']) {
    await inject(request, { path: '/campaigns/cmp_100000011', method: 'GET', fault })
    await nextPoll(page)
    const problem = page.getByRole('status').filter({ hasText: 'Could not refresh this campaign' })
    await expect(problem).toBeVisible({ timeout: 15_000 })
    await expect(tree).toBeVisible()
    await clearFaults(request)
    await problem.getByRole('button', { name: 'Retry now' }).click()
    await expect(problem).toBeHidden({ timeout: 15_000 })
  }
})

test('a page that cannot load at all says why and offers a retry, never a blank screen', async ({ page, request }) => {
  await inject(request, { path: '/campaigns/cmp_100000011', method: 'GET', fault: 'schema' })
  await page.goto('/campaigns/cmp_100000011')
  const alert = page.getByRole('alert').filter({ hasText: 'could not read' })
  await expect(alert).toBeVisible({ timeout: 15_000 })
  await clearFaults(request)
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('treegrid')).toBeVisible()
})

test('an edit keeps what the buyer typed when sending fails, and goes through once the platform is back', async ({
  page,
  request,
}) => {
  await page.goto('/campaigns/cmp_100000011')
  await page
    .getByRole('button', { name: /^Actions for / })
    .first()
    .click()
  await page.getByRole('menuitem', { name: 'Edit budget and pacing' }).click()
  const dialog = page.getByRole('dialog')
  const budget = dialog.getByLabel(/^Budget \(/).first()
  await budget.fill('12345')
  await dialog.getByRole('button', { name: 'Review changes' }).click()

  await inject(request, { path: '/campaigns/cmp_100000011', method: 'PUT', fault: '503' })
  await dialog.getByRole('button', { name: 'Send changes' }).click()
  await expect(dialog.getByRole('alert')).toContainText(/unavailable/i)
  await expect(budget).toHaveValue('12345')

  await clearFaults(request)
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await dialog.getByRole('button', { name: 'Send changes' }).click()
  await expect(dialog).toBeHidden()
  const stored = await (await request.get('/api/v2/buyer/campaigns/cmp_100000011?fresh=true')).json()
  const budgets = (
    stored.data.campaign.mediaBuys as {
      packages?: { budget: number }[]
      pendingChange?: { differences?: { budget?: { proposed?: number } } }
    }[]
  ).flatMap((b) => [...(b.packages ?? []).map((p) => p.budget), b.pendingChange?.differences?.budget?.proposed])
  expect(budgets).toContain(12345)
})

test('execute reports a platform error in words with its code, and works on retry', async ({ page, request }) => {
  await page.goto('/campaigns/cmp_100000003')
  await inject(request, { path: '/campaigns/cmp_100000003/execute', method: 'POST', fault: '500', times: 1 })
  await page.getByRole('button', { name: 'Execute', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Execute campaign' })
  await dialog.getByRole('button', { name: 'Execute now' }).click()
  await expect(page.getByText('INTERNAL_ERROR').first()).toBeVisible()
  await expect(page.getByText(/internal error/i).first()).toBeVisible()
  await clearFaults(request)
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Execute', exact: true }).click()
  await dialog.getByRole('button', { name: 'Execute now' }).click()
  await expect(page.getByRole('region', { name: 'Last execute' })).toBeVisible()
})

test('going offline keeps the screen and says so; coming back online refreshes', async ({ page, context }) => {
  await page.goto('/campaigns')
  await expect(campaignRow(page, 'Northstar Ski Season Teaser')).toBeVisible()
  await context.setOffline(true)
  await expect(page.getByRole('status').filter({ hasText: /offline/i })).toBeVisible()
  await expect(campaignRow(page, 'Northstar Ski Season Teaser')).toBeVisible()
  await context.setOffline(false)
  await expect(page.getByRole('status').filter({ hasText: /offline/i })).toBeHidden()
  await expect(campaignRow(page, 'Northstar Ski Season Teaser')).toBeVisible()
})
