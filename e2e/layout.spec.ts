import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

// How the campaign screens sit in a window: nothing hidden sideways at 1024 px, names whole, the buys first.

const MANY_PACKAGES = 'cmp_100000001' // Summer Trail Gear — Always On: two live buys, twelve packages
const NOT_LIVE = 'cmp_100000029' // Lumen Caregiver Stories: a rejected buy and one pending approval, nothing delivered

/** Whether a box's content fits it (no horizontal scrolling, no clipped text). */
const fits = (locator: Locator) => locator.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)

async function treegrid(page: Page, name: RegExp) {
  const grid = page.getByRole('treegrid', { name })
  await expect(grid.getByRole('row').nth(1)).toBeVisible()
  return grid
}

for (const [screen, path, name] of [
  ['the campaign page', `/campaigns/${MANY_PACKAGES}?expanded=%5B%5D`, /^Media buys of /],
  ['the campaign list', '/campaigns', /^Campaigns$/],
] as const) {
  test(`at 1024 px ${screen} shows every column of the tree without a sideways scrollbar`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 800 })
    await page.goto(path)
    const grid = await treegrid(page, name)
    expect(await fits(grid.locator('xpath=..'))).toBe(true)
    const details = grid.getByRole('columnheader', { name: 'Details' })
    const box = (await details.boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(1024)
  })
}

test('a buy’s row names its seller whole and does not repeat the campaign name', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(`/campaigns/${NOT_LIVE}`)
  const grid = await treegrid(page, /^Media buys of /)
  const row = grid.getByRole('row', { name: 'Lumen Caregiver Stories · Summit Audio Network' })
  const [name, seller] = await row.getByRole('gridcell').all()
  await expect(name).toContainText('Summit Audio Network')
  await expect(name).not.toContainText('Lumen Caregiver Stories')
  await expect(seller).toContainText('Summit Audio Network')
  for (const text of await seller.locator('div > div').all()) expect(await fits(text)).toBe(true)
})

test('the campaign page shows its buys before the delivery section, and its status once', async ({ page }) => {
  await page.goto(`/campaigns/${MANY_PACKAGES}`)
  const headings = page.getByRole('heading', { level: 2 })
  await expect(page.getByRole('heading', { name: 'Delivery and pacing' })).toBeVisible()
  const order = await headings.allTextContents()
  expect(order.findIndex((t) => t.startsWith('Media buys'))).toBeLessThan(order.indexOf('Delivery and pacing'))
  // Every buy is live, so the badge and the campaign's lifecycle say the same: once.
  await expect(page.getByRole('button', { name: /^Active, driven by / })).toBeVisible()
  await expect(page.getByText('campaign lifecycle:')).toHaveCount(0)
})

test('the daily charts say "No delivery yet" instead of drawing empty boxes', async ({ page }) => {
  await page.goto(`/campaigns/${NOT_LIVE}`)
  for (const chart of ['Spend per day (USD)', 'Impressions per day', 'Clicks per day'])
    await expect(page.getByRole('figure', { name: `${chart}: no delivery yet` })).toContainText('No delivery yet')
})
