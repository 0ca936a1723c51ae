import type { Page } from '@playwright/test'
import { expect, expectNoSeriousAxeViolations, test } from './fixtures'

// Against the real server with a fresh sandbox and a manual clock: the sellers act only when the test ticks.

const TRAVEL = 'Brightwater Travel Card · Harbor Streaming' // cmp_100000026: asked for 20,000, answered 15,000
const LUMEN = 'Lumen Wellness Awareness CTV · Harbor Streaming' // cmp_100000005: asked for 20,000

const needsYou = (page: Page) => page.getByRole('listbox', { name: /^Needs you/ })
const waiting = (page: Page) => page.getByRole('listbox', { name: /^Waiting on the seller/ })
const count = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByTestId('needs-you-count')

test('a seller asks → the buyer answers with a budget and a reply → waiting → approved → ACTIVE, out of the inbox', async ({
  page,
}) => {
  await page.goto('/needs-you')
  const item = needsYou(page).getByRole('option', { name: new RegExp(TRAVEL) })
  await expect(item).toContainText('The budget is still 15,000.00 GBP')
  await expect(count(page)).toBeVisible()
  const before = Number((await count(page).innerText()).match(/\d+/)![0])

  await item.click()
  await expect(item).toHaveAttribute('aria-selected', 'true')
  await page.getByRole('button', { name: 'Change budget and reply' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Budget (GBP)').fill('20000')
  await dialog.getByLabel('Your reply to the seller').fill('Raised to 20,000 GBP as asked.')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await expect(dialog.getByLabel('Request body')).toContainText('"updated_reason": "Raised to 20,000 GBP as asked."')
  await dialog.getByRole('button', { name: 'Send changes' }).click()
  await expect(dialog).toBeHidden()
  // At once, from the PUT answer: not the buyer's move any more.
  await expect(waiting(page).getByRole('option', { name: new RegExp(TRAVEL) })).toBeVisible()
  await expect(needsYou(page).getByRole('option', { name: new RegExp(TRAVEL) })).toHaveCount(0)
  await expect(count(page)).toContainText(String(before - 1))

  await page.request.post('/sandbox/tick', { headers: { 'X-Dashboard-Client': '1' }, data: { days: 1 } })
  await page.getByRole('button', { name: 'Refresh' }).click()
  await expect(page.getByRole('option', { name: new RegExp(TRAVEL) })).toHaveCount(0)
  const stored = (await (await page.request.get('/api/v2/buyer/campaigns/cmp_100000026?fresh=true')).json()) as {
    data: { campaign: { mediaBuys: { name: string; status: string }[] } }
  }
  expect(stored.data.campaign.mediaBuys.find((b) => b.name === TRAVEL)?.status).toBe('ACTIVE')
})

test('a reply that does not answer keeps the buy in INPUT_REQUIRED with the seller’s new message', async ({ page }) => {
  await page.goto(`/needs-you?item=${encodeURIComponent('x')}`)
  const item = needsYou(page).getByRole('option', { name: new RegExp(LUMEN) })
  await expect(item).toContainText('at least 20,000.00 USD')
  await item.click()
  await page.keyboard.press('r')
  // r opens the budget answer; a reply alone goes through "Reply (and dates)".
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()
  await page.getByRole('button', { name: 'Reply (and dates)' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Your reply to the seller').fill('Can you do it for 12,000?')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await dialog.getByRole('button', { name: 'Send reply' }).click()
  await expect(dialog).toBeHidden()
  await expect(waiting(page).getByRole('option', { name: new RegExp(LUMEN) })).toBeVisible()

  await page.request.post('/sandbox/tick', { headers: { 'X-Dashboard-Client': '1' }, data: { ms: 2 * 3_600_000 } })
  await page.getByRole('button', { name: 'Refresh' }).click()
  const again = needsYou(page).getByRole('option', { name: new RegExp(LUMEN) })
  await expect(again).toContainText('The budget is still 12,000.00 USD')
})

test('keyboard: j/k move the selection (in the URL, focused), ? lists the shortcuts', async ({ page }) => {
  await page.goto('/needs-you')
  const options = needsYou(page).getByRole('option')
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('j')
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true')
  await expect(options.nth(1)).toBeFocused()
  await expect(page).toHaveURL(/item=/)
  await page.keyboard.press('k')
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Shift+?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
})

for (const theme of ['light', 'dark'] as const) {
  test(`the inbox and the reply dialog have no serious accessibility violations (${theme})`, async ({ page }) => {
    await page.addInitScript((value) => window.localStorage.setItem('theme', value), theme)
    await page.goto('/needs-you')
    await expect(needsYou(page).getByRole('option').first()).toBeVisible()
    await expectNoSeriousAxeViolations(page, `needs you (${theme})`)
    await needsYou(page)
      .getByRole('option', { name: new RegExp(LUMEN) })
      .click()
    await page.getByRole('button', { name: 'Reply (and dates)' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await expectNoSeriousAxeViolations(page, `reply dialog (${theme})`, '[role="dialog"]')
  })
}
