import type { APIRequestContext, Page } from '@playwright/test'
import { expect, OWN, test } from './fixtures'

// A new user following the README's first-screen section from a fresh reset: each demo story
// (server/sandbox/seed/stories.ts) is reached from the first screen by what is on it, within a minute.

const STORY_MS = 60_000

async function firstScreen(page: Page) {
  await page.goto('/')
  await expect(page).toHaveURL(/\/campaigns$/)
  return page.getByRole('treegrid', { name: 'Campaigns' })
}

/** Types the name into the list's search, as a buyer looking for a campaign does; the search lands in the URL. */
async function search(page: Page, name: string) {
  await page.getByLabel('Name').fill(name)
  await expect(page).toHaveURL(/[?&]q=/)
}

async function openFromList(page: Page, name: string) {
  await firstScreen(page)
  await search(page, name)
  await page.getByRole('treegrid', { name: 'Campaigns' }).getByRole('link', { name, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 15_000 })
}

async function fromNeedsYou(page: Page, option: string) {
  await firstScreen(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Needs you' }).click()
  const item = page.getByRole('listbox', { name: /^Needs you/ }).getByRole('option', { name: new RegExp(option) })
  await item.click()
  return item
}

/**
 * One story, walked from the first screen; the buyer reaches it within a minute. A new user reads one story at a time,
 * so each starts on a fresh minute of the platform's rate limit (the sandbox's and the gateway's counters), not on what
 * the stories before it spent seconds ago.
 */
async function walkStory(request: APIRequestContext, title: string, walk: () => Promise<void>) {
  await test.step(title, async () => {
    const fresh = await request.post('/sandbox/rate-limit', { headers: OWN, data: { clear: true } })
    expect(fresh.ok()).toBe(true)
    const started = Date.now()
    await walk()
    expect(Date.now() - started, `${title}: reached within a minute`).toBeLessThan(STORY_MS)
  })
}

test('a new user reaches every demo story from the first screen, as the README tells them', async ({
  page,
  context,
}) => {
  test.setTimeout(6 * STORY_MS)
  const story = (title: string, walk: () => Promise<void>) => walkStory(page.request, title, walk)

  await story('Holiday Gift Guide: execute fails at two sellers, correctable and transient; Retry failed', async () => {
    await openFromList(page, 'Holiday Gift Guide')
    await page.getByRole('button', { name: 'Execute', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Execute campaign' })
    await dialog.getByRole('switch', { name: 'Include debug logs' }).click()
    await dialog.getByRole('button', { name: 'Execute now' }).click()

    const panel = page.getByRole('region', { name: 'Last execute' })
    await expect(panel.getByText('2 buys failed; the others went through.', { exact: false })).toBeVisible()
    const meridian = panel.getByRole('region', { name: 'sa_meridian: 1 failed' })
    await expect(meridian).toContainText('BUDGET_BELOW_MINIMUM')
    await expect(meridian).toContainText('Needs a change to the buy before retrying')
    const cobalt = panel.getByRole('region', { name: 'sa_cobalt: 1 failed' })
    await expect(cobalt).toContainText('SERVICE_UNAVAILABLE')
    await expect(cobalt).toContainText('Temporary: retrying should work')

    await panel.getByRole('button', { name: 'Retry failed' }).click()
    await expect(panel.getByRole('region', { name: 'sa_cobalt: 1 failed' })).toHaveCount(0)
    await expect(panel.getByRole('region', { name: 'sa_meridian: 1 failed' })).toContainText('BUDGET_BELOW_MINIMUM')
  })

  await story("Lumen Wellness Awareness CTV: the seller's question waits in Needs you", async () => {
    const item = await fromNeedsYou(page, 'Lumen Wellness Awareness CTV · Harbor Streaming')
    await expect(item).toContainText('requires a minimum commitment of 20,000.00 USD')
    await expect(page.getByRole('button', { name: 'Change budget and reply' })).toBeVisible()
  })

  await story("Lumen Flu Season Reminder: a rejected buy with the seller's reason in Needs you", async () => {
    const item = await fromNeedsYou(page, 'Lumen Flu Season Reminder · Summit Audio Network')
    await expect(item).toContainText('Rejected')
    await expect(item).toContainText('declined the order: the minimum order is 5,000.00 USD')
  })

  await story('Trailhead Video Launch: a change waiting on its seller, live → proposed', async () => {
    await openFromList(page, 'Trailhead Video Launch')
    await page.getByRole('button', { name: 'Expand all' }).click()
    const change = page
      .getByRole('treegrid', { name: /^Media buys of / })
      .getByRole('row', { name: /^Pending change to Trailhead Video Launch · Meridian Premium Direct/ })
    await expect(change).toContainText('34,000')
  })

  for (const [name, verdict] of [
    ['Verdant Commuter CTV', 'underpacing'],
    ['Atelier Boutique Openings Paris', 'overpacing'],
  ] as const)
    await story(`${name}: ${verdict} in the list and on Monitor`, async () => {
      const list = await firstScreen(page)
      await search(page, name)
      await expect(list.getByRole('row', { name, exact: true })).toContainText(
        new RegExp(`${verdict} · \\d+ % of plan`),
      )

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitor' }).click()
      const tile = page
        .getByRole('list', { name: /Live campaigns, most in need of attention first/ })
        .getByRole('article', { name })
      // The wall reads more live campaigns as the buyer scrolls down, and judges a tile once it has been on screen.
      await expect(async () => {
        await page.mouse.wheel(0, 1500)
        await expect(tile).toBeVisible({ timeout: 1_000 })
      }).toPass()
      await tile.scrollIntoViewIfNeeded()
      await expect(tile.getByRole('list', { name: 'Attention' })).toContainText(new RegExp(verdict, 'i'))
    })

  // The last stories are looked at in a second tab beside the first, which keeps polling what it shows.
  const tab = await context.newPage()

  await story(
    'The bell: unread notifications, among them a seller rejecting a buy of Lumen Caregiver Stories',
    async () => {
      await firstScreen(tab)
      const bell = tab.getByRole('button', { name: /^Notifications/ })
      await expect(bell).toHaveAccessibleName(/Notifications, [1-9]\d* unread/)
      await bell.click()
      const panel = tab.getByRole('dialog', { name: 'Notifications' })
      await expect(panel.getByText(/rejected Lumen Caregiver Stories/).first()).toBeVisible()
    },
  )

  await story('Trailhead Video Launch: optimization suggestions wait for approval, also in Needs you', async () => {
    await openFromList(tab, 'Trailhead Video Launch')
    const onPage = tab.getByRole('region', { name: 'Optimization suggestions' })
    await expect(onPage.getByRole('list', { name: 'Waiting for your approval' }).getByRole('article')).not.toHaveCount(
      0,
    )
    await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Needs you' }).click()
    const section = tab.getByRole('region', { name: /Suggestions waiting for your approval/ })
    await section.scrollIntoViewIfNeeded()
    await expect(section.getByRole('article', { name: /Optimization for Trailhead Video Launch/ })).not.toHaveCount(0)
  })

  await story(
    'Brightwater Mortgage Rates: History shows the buyer and the optimizer, approved as the agent',
    async () => {
      await openFromList(tab, 'Brightwater Mortgage Rates')
      const table = tab.getByRole('region', { name: 'History' }).getByRole('table', { name: 'Change history' })
      await table.scrollIntoViewIfNeeded()
      await expect(table.locator('tbody tr[data-actor-origin="human"]').first()).toContainText('Sandbox buyer')
      await expect(tab.getByLabel('Made by')).toBeVisible()
      await tab.getByLabel('Made by').selectOption('agent')
      await expect(table.locator('tbody tr[data-actor-origin="agent"]').first()).toContainText('Sandbox optimizer')
    },
  )
})
