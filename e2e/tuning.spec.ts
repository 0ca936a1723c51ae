import { expect, test, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'

interface StoredBuy {
  mediaBuyId: string
  name: string
  status: string
  creativeIds?: string[] | null
  optimizationGoals?: { kind: string; metric?: string; target?: { kind: string; value?: number } }[]
  packages: { packageId: string; status: string; budget: number }[]
}

async function stored(page: Page, id: string) {
  const res = await page.request.get(`/api/v2/buyer/campaigns/${id}?fresh=true`)
  expect(res.ok()).toBe(true)
  const body = (await res.json()) as { data: { campaign: { budget: { total: number }; mediaBuys: StoredBuy[] } } }
  return body.data.campaign
}

const buyOf = (buys: StoredBuy[], agent: string) => buys.find((b) => b.name.endsWith(agent) && b.status !== 'ARCHIVED')!

async function openBuyAction(page: Page, buyName: string, action: string) {
  await page.getByRole('button', { name: `Actions for ${buyName}` }).click()
  await page.getByRole('button', { name: action, exact: true }).click()
  return page.getByRole('dialog')
}

async function reviewAndSend(page: Page, confirm: string) {
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await expect(dialog.getByLabel('Request body')).toBeVisible()
  await dialog.getByRole('button', { name: confirm }).click()
  await expect(dialog).toBeHidden()
}

test('edits a package budget after reviewing the exact payload', async ({ page }) => {
  const id = 'cmp_100000011'
  const buy = buyOf((await stored(page, id)).mediaBuys, 'Northwind Exchange')
  await page.goto(`/campaigns/${id}`)
  const dialog = await openBuyAction(page, buy.name, 'Edit budget and pacing')
  const budget = dialog.getByLabel('Budget (GBP)').first()
  await budget.fill('12000.999')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await expect(dialog.getByText('GBP allows at most 2 decimals')).toBeVisible()
  await budget.fill('12000')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await expect(dialog.getByLabel('Request body')).toContainText(`"budget": 12000`)
  await expect(dialog.getByRole('list', { name: 'Effects' })).toContainText('→ £12,000.00')
  const results = await new AxeBuilder({ page }).include('[role="dialog"]').analyze()
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  await dialog.getByRole('button', { name: 'Send changes' }).click()
  await expect(dialog).toBeHidden()
  const after = buyOf((await stored(page, id)).mediaBuys, 'Northwind Exchange')
  expect(after.packages[0].budget).toBe(12000)
})

test('sets a metric goal with a threshold rate', async ({ page }) => {
  const id = 'cmp_100000011'
  const buy = buyOf((await stored(page, id)).mediaBuys, 'Meridian Premium Direct')
  await page.goto(`/campaigns/${id}`)
  const dialog = await openBuyAction(page, buy.name, 'Optimization goals')
  await dialog.getByRole('button', { name: 'Add metric goal' }).click()
  await dialog.getByLabel('Metric').selectOption('clicks')
  // Impossible targets are offered disabled, with the reason.
  await expect(dialog.getByRole('option', { name: /Return on ad spend \(Only for event goals\)/ })).toBeDisabled()
  await dialog.getByLabel('Target').selectOption('threshold_rate')
  await dialog.getByLabel(/Minimum rate/).fill('0.02')
  await reviewAndSend(page, 'Replace goals')
  const after = buyOf((await stored(page, id)).mediaBuys, 'Meridian Premium Direct')
  expect(after.optimizationGoals).toEqual([{ kind: 'metric', metric: 'clicks', target: { kind: 'threshold_rate', value: 0.02 }, priority: 1 }])
})

test('overrides the creatives of a buy with an explicit list', async ({ page }) => {
  const id = 'cmp_100000011'
  const buy = buyOf((await stored(page, id)).mediaBuys, 'Northwind Exchange')
  await page.goto(`/campaigns/${id}`)
  const dialog = await openBuyAction(page, buy.name, 'Creatives')
  await dialog.getByLabel('Only the creatives I choose').check()
  const boxes = dialog.getByRole('checkbox')
  await expect(boxes.first()).toBeVisible()
  const enabled = dialog.locator('input[type="checkbox"]:not([disabled])').first()
  await enabled.check()
  await reviewAndSend(page, 'Send creatives')
  const after = buyOf((await stored(page, id)).mediaBuys, 'Northwind Exchange')
  expect(after.creativeIds).toHaveLength(1)
})

test('cancels one package of a buy', async ({ page }) => {
  const id = 'cmp_100000001'
  const buy = buyOf((await stored(page, id)).mediaBuys, 'Northwind Exchange')
  const pkg = buy.packages[buy.packages.length - 1]
  await page.goto(`/campaigns/${id}`)
  await page.getByRole('button', { name: `Actions for ${buy.name}` }).click()
  await page.getByRole('button', { name: 'Cancel packages', exact: true }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('cannot be resumed')
  await dialog.getByLabel(pkg.packageId).check()
  await dialog.getByLabel('Reason (sent to the seller)').fill('Underperforming placement')
  await reviewAndSend(page, 'Cancel packages')
  const after = buyOf((await stored(page, id)).mediaBuys, 'Northwind Exchange')
  expect(after.packages.find((p) => p.packageId === pkg.packageId)?.status).toBe('canceled')
  expect(after.packages.filter((p) => p.status !== 'canceled').length).toBe(buy.packages.length - 1)
})

test('archives a buy', async ({ page }) => {
  const id = 'cmp_100000015'
  const buy = buyOf((await stored(page, id)).mediaBuys, 'Cobalt Social')
  await page.goto(`/campaigns/${id}`)
  const dialog = await openBuyAction(page, buy.name, 'Archive')
  await expect(dialog).toContainText('cannot be undone')
  await reviewAndSend(page, 'Archive this buy')
  const after = (await stored(page, id)).mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId)
  expect(after?.status).toBe('ARCHIVED')
})

test('lowers the campaign budget and shows the proportional package budgets first', async ({ page }) => {
  const id = 'cmp_100000024'
  const before = await stored(page, id)
  await page.goto(`/campaigns/${id}`)
  await page.getByRole('button', { name: /^Campaign actions for / }).click()
  await page.getByRole('button', { name: 'Campaign budget', exact: true }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Total budget (USD)').fill('12000')
  for (const buy of before.mediaBuys) await expect(dialog.getByTestId(`after-${buy.packages[0].packageId}`)).toHaveText('$6,000.00')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await expect(dialog.getByRole('list', { name: 'Effects' })).toContainText('scaled: $9,000.00 → $6,000.00')
  await dialog.getByRole('button', { name: 'Change budget' }).click()
  await expect(dialog).toBeHidden()
  const after = await stored(page, id)
  expect(after.budget.total).toBe(12000)
  expect(after.mediaBuys.map((b) => b.packages[0].budget)).toEqual([6000, 6000])
})
