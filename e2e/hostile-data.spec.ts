import type { Page } from '@playwright/test'
import { expect, storedCampaign, test } from './fixtures'

// Campaign and buy names come from other people: in a real browser they must stay text. The page's CSP would block an
// injected script as a second line of defence; it is bypassed here so that markup rendered as HTML would really run
// and this test would see it.
test.use({ bypassCSP: true })

const WRITE_HEADERS = { 'X-Dashboard-Client': '1', 'Content-Type': 'application/json' }
const SCRIPT = '<script>window.__pwned = "script"</script>'
const IMG = '<img src="data:," onerror="window.__pwned = \'img\'">'
const SVG = '<svg onload="window.__pwned = \'svg\'"></svg>'
const LINK = '<a href="javascript:window.__pwned = \'link\'">open</a>'
const CAMPAIGN_NAME = `Spring ${SCRIPT}${IMG}${LINK}`
const BUY_NAME = `Buy ${SVG}${IMG}`

interface Created {
  campaignId: string
}

async function hostileCampaign(page: Page): Promise<string> {
  const created = await page.request.post('/api/v2/buyer/campaigns', {
    headers: WRITE_HEADERS,
    data: {
      advertiserId: 10421,
      name: CAMPAIGN_NAME,
      mode: 'discovery',
      budget: { total: 20_000 },
      flightDates: { startDate: '2026-11-26T00:00:00Z', endDate: '2026-12-26T00:00:00Z' },
      productIds: ['prod_nw_native'],
    },
  })
  expect(created.ok()).toBe(true)
  const id = ((await created.json()) as { data: { campaign: Created } }).data.campaign.campaignId
  const executed = await page.request.post(`/api/v2/buyer/campaigns/${id}/execute`, {
    headers: WRITE_HEADERS,
    data: {},
  })
  expect(executed.ok()).toBe(true)
  const buys = (await storedCampaign(page.request, id)).mediaBuys
  expect(buys).toHaveLength(1)
  const renamed = await page.request.put(`/api/v2/buyer/campaigns/${id}`, {
    headers: WRITE_HEADERS,
    data: { mediaBuys: [{ mediaBuyId: buys[0].mediaBuyId, name: BUY_NAME }] },
  })
  expect(renamed.ok()).toBe(true)
  return id
}

/** What would show that markup from the data became live in the page. */
async function liveMarkup(page: Page) {
  return page.evaluate(() => ({
    pwned: (window as { __pwned?: string }).__pwned ?? null,
    handlers: [...document.querySelectorAll('body *')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName.toLowerCase()}[${a.name}]`),
    ),
    scriptsInBody: document.body.querySelectorAll('script').length,
    javascriptHrefs: [...document.querySelectorAll('[href]')]
      .map((el) => el.getAttribute('href') ?? '')
      .filter((href) => /^\s*javascript:/i.test(href)),
  }))
}

const INERT = { pwned: null, handlers: [], scriptsInBody: 0, javascriptHrefs: [] }

test('hostile campaign and buy names render as inert text on the campaign list and the campaign page', async ({
  page,
}) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const id = await hostileCampaign(page)

  await page.goto(`/campaigns?q=${encodeURIComponent('Spring <script>')}`)
  await expect(page.getByRole('link', { name: CAMPAIGN_NAME })).toBeVisible()
  await expect(page.getByRole('link', { name: CAMPAIGN_NAME })).toHaveAttribute('href', `/campaigns/${id}`)
  expect(await liveMarkup(page)).toEqual(INERT)

  await page.goto(`/campaigns/${id}`)
  await expect(
    page
      .getByRole('treegrid', { name: /^Media buys of / })
      .getByRole('row')
      .nth(1),
  ).toBeVisible()
  // Give an image error or an svg load time to fire, had either been created.
  await page.waitForTimeout(300)
  expect(await liveMarkup(page)).toEqual(INERT)
  expect(dialogs).toEqual([])
  // And the names read exactly as they were typed.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CAMPAIGN_NAME)
  const grid = page.getByRole('treegrid', { name: `Media buys of ${CAMPAIGN_NAME}` })
  await expect(grid.getByRole('row', { name: BUY_NAME })).toBeVisible()
})
