import type { Page } from '@playwright/test'
import { expect, expectNoSeriousAxeViolations, test } from './fixtures'

async function openCampaigns(page: Page) {
  await page.goto('/')
  await expect(page).toHaveURL(/\/campaigns$/)
  const table = page.getByRole('treegrid', { name: 'Campaigns' })
  await expect(table).toBeVisible()
  return table
}

test('opens on the campaign list with the sandbox demo campaigns and their status badges', async ({ page }) => {
  const table = await openCampaigns(page)
  const rows = table.getByRole('row')
  expect(await rows.count()).toBeGreaterThan(1)
  await expect(table.locator('[data-status]').first()).toBeVisible()
  // Roll-up badges come from campaign details fetched for the rows on screen.
  await expect(table.locator('[data-rollup] [data-status]').first()).toBeVisible()
  await expect(page.getByText(/updated (just now|\d+ s ago)/).first()).toBeVisible()
})

test('navigation works from the keyboard and marks the current page', async ({ page }) => {
  await openCampaigns(page)
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()

  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: 'Campaigns' })).toHaveAttribute('aria-current', 'page')

  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab')
    if (await nav.getByRole('link', { name: 'Needs you' }).evaluate((el) => el === document.activeElement)) break
  }
  await expect(nav.getByRole('link', { name: 'Needs you' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/needs-you$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Needs you' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Needs you' })).toHaveAttribute('aria-current', 'page')

  await page.keyboard.press('Tab')
  await expect(nav.getByRole('link', { name: 'Monitor' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/settings$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
})

test('the theme toggle switches the dark class and remembers the choice', async ({ page }) => {
  await openCampaigns(page)
  const theme = page.getByRole('group', { name: 'Theme' })
  await theme.getByRole('button', { name: 'Dark' }).click()
  await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)
  await page.reload()
  await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)
  await expect(theme.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true')
  await theme.getByRole('button', { name: 'Light' }).click()
  await expect(page.locator('html')).not.toHaveClass(/(^|\s)dark(\s|$)/)
})

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations on each screen (${theme})`, async ({ page }) => {
    await page.addInitScript((value) => window.localStorage.setItem('theme', value), theme)

    const table = await openCampaigns(page)
    await expect(table.locator('[data-rollup]').first()).toBeVisible()
    await expectNoSeriousAxeViolations(page, `campaigns (${theme})`)

    await table.getByRole('link').first().click()
    await expect(page.getByRole('heading', { level: 2, name: /Media buys/ })).toBeVisible()
    await expectNoSeriousAxeViolations(page, `campaign page (${theme})`)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Needs you' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Needs you' })).toBeVisible()
    await expect(page.getByText('updated', { exact: false }).first()).toBeVisible()
    await expectNoSeriousAxeViolations(page, `needs you (${theme})`)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
    await expectNoSeriousAxeViolations(page, `settings (${theme})`)
  })
}

test('settings stores a key masked, and removing it returns to the demo', async ({ page }) => {
  await page.goto('/settings')
  await expect(page.getByTestId('current-key')).toContainText('built-in sandbox')

  await page.getByLabel('API key', { exact: true }).fill('scope3_e2e_secret_9876')
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByTestId('current-key')).toContainText('scope3_••••9876')
  await expect(page.getByTestId('current-key')).not.toContainText('secret')
  expect(await page.evaluate(() => window.sessionStorage.getItem('buyer-api-key'))).toBe('scope3_e2e_secret_9876')
  expect(await page.evaluate(() => window.localStorage.getItem('buyer-api-key'))).toBeNull()

  await page.getByRole('button', { name: 'Remove key' }).click()
  await expect(page.getByTestId('current-key')).toContainText('built-in sandbox')
  expect(await page.evaluate(() => window.sessionStorage.getItem('buyer-api-key'))).toBeNull()

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click()
  await expect(page.getByRole('treegrid', { name: 'Campaigns' }).getByRole('row').nth(1)).toBeVisible()
})

test('an unknown address shows the not-found page with a way home', async ({ page }) => {
  await page.goto('/no-such-page')
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to campaigns' }).click()
  await expect(page).toHaveURL(/\/campaigns$/)
})
