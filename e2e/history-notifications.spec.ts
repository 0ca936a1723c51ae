import type { Page } from '@playwright/test'
import { expect, expectNoSeriousAxeViolations, OWN, storedCampaign, test } from './fixtures'

// D10–D12 end to end on the demo with a manual clock: History rows from the buyer's own change, a seller's rejection
// reaching the bell, and an optimization suggestion approved from Needs you.

async function expectAxeClean(page: Page, selector: string, label: string) {
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => {
      window.localStorage.setItem('theme', t)
      document.documentElement.classList.toggle('dark', t === 'dark')
    }, theme)
    await expectNoSeriousAxeViolations(page, `${label} (${theme})`, selector)
  }
}

// Seller clocks, several screens and axe in two themes: more than the default 30 s on a loaded machine.
test.describe.configure({ timeout: 90_000 })

const tick = (page: Page, data: Record<string, number>) => page.request.post('/sandbox/tick', { headers: OWN, data })

test('a budget edit appears in History at once with old → new and the buyer as actor; filters are in the URL', async ({
  page,
}) => {
  const buys = (await storedCampaign(page.request, 'cmp_100000009')).mediaBuys
  const summit = buys.find((b) => b.name.endsWith('Summit Audio Network') && b.status === 'ACTIVE')!
  const total = summit.packages.reduce((sum, p) => sum + p.budget, 0)
  const euros = (n: number) => `€${n.toLocaleString('en-US', { minimumFractionDigits: 2 })}`
  await page.goto('/campaigns/cmp_100000009')
  const history = page.getByRole('region', { name: 'History' })
  const table = history.getByRole('table', { name: 'Change history' })
  await expect(table.getByRole('row').nth(1)).toBeVisible()
  const before = await table.getByRole('row').count()

  await page.getByRole('button', { name: /^Actions for .*Summit Audio Network/ }).click()
  await page.getByRole('menuitem', { name: 'Edit budget and pacing', exact: true }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Budget (EUR)').first().fill('12500')
  await dialog.getByRole('button', { name: 'Review changes' }).click()
  await dialog.getByRole('button', { name: 'Send changes' }).click()
  await expect(dialog).toBeHidden()

  // No reload: the newest row is the buyer's own, with the budget as money.
  await expect(table.getByRole('row')).toHaveCount(before + 1)
  const newest = table.getByRole('row').nth(1)
  await expect(newest).toContainText('Sandbox buyer')
  await expect(newest).toContainText('by hand')
  // The buy is live, so the edit is a proposed change (D6): its budget, old → new.
  await expect(newest).toContainText(
    `Proposed: Budget ${euros(total)} → ${euros(total - summit.packages[0].budget + 12_500)}`,
  )
  await expect(newest).not.toContainText('{')

  // One buy, deep-linked: the filter is in the URL and survives a reload.
  await history.getByLabel('Made by').selectOption('system')
  await expect(page).toHaveURL(/historyOrigin=system/)
  await page.reload()
  await expect(page.getByRole('region', { name: 'History' }).getByLabel('Made by')).toHaveValue('system')
  const rows = page.getByRole('table', { name: 'Change history' }).locator('tbody tr')
  await expect(rows.first()).toHaveAttribute('data-actor-origin', 'system')
  await expect(rows.first().getByText('System')).toBeVisible()
  await expectAxeClean(page, '#history', 'History')
})

test('a seller rejects: the bell count rises, the notification leads to the buy, and marking it read lowers the count', async ({
  page,
}) => {
  await page.goto('/campaigns')
  const bell = page.getByRole('button', { name: /^Notifications/ })
  await expect(bell).toHaveAccessibleName(/Notifications, \d+ unread/)
  const unread = async () => Number((await bell.getAttribute('aria-label'))?.match(/(\d+) unread/)?.[1] ?? 0)
  const before = await unread()

  // Holiday Gift Guide's Summit Audio buy (3,000) is under the seller's 5,000 minimum: it declines on its clock.
  const executed = await page.request.post('/api/v2/buyer/campaigns/cmp_100000004/execute', { headers: OWN, data: {} })
  expect(executed.ok()).toBe(true)
  await tick(page, { days: 1 })
  // The bell polls once a minute; coming back to the tab asks at once.
  await page.reload()
  await expect.poll(unread, { timeout: 15_000 }).toBeGreaterThan(before)

  await bell.click()
  const panel = page.getByRole('dialog', { name: 'Notifications' })
  const rejection = panel.getByRole('article', { name: /Unread: Summit Audio Network rejected Holiday Gift Guide/ })
  await expect(rejection).toContainText('minimum')
  await expectAxeClean(page, '[role="dialog"]', 'the notification panel')

  await rejection.getByRole('link', { name: /^Open/ }).click()
  await expect(panel).toBeHidden()
  await expect(page).toHaveURL(/\/campaigns\/cmp_100000004\?mediaBuyId=mb_/)
  const row = page
    .getByRole('treegrid', { name: /^Media buys of / })
    .getByRole('row', { name: /Holiday Gift Guide · Summit Audio Network/ })
  await expect(row).toBeFocused()

  const now = await unread()
  await bell.click()
  await panel
    .getByRole('article', { name: /Unread: Summit Audio Network rejected Holiday Gift Guide/ })
    .getByRole('button', { name: /^Mark read/ })
    .click()
  await expect(panel).toContainText(`${now - 1} unread`)
  await expect(panel.getByRole('article', { name: /^Summit Audio Network rejected Holiday Gift Guide/ })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(bell).toHaveAccessibleName(`Notifications, ${now - 1} unread`)
})

test('a suggestion waits in Needs you; approving it changes the buy’s budget, and History shows it as the optimizer’s', async ({
  page,
}) => {
  await page.goto('/needs-you')
  const section = page.getByRole('region', { name: /Suggestions waiting for your approval/ })
  // Details are read for what is on screen: scroll down to the section.
  await section.getByRole('heading', { name: /Suggestions waiting/ }).scrollIntoViewIfNeeded()
  const card = section.getByRole('article', { name: /Optimization for Trailhead Video Launch · Northwind Exchange/ })
  await card.scrollIntoViewIfNeeded()
  // The factor follows the buy's pacing when the demo was seeded; the new budget is the old one times it.
  const budget = card.getByTestId('suggestion-budget')
  await expect(budget).toHaveText(/^\$10,000\.00 → \$[\d,]+\.\d\d \(× [\d.]+\)$/)
  const [, proposedText, factorText] = /→ \$([\d,]+\.\d\d) \(× ([\d.]+)\)/.exec((await budget.textContent()) ?? '')!
  const proposed = `$${proposedText}`
  expect(Number(proposedText.replace(/,/g, ''))).toBeCloseTo(10_000 * Number(factorText), 2)
  await expect(card).toContainText('No product or bid adjustments')
  await expect(card).toContainText(/Under spending: spending \$[\d,.]+ a day, recommended \$[\d,.]+ a day/)
  await expectAxeClean(page, '[aria-labelledby="suggestions-title"]', 'Needs you’s suggestions')
  await expectAxeClean(page, '[aria-labelledby="needs-you-notifications-title"]', 'Needs you’s notifications')

  await card.getByRole('button', { name: /^Approve/ }).click()
  await expect(section.getByRole('status')).toContainText(
    'Approved the suggestion for Trailhead Video Launch · Northwind',
  )
  await expect(card).toHaveCount(0)

  // The buy is live, so the change waits for Northwind (D6), which approves within minutes.
  await tick(page, { ms: 3_600_000 })
  await page.goto('/campaigns/cmp_100000002')
  const tree = page.getByRole('treegrid', { name: /^Media buys of / })
  await expect(tree.getByRole('row', { name: /Trailhead Video Launch · Northwind Exchange/ })).toContainText(proposed)
  const byAgent = page.getByRole('table', { name: 'Change history' }).locator('tbody tr[data-actor-origin="agent"]')
  await expect(byAgent.first()).toContainText('Agent')
  await expect(byAgent.first()).toContainText(`$10,000.00 → ${proposed}`)
  const earlier = page.getByRole('table', { name: 'Earlier suggestions' })
  await expect(earlier.getByRole('row', { name: /Northwind Exchange/ })).toContainText('Applied')
  await expectAxeClean(page, '[aria-labelledby="campaign-suggestions-title"]', 'the campaign’s suggestions')
})
