import type { APIRequestContext } from '@playwright/test'
import { expect, storedCampaign, test } from './fixtures'

// A dialog is part of the URL: a link or a reload opens it, Back closes it, and focus returns to its row's trigger.

const LUMEN = 'Lumen Wellness Awareness CTV · Harbor Streaming' // cmp_100000005: the seller asks for 20,000

async function buyOf(request: APIRequestContext, campaignId: string, index = 0, name?: string) {
  const buys = (await storedCampaign(request, campaignId)).mediaBuys
  return name ? buys.find((b) => b.name === name)! : buys[index]
}

test('a campaign URL with dialog params opens that dialog; Back closes it, focus back on the row’s menu', async ({
  page,
}) => {
  const buy = await buyOf(page.request, 'cmp_100000009')
  await page.goto(`/campaigns/cmp_100000009?dialog=budget&dialogBuy=${encodeURIComponent(buy.mediaBuyId)}`)
  const dialog = page.getByRole('dialog', { name: `Budget and pacing: ${buy.name}` })
  await expect(dialog).toBeVisible()
  await expect(dialog.locator('input, select, textarea').first()).toBeFocused()

  // Closed from inside, it stays on the page without the dialog, and focus goes to the buy's actions.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/\/campaigns\/cmp_100000009$/)
  const menu = page.getByRole('button', { name: `Actions for ${buy.name}` })
  await expect(menu).toBeFocused()

  // Opened from the row: in the URL; Back closes it; a reload of the dialog's URL opens it again.
  await menu.click()
  await page.getByRole('menuitem', { name: 'Optimization goals' }).click()
  const goals = page.getByRole('dialog', { name: new RegExp(buy.name) })
  await expect(goals).toBeVisible()
  await expect(page).toHaveURL(/dialog=goals/)
  await page.goBack()
  await expect(goals).toBeHidden()
  await expect(page).toHaveURL(/\/campaigns\/cmp_100000009$/)
  await expect(menu).toBeFocused()
  await page.goForward()
  await expect(goals).toBeVisible()
  await page.reload()
  await expect(page.getByRole('dialog', { name: new RegExp(buy.name) })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(menu).toBeFocused()
})

test('Back from a form with edits asks first: Keep editing keeps what was typed, Discard edits goes back', async ({
  page,
}) => {
  const buy = await buyOf(page.request, 'cmp_100000009')
  await page.goto('/campaigns/cmp_100000009')
  await page.getByRole('button', { name: `Actions for ${buy.name}` }).click()
  await page.getByRole('menuitem', { name: 'Edit budget and pacing' }).click()
  const dialog = page.getByRole('dialog', { name: `Budget and pacing: ${buy.name}` })
  const budget = dialog.getByLabel(/^Budget \(/).first()
  await budget.fill('4321')

  await page.goBack()
  await expect(dialog.getByText('Discard your edits?')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Keep editing' }).click()
  await expect(page).toHaveURL(/dialog=budget/)
  await expect(budget).toHaveValue('4321')

  await page.goBack()
  await dialog.getByRole('button', { name: 'Discard edits' }).click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/\/campaigns\/cmp_100000009$/)
})

test('a campaign URL naming no dialog, or a buy it does not have, shows the page with no dialog', async ({ page }) => {
  await page.goto('/campaigns/cmp_100000009?dialog=explode&dialogBuy=nope')
  await expect(page.getByRole('treegrid')).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.goto('/campaigns/cmp_100000009?dialog=budget&dialogBuy=mb_nope')
  await expect(page.getByRole('treegrid')).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('Needs you keeps its answer dialog in the URL too', async ({ page }) => {
  const buy = await buyOf(page.request, 'cmp_100000005', 0, LUMEN)
  await page.goto(
    `/needs-you?dialog=budget&dialogCampaign=cmp_100000005&dialogBuy=${encodeURIComponent(buy.mediaBuyId)}`,
  )
  const dialog = page.getByRole('dialog', { name: `Budget and pacing: ${LUMEN}` })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Your reply to the seller')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page).not.toHaveURL(/dialog=/)

  const item = page.getByRole('listbox', { name: /^Needs you/ }).getByRole('option', { name: new RegExp(LUMEN) })
  await item.click()
  const answer = page.getByRole('button', { name: 'Reply (and dates)' })
  await answer.click()
  await expect(page.getByRole('dialog', { name: `Reply and dates: ${LUMEN}` })).toBeVisible()
  await expect(page).toHaveURL(/dialog=reply/)
  await page.goBack()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(answer).toBeFocused()
})
