import type { Page } from '@playwright/test'
import { expect, expectNoSeriousAxeViolations, storedCampaign, test, type StoredBuy } from './fixtures'

const stored = (page: Page, id: string) => storedCampaign(page.request, id)

const buyOf = (buys: StoredBuy[], agent: string) => buys.find((b) => b.name.endsWith(agent) && b.status !== 'ARCHIVED')!

async function openBuyAction(page: Page, buyName: string, action: string) {
  await page.getByRole('button', { name: `Actions for ${buyName}` }).click()
  await page.getByRole('menuitem', { name: action, exact: true }).click()
  return page.getByRole('dialog')
}

async function openCampaignAction(page: Page, action: string) {
  await page.getByRole('button', { name: /^Campaign actions for / }).click()
  await page.getByRole('menuitem', { name: action, exact: true }).click()
  return page.getByRole('dialog')
}

async function reviewAndSend(page: Page, confirm: string) {
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await expect(dialog.getByLabel('Request body')).toBeVisible()
  await dialog.getByRole('button', { name: confirm }).click()
  await expect(dialog).toBeHidden()
}

test('edits a package budget of a live buy; the change shows as pending until the seller approves (D6)', async ({
  page,
}) => {
  const id = 'cmp_100000009'
  const buy = buyOf((await stored(page, id)).mediaBuys, 'Summit Audio Network')
  expect(buy.status).toBe('ACTIVE')
  await page.goto(`/campaigns/${id}`)
  const dialog = await openBuyAction(page, buy.name, 'Edit budget and pacing')
  const budget = dialog.getByLabel('Budget (EUR)').first()
  await budget.fill('12500.999')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await expect(dialog.getByText('EUR allows at most 2 decimals')).toBeVisible()
  await budget.fill('12500')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await expect(dialog.getByLabel('Request body')).toContainText(`"budget": 12500`)
  await expect(dialog.getByRole('list', { name: 'Effects' })).toContainText('→ €12,500.00')
  await expect(dialog.getByRole('list', { name: 'Effects' })).toContainText('waits for its seller')
  await expectNoSeriousAxeViolations(page, 'the budget review', '[role="dialog"]')
  await dialog.getByRole('button', { name: 'Send changes' }).click()
  await expect(dialog).toBeHidden()
  // Not closed silently: the outcome stays on screen in the buy's row, where the buyer is, without scrolling the
  // page; and the tree shows the live → proposed row from the response.
  const scrolled = await page.evaluate(() => window.scrollY)
  const buyRow = page.getByRole('treegrid', { name: /^Media buys of / }).getByRole('row', { name: buy.name })
  await expect(buyRow.getByRole('status')).toContainText('Changes sent.')
  await expect(buyRow.getByRole('status')).toContainText('waits for its seller')
  await expect(page.getByTestId('live-announcer')).toContainText('Changes sent.')
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)
  await page.getByRole('button', { name: 'Expand all' }).click()
  const change = page
    .getByRole('treegrid', { name: /^Media buys of / })
    .getByRole('row', { name: `Pending change to ${buy.name}` })
  await expect(change).toBeVisible()
  await expect(change).toContainText('Pending change')
  await expect(change).toContainText('→')
  const after = buyOf((await stored(page, id)).mediaBuys, 'Summit Audio Network')
  expect(after.packages[0].budget).toBe(buy.packages[0].budget)
  expect(after.pendingChange?.status).toBe('PENDING_APPROVAL')
  expect(after.pendingChange?.differences?.budget?.proposed).toBe(
    12500 + buy.packages.slice(1).reduce((sum, p) => sum + p.budget, 0),
  )
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
  expect(after.optimizationGoals).toEqual([
    { kind: 'metric', metric: 'clicks', target: { kind: 'threshold_rate', value: 0.02 }, priority: 1 },
  ])
})

test('overrides the creatives of a buy with an explicit list', async ({ page }) => {
  const id = 'cmp_100000011'
  const buy = buyOf((await stored(page, id)).mediaBuys, 'Northwind Exchange')
  await page.goto(`/campaigns/${id}`)
  const dialog = await openBuyAction(page, buy.name, 'Creatives')
  await dialog.getByLabel('Only the creatives I choose').check()
  const boxes = dialog.getByRole('checkbox')
  await expect(boxes.first()).toBeVisible()
  // The creatives the buy serves start ticked; keeping only the first of them is the override.
  const served = dialog.locator('input[type="checkbox"]:checked')
  expect(await served.count()).toBe(buy.creatives.length)
  for (const box of (await served.all()).slice(1)) await box.uncheck()
  await reviewAndSend(page, 'Send creatives')
  const after = buyOf((await stored(page, id)).mediaBuys, 'Northwind Exchange')
  expect(after.creativeIds).toHaveLength(1)
})

