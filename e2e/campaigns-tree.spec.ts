import type { Page } from '@playwright/test'
import { expect, expectNoSeriousAxeViolations, test } from './fixtures'

// Against the real server with a fresh sandbox and a manual clock (playwright.config.ts): time moves only when a
// test posts /sandbox/tick, so the sellers act exactly when the test says.

const PRINTEMPS = 'Atelier Printemps Collection'
const MERIDIAN_BUY = `${PRINTEMPS} · Meridian Premium Direct`
const NORTHWIND_BUY = `${PRINTEMPS} · Northwind Exchange`

const statusOf = (row: ReturnType<Page['getByRole']>) => row.locator('[data-status]').first()

test('list → media-buy status filter in the URL → expand a multi-agent campaign → badge explained → seller change appears live', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await page.goto(`/campaigns?mediaBuyStatus=${encodeURIComponent(JSON.stringify(['PENDING_APPROVAL']))}`)
  await expect(page.getByLabel('Has a media buy that is')).toHaveValue('PENDING_APPROVAL')
  const grid = page.getByRole('treegrid', { name: 'Campaigns' })
  const campaign = grid.getByRole('row', { name: PRINTEMPS, exact: true })
  await expect(campaign).toBeVisible()
  // A campaign not waiting on any seller is filtered out by the API.
  await expect(grid.getByRole('row', { name: 'Atelier Maison Podcast', exact: true })).toHaveCount(0)

  const badge = campaign.locator('[data-rollup]')
  await expect(badge).toHaveAccessibleName(
    `Pending approval, driven by ${MERIDIAN_BUY} (Meridian Premium Direct); 1 pending approval · 1 active`,
  )

  await campaign.getByRole('button', { name: `Expand ${PRINTEMPS}` }).click()
  await expect(page).toHaveURL(/expanded=/)
  const meridian = grid.getByRole('row', { name: MERIDIAN_BUY })
  const northwind = grid.getByRole('row', { name: NORTHWIND_BUY })
  await expect(statusOf(meridian)).toHaveAttribute('data-status', 'PENDING_APPROVAL')
  await expect(statusOf(northwind)).toHaveAttribute('data-status', 'ACTIVE')
  await expect(meridian).toHaveAttribute('aria-level', '2')

  // The badge says why, on hover and on focus.
  await badge.hover()
  await expect(page.getByRole('tooltip')).toContainText(
    `Pending approval because of ${MERIDIAN_BUY} (Meridian Premium Direct)`,
  )
  await expect(page.getByRole('tooltip')).toContainText('1 pending approval · 1 active')

  // Meridian approves after two simulated days; the open campaign polls every 15 s while a buy is in flight.
  await page.request.post('/sandbox/tick', { headers: { 'X-Dashboard-Client': '1' }, data: { days: 3 } })
  await expect(statusOf(meridian)).toHaveAttribute('data-status', 'ACTIVE', { timeout: 30_000 })
  await expect(badge.locator('[data-status]')).toHaveAttribute('data-status', 'ACTIVE', { timeout: 10_000 })
  await expect(page.getByTestId('live-announcer')).toContainText('is now Active')
})

test('the tree works from the keyboard, and Sync with sellers shows blockers and sources', async ({ page }) => {
  await page.goto('/campaigns/cmp_100000005')
  const grid = page.getByRole('treegrid', { name: /^Media buys of / })
  const first = grid.getByRole('row').nth(1)
  await first.focus()
  await expect(first).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('ArrowRight')
  await expect(first).toHaveAttribute('aria-expanded', 'true')
  await expect(page).toHaveURL(/expanded=/)
  await page.keyboard.press('ArrowDown')
  const child = page.locator(':focus')
  await expect(child).toHaveAttribute('aria-level', '2')
  await page.keyboard.press('ArrowLeft')
  await expect(first).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(first).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('*')
  await expect(grid.locator('[aria-level="1"][aria-expanded="false"]')).toHaveCount(0)

  // The Harbor buy waits on the buyer: its reason is shown in words next to the status.
  const harbor = grid.getByRole('row', { name: /Harbor Streaming/ })
  await expect(statusOf(harbor)).toHaveAttribute('data-status', 'INPUT_REQUIRED')
  await expect(harbor).toContainText('Seller says')

  await page.getByRole('button', { name: 'Sync with sellers' }).click()
  const perBuy = page.getByRole('list', { name: 'Status per media buy' })
  await expect(perBuy).toBeVisible()
  await expect(perBuy).toContainText('asked the sales agent live')
  await expect(page.getByRole('heading', { name: 'Blockers' })).toBeVisible()
  await expect(page.getByText(/Harbor Streaming\): /).first()).toBeVisible()
})

for (const theme of ['light', 'dark'] as const) {
  test(`an expanded tree with a pending change has no serious accessibility violations (${theme})`, async ({
    page,
  }) => {
    await page.addInitScript((value) => window.localStorage.setItem('theme', value), theme)
    await page.goto('/campaigns/cmp_100000002')
    await page.getByRole('button', { name: 'Expand all' }).click()
    const grid = page.getByRole('treegrid', { name: /^Media buys of / })
    await expect(grid.getByRole('row', { name: /^Pending change to / })).toBeVisible()
    await expect(grid.getByRole('row', { name: /^Package / }).first()).toBeVisible()
    await expectNoSeriousAxeViolations(page, `expanded campaign tree (${theme})`)

    await page.goto('/campaigns')
    const list = page.getByRole('treegrid', { name: 'Campaigns' })
    await list.getByRole('button', { name: `Expand ${PRINTEMPS}` }).click()
    await expect(list.getByRole('row', { name: MERIDIAN_BUY })).toBeVisible()
    await expectNoSeriousAxeViolations(page, `expanded campaign list (${theme})`)
  })
}
