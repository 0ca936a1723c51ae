import { expect, expectNoSeriousAxeViolations, test } from './fixtures'

// A fresh DRAFT campaign with a Northwind product (approves at once) and a Cobalt one (fails the first submission of
// each buy with a transient AdCP error over MCP, and accepts the retry).
async function draftWithFailingSeller(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const res = await request.post('/api/v2/buyer/campaigns', {
    headers: { authorization: 'Bearer scope3_e2e_execution', 'X-Dashboard-Client': '1' },
    data: {
      advertiserId: 10421,
      name: `E2E execute ${Date.now()}`,
      mode: 'discovery',
      budget: { total: 30_000 },
      flightDates: { startDate: '2026-12-01T00:00:00Z', endDate: '2026-12-31T00:00:00Z' },
      productIds: ['prod_nw_native', 'prod_cb_feed'],
    },
  })
  expect(res.status()).toBe(201)
  const body = (await res.json()) as { data: { campaign: { campaignId: string } } }
  return body.data.campaign.campaignId
}

test('executes a campaign where one seller fails, finds the failing request in the logs, and retries', async ({
  page,
  request,
}) => {
  const id = await draftWithFailingSeller(request)
  await page.goto(`/campaigns/${id}`)
  await page.getByRole('button', { name: 'Execute', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Execute campaign' })
  await dialog.getByRole('switch', { name: 'Include debug logs' }).click()
  await dialog.getByRole('button', { name: 'Execute now' }).click()

  const panel = page.getByRole('region', { name: 'Last execute' })
  await expect(panel).toBeVisible()
  await expect(panel.getByText('1 buy failed; the others went through.', { exact: false })).toBeVisible()
  const group = panel.getByRole('region', { name: 'sa_cobalt: 1 failed' })
  await expect(group).toContainText('SERVICE_UNAVAILABLE')
  await expect(group).toContainText('Temporary: retrying should work')

  await group.getByText('Debug: AdCP request, response and transport log').click()
  const search = group.getByRole('searchbox', { name: /^Search transport log for / })
  await search.fill('Calling tool create_media_buy')
  await expect(group.getByRole('status').filter({ hasText: /match/ })).toContainText('1 match')
  const log = group.getByRole('list', { name: /^transport log for / })
  await expect(log.locator('mark').first()).toHaveText('Calling tool create_media_buy')
  // The webhook credentials in the request are masked on screen.
  await expect(group).not.toContainText('whk_sandbox_local')

  await expectNoSeriousAxeViolations(page, 'the execute result', '[aria-labelledby="execute-result-title"]')

  await panel.getByRole('button', { name: 'Retry failed' }).click()
  await expect(panel.getByText('Every buy was sent.')).toBeVisible()
  await expect(panel.getByRole('region', { name: /failed$/ })).toHaveCount(0)

  // The result survives navigating away and back until dismissed.
  await page.getByRole('link', { name: 'Campaigns' }).first().click()
  await page.goto(`/campaigns/${id}`)
  await expect(panel.getByText('Every buy was sent.')).toBeVisible()
  await panel.getByRole('button', { name: 'Dismiss' }).click()
  await expect(panel).toHaveCount(0)
})