test('cancels one package of a buy', async ({ page }) => {
  const id = 'cmp_100000001'
  const buy = buyOf((await stored(page, id)).mediaBuys, 'Northwind Exchange')
  const pkg = buy.packages[buy.packages.length - 1]
  await page.goto(`/campaigns/${id}`)
  const dialog = await openBuyAction(page, buy.name, 'Cancel packages')
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
  const dialog = await openCampaignAction(page, 'Campaign budget')
  await dialog.getByLabel('Total budget (USD)').fill('12000')
  for (const buy of before.mediaBuys)
    await expect(dialog.getByTestId(`after-${buy.packages[0].packageId}`)).toHaveText('$6,000.00')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await expect(dialog.getByRole('list', { name: 'Effects' })).toContainText('scaled: $9,000.00 → $6,000.00')
  await dialog.getByRole('button', { name: 'Change budget' }).click()
  await expect(dialog).toBeHidden()
  const after = await stored(page, id)
  expect(after.budget.total).toBe(12000)
  expect(after.mediaBuys.map((b) => b.packages[0].budget)).toEqual([6000, 6000])
})

test('pauses an active campaign and reactivates it, with the result of every buy', async ({ page }) => {
  const id = 'cmp_100000018'
  const before = await stored(page, id)
  expect(before.status).toBe('ACTIVE')
  await page.goto(`/campaigns/${id}`)
  for (const [action, label, status] of [
    ['Pause campaign', 'Paused', 'PAUSED'],
    ['Reactivate campaign', 'Active again', 'ACTIVE'],
  ] as const) {
    const dialog = await openCampaignAction(page, action)
    await dialog.getByRole('button', { name: action }).click()
    const table = dialog.getByRole('table', { name: 'Results per media buy' })
    for (const buy of before.mediaBuys)
      await expect(table.getByRole('row', { name: new RegExp(`^${buy.name}`) })).toContainText(label)
    await expect(dialog).toContainText(`${before.mediaBuys.length} of ${before.mediaBuys.length} buys changed`)
    await dialog.getByRole('button', { name: 'Done' }).click()
    await expect(dialog).toBeHidden()
    const after = await stored(page, id)
    expect(after.status).toBe(status)
    expect(after.mediaBuys.map((b) => b.status)).toEqual(before.mediaBuys.map(() => status))
  }
})

test('sets a campaign frequency cap that applies across every buy', async ({ page }) => {
  const id = 'cmp_100000022'
  await page.goto(`/campaigns/${id}`)
  const dialog = await openCampaignAction(page, 'Frequency caps')
  await expect(dialog).toContainText('Applies across every media buy')
  await dialog.getByRole('button', { name: 'Add cap' }).click()
  const cap = dialog.getByRole('group', { name: 'Cap 1' })
  await cap.getByLabel('Impressions at most').fill('0')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await expect(cap.getByText('A whole number, 1 or more')).toBeVisible()
  await cap.getByLabel('Impressions at most').fill('4')
  await cap.getByLabel('Per').fill('12')
  await cap.getByLabel('Unit').selectOption('hours')
  await reviewAndSend(page, 'Replace caps')
  await expect(page.getByRole('status').filter({ hasText: 'Changes sent.' })).toBeVisible()
  const after = await stored(page, id)
  expect(after.frequencyCaps?.map((c) => ({ max_impressions: c.max_impressions, window: c.window }))).toEqual([
    { max_impressions: 4, window: { interval: 12, unit: 'hours' } },
  ])
})

test('changes the pacing of two buys selected in the tree in one request', async ({ page }) => {
  const id = 'cmp_100000011'
  const before = await stored(page, id)
  const buys = before.mediaBuys.filter((b) => b.status === 'PAUSED')
  expect(buys).toHaveLength(2)
  await page.goto(`/campaigns/${id}`)
  for (const buy of buys) await page.getByRole('checkbox', { name: `Select ${buy.name}` }).check()
  await page
    .getByRole('region', { name: 'Selected media buys' })
    .getByRole('button', { name: 'Edit pacing or budgets of 2 selected' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Edit 2 selected buys' })
  await dialog.getByLabel('Set pacing on every package').selectOption('asap')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  const puts: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'PUT' && r.url().includes(`/campaigns/${id}`)) puts.push(r.postData() ?? '')
  })
  const sent = page.waitForRequest((r) => r.method() === 'PUT' && r.url().includes(`/api/v2/buyer/campaigns/${id}`))
  await dialog.getByRole('button', { name: 'Send changes' }).click()
  const body = (await sent).postDataJSON() as { mediaBuys: { mediaBuyId: string; packages: { pacing: string }[] }[] }
  await expect(dialog).toBeHidden()
  expect(puts).toHaveLength(1)
  expect(body.mediaBuys.map((e) => e.mediaBuyId).sort()).toEqual(buys.map((b) => b.mediaBuyId).sort())
  expect(body.mediaBuys.flatMap((e) => e.packages.map((p) => p.pacing))).toEqual(['asap', 'asap'])
  const after = await stored(page, id)
  for (const buy of buys)
    expect(after.mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId)?.packages.map((p) => p.pacing)).toEqual([
      'asap',
    ])
})
