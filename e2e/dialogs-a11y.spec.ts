import type { Page } from '@playwright/test'
import { expect, expectNoSeriousAxeViolations, test } from './fixtures'

// Every dialog a buyer can open, in both themes: no serious or critical axe violations, and Escape closes it with
// focus back where the buyer was.

async function expectAccessibleDialog(page: Page, label: string) {
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expectNoSeriousAxeViolations(page, label)
  await page.keyboard.press('Escape')
  // A form with nothing typed closes at once.
  await expect(dialog).toBeHidden()
}

const BUY_ACTIONS = [
  'Edit budget and pacing',
  'Optimization goals',
  'Creatives',
  'Cancel buy',
  'Cancel packages',
  'Archive',
]
const CAMPAIGN_ACTIONS = ['Campaign budget', 'Pause campaign', 'Frequency caps']

for (const theme of ['light', 'dark'] as const) {
  test(`every tuning, execute and help dialog is accessible (${theme})`, async ({ page }) => {
    // Eleven dialogs, each with a full axe pass (a second or more each on a busy two-core machine).
    test.setTimeout(120_000)
    await page.addInitScript((value) => window.localStorage.setItem('theme', value), theme)
    await page.goto('/campaigns/cmp_100000009')
    await expect(page.getByRole('treegrid')).toBeVisible()

    const buyMenu = page.getByRole('button', { name: /^Actions for / }).first()
    for (const action of BUY_ACTIONS) {
      await buyMenu.click()
      await page.getByRole('menuitem', { name: action }).click()
      await expectAccessibleDialog(page, `${action} (${theme})`)
      await expect(buyMenu).toBeFocused()
    }

    const campaignMenu = page.getByRole('button', { name: /^Campaign actions for / })
    for (const action of CAMPAIGN_ACTIONS) {
      await campaignMenu.click()
      await page.getByRole('menuitem', { name: action }).click()
      await expectAccessibleDialog(page, `${action} (${theme})`)
    }

    await page.goto('/campaigns/cmp_100000003')
    await page.getByRole('button', { name: 'Execute', exact: true }).click()
    await expectAccessibleDialog(page, `execute (${theme})`)

    await page.goto('/needs-you')
    await expect(page.getByRole('heading', { level: 1, name: 'Needs you' })).toBeVisible()
    await page.keyboard.press('?')
    await expectAccessibleDialog(page, `keyboard shortcuts (${theme})`)
  })
}
