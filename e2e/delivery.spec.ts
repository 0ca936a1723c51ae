import type { Page } from '@playwright/test'
import { expect, expectNoSeriousAxeViolations, storedCampaign, test, type StoredPackage } from './fixtures'
import { readFile } from 'node:fs/promises'

// Against the real server with a fresh sandbox and a manual clock (playwright.config.ts): delivery accrues only when
// the test posts /sandbox/tick.

const CAMPAIGN = 'cmp_100000001' // Summer Trail Gear — Always On: live, several sellers, paced packages

/** RFC 4180 parsing, enough for the export: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  return rows
}

const spendCaption = (page: Page) => page.locator('#spend-chart-caption')
async function spendOnChart(page: Page): Promise<number> {
  const text = (await spendCaption(page).textContent()) ?? ''
  const match = /Spend to date \D*([\d,]+\.\d{2})/.exec(text)
  expect(match, `caption: ${text}`).not.toBeNull()
  return Number(match![1].replace(/,/g, ''))
}

test('spend rises on the chart after sandbox ticks, the CSV matches the API, and a pause is marked on the timeline', async ({
  page,
}) => {
  await page.goto(`/campaigns/${CAMPAIGN}`)
  const panel = page.getByRole('region', { name: 'Delivery and pacing' })
  await expect(panel.locator('[data-slot="spend-chart"] canvas').first()).toBeVisible()
  const before = await spendOnChart(page)

  const tick = await page.request.post('/sandbox/tick', {
    headers: { 'X-Dashboard-Client': '1' },
    data: { ms: 6 * 3_600_000 },
  })
  expect(tick.ok()).toBe(true)
  await panel.getByRole('button', { name: 'Refresh delivery' }).click()
  await expect.poll(() => spendOnChart(page), { timeout: 10_000 }).toBeGreaterThan(before)

  // The chart's text alternative carries the same days as the canvas.
  await panel.getByText('Show the chart figures as a table').click()
  await expect(
    panel
      .getByRole('table', { name: /Daily delivery/ })
      .getByRole('row')
      .nth(1),
  ).toBeVisible()

  const downloadPromise = page.waitForEvent('download')
  await panel.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  const csv = parseCsv(await readFile((await download.path())!, 'utf8'))
  const [header, ...rest] = csv
  expect(header.slice(0, 3)).toEqual(['Level', 'Campaign', 'Media buy'])
  const col = (name: string) => header.indexOf(name)
  const api = await storedCampaign(page.request, CAMPAIGN)
  const packages = api.mediaBuys.flatMap((b) => b.packages)
  const byLevel = (level: string) => rest.filter((r) => r[0] === level)
  expect(byLevel('Campaign')).toHaveLength(1)
  expect(byLevel('Media buy')).toHaveLength(api.mediaBuys.length)
  expect(byLevel('Package')).toHaveLength(packages.length)

  for (const buy of api.mediaBuys) {
    const row = byLevel('Media buy').find((r) => r[col('Media buy')] === buy.name)
    expect(row, buy.name).toBeDefined()
    const spend = buy.packages.reduce((s, p) => s + (p.delivery?.spend ?? 0), 0)
    expect(Number(row![col('Spend')])).toBeCloseTo(spend, 2)
  }
  const [total] = byLevel('Total')
  const sum = (f: (p: StoredPackage) => number) => packages.reduce((s, p) => s + f(p), 0)
  expect(Number(total[col('Spend')])).toBeCloseTo(
    sum((p) => p.delivery?.spend ?? 0),
    2,
  )
  expect(Number(total[col('Impressions')])).toBe(sum((p) => p.delivery?.impressions ?? 0))
  expect(Number(total[col('Clicks')])).toBe(sum((p) => p.delivery?.clicks ?? 0))
  // Plain numbers a spreadsheet parses: no currency symbols, dot decimals.
  expect(total[col('Spend')]).toMatch(/^\d+(\.\d{1,2})?$/)

  // A status change made while the page is open is marked on the timeline.
  const paused = await page.request.post(`/api/v2/buyer/campaigns/${CAMPAIGN}/pause`, {
    headers: { 'X-Dashboard-Client': '1' },
  })
  expect(paused.ok()).toBe(true)
  await panel.getByRole('button', { name: 'Refresh delivery' }).click()
  // The mark comes from the campaign's History (D10), in its words.
  await expect(panel.getByRole('list', { name: 'Changes on the timeline' })).toContainText(
    `${api.mediaBuys[0].name}: status Active → Paused`,
  )
  expect(
    (
      await page.request.post(`/api/v2/buyer/campaigns/${CAMPAIGN}/reactivate`, {
        headers: { 'X-Dashboard-Client': '1' },
      })
    ).ok(),
  ).toBe(true)
})

test('the monitor wall lists live campaigns by attention and links to them', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitor' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Live campaigns' })).toBeVisible()
  const tiles = page.getByRole('list', { name: /Live campaigns, most in need of attention first/ }).getByRole('article')
  await expect(tiles.first()).toBeVisible()
  await expect(page.getByRole('status')).toContainText('live campaign')
  // Tiles with a reason sort before tiles without one.
  const attention = await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-attention')))
  const firstCalm = attention.indexOf('none')
  if (firstCalm >= 0) expect(attention.slice(firstCalm).every((a) => a === 'none')).toBe(true)
  await tiles.first().getByRole('link').click()
  await expect(page.getByRole('region', { name: 'Delivery and pacing' })).toBeVisible()
})

for (const theme of ['light', 'dark'] as const) {
  test(`overview and monitor have no serious accessibility violations (${theme})`, async ({ page }) => {
    await page.addInitScript((value) => window.localStorage.setItem('theme', value), theme)
    await page.goto(`/campaigns/${CAMPAIGN}`)
    const panel = page.getByRole('region', { name: 'Delivery and pacing' })
    await expect(panel.locator('[data-slot="spend-chart"] canvas').first()).toBeVisible()
    await expectNoSeriousAxeViolations(
      page,
      `delivery overview (${theme})`,
      'section[aria-labelledby="delivery-title"]',
    )
    await page.goto('/monitor')
    await expect(page.getByRole('article').first()).toBeVisible()
    await expectNoSeriousAxeViolations(page, `monitor (${theme})`)
  })
}
