import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

// What a new buyer reads in the tuning dialogs and on failed or rejected buys: names, labels and a way forward.

async function openBuyAction(page: Page, buyName: string, action: string) {
  await page.getByRole('button', { name: `Actions for ${buyName}` }).click()
  await page.getByRole('menuitem', { name: action, exact: true }).click()
  return page.getByRole('dialog')
}

test('cancel packages names each package by product and period, and the review names them too', async ({ page }) => {
  await page.goto('/campaigns/cmp_100000001')
  const dialog = await openBuyAction(page, 'Summer Trail Gear — Always On · Pinnacle Retail Media', 'Cancel packages')
  const group = dialog.getByRole('group', { name: 'Packages to cancel' })
  await group.getByRole('checkbox', { name: /^Sponsored Product Placement · Phase 2/ }).check()
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await expect(dialog.getByRole('list', { name: 'Effects' })).toContainText(
    'Cancel 1 package of “Summer Trail Gear — Always On · Pinnacle Retail Media”: Sponsored Product Placement · Phase 2',
  )
  await expect(dialog.getByRole('list', { name: 'Effects' })).not.toContainText('pkg_')
})

test('pause results show each buy by its name as written', async ({ page }) => {
  await page.goto('/campaigns/cmp_100000018')
  await page.getByRole('button', { name: /^Campaign actions for / }).click()
  await page.getByRole('menuitem', { name: 'Pause campaign', exact: true }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Pause campaign' }).click()
  const table = dialog.getByRole('table', { name: 'Results per media buy' })
  const first = table.getByRole('rowheader').first()
  await expect(first).toHaveCSS('text-transform', 'none')
})

test('a failed buy is sent again from its row, with the seller’s reason in view', async ({ page }) => {
  await page.goto('/campaigns/cmp_100000007')
  await page.getByRole('button', { name: 'Send again: Lumen Clinic Finder Social · Cobalt Social' }).click()
  const dialog = page.getByRole('dialog', { name: 'Send again: Lumen Clinic Finder Social · Cobalt Social' })
  await expect(dialog).toContainText('timed out')
  await dialog.getByRole('button', { name: 'Execute again' }).click()
  await expect(dialog.getByRole('status')).toContainText(/Sent: 1 buy|failed again/)
})

test('an archived buy stays in its campaign, marked Archived, as the dialog says', async ({ page }) => {
  await page.goto('/campaigns/cmp_100000006')
  const name = 'Lumen Flu Season Reminder · Summit Audio Network'
  const dialog = await openBuyAction(page, name, 'Archive')
  await expect(dialog).toContainText('stays in this campaign marked Archived')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await dialog.getByRole('button', { name: 'Archive this buy' }).click()
  await expect(dialog).toBeHidden()
  await page.reload()
  const row = page.getByRole('row', { name: new RegExp(`^${name}`) })
  await expect(row.locator('[data-status="ARCHIVED"]').first()).toBeVisible()
  await page.getByRole('button', { name: `Actions for ${name}` }).click()
  await expect(page.getByRole('menuitem', { name: 'Creatives', exact: true })).toHaveAccessibleDescription(
    'An archived buy cannot be changed.',
  )
})
