import { expect, test, type APIRequestContext } from '@playwright/test'
import { createServer, type Server } from 'node:http'

// Another site the buyer has open in the same browser tries to act with the server's key: an auto-submitted form and
// no-cors fetches against the dashboard's API and sandbox controls. The server refuses them all, and the dashboard's
// own API (which sends X-Dashboard-Client) shows nothing changed.

const CAMPAIGN = 'cmp_100000001' // Summer Trail Gear — Always On: live
const DASHBOARD = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173)}`
const ATTACKER_PORT = Number(process.env.E2E_PORT ?? 4173) + 50
const ATTACKER = `http://127.0.0.1:${ATTACKER_PORT}`
const OWN = { 'X-Dashboard-Client': '1' }

/** The attacker's page: fires no-cors fetches, then submits a text/plain form whose body reads as JSON. */
const ATTACK_PAGE = `<!doctype html>
<html lang="en"><head><title>Win a prize</title></head><body>
<form id="f" method="POST" enctype="text/plain" action="${DASHBOARD}/api/v2/buyer/campaigns/${CAMPAIGN}/pause">
  <input type="hidden" name='{"reason":"' value='x"}'>
</form>
<script>
  const posts = [
    ['/api/v2/buyer/campaigns/${CAMPAIGN}/pause', '{}'],
    ['/api/v2/buyer/campaigns', '{"advertiserId":10421,"name":"Planted","budget":{"total":1}}'],
    ['/sandbox/tick', '{"days":30}'],
    ['/sandbox/faults', '{"rules":[{"path":"/campaigns","fault":"500"}]}'],
  ]
  Promise.allSettled(posts.map(([path, body]) =>
    fetch('${DASHBOARD}' + path, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body })
  )).then(() => document.getElementById('f').submit())
</script>
</body></html>`

let attacker: Server

test.beforeAll(async () => {
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(ATTACK_PAGE)
  })
  await new Promise<void>((resolve) => attacker.listen(ATTACKER_PORT, '127.0.0.1', resolve))
})
test.afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve))
})

// Reset before and after: the test pauses a campaign that the other specs expect live.
test.beforeEach(async ({ request }) => {
  expect((await request.post('/sandbox/reset', { headers: OWN })).ok()).toBe(true)
})
test.afterEach(async ({ request }) => {
  expect((await request.post('/sandbox/reset', { headers: OWN })).ok()).toBe(true)
})

async function dashboardState(request: APIRequestContext) {
  const campaign = await request.get(`/api/v2/buyer/campaigns/${CAMPAIGN}?fresh=true`, { headers: OWN })
  expect(campaign.ok()).toBe(true)
  const state = await request.get('/sandbox/state', { headers: OWN })
  const faults = await request.get('/sandbox/faults', { headers: OWN })
  return {
    campaign: ((await campaign.json()) as { data: { campaign: { status: string; revision: number } } }).data.campaign,
    state: ((await state.json()) as { data: { now: string; counts: { campaigns: number } } }).data,
    faults: ((await faults.json()) as { rules: unknown[] }).rules,
  }
}

test("another site's form post and no-cors fetches change nothing", async ({ page, request }) => {
  const before = await dashboardState(request)
  expect(before.campaign.status).toBe('ACTIVE')

  // Chromium blocks the no-cors answers (Cross-Origin-Resource-Policy), so the requests are counted as they leave and
  // the answers that are visible must all be refusals.
  const sent: string[] = []
  const answered: { url: string; status: number }[] = []
  page.on('request', (req) => {
    if (req.url().startsWith(DASHBOARD) && req.method() === 'POST') sent.push(req.url().slice(DASHBOARD.length))
  })
  page.on('response', (res) => {
    if (res.url().startsWith(DASHBOARD) && res.request().method() === 'POST')
      answered.push({ url: res.url().slice(DASHBOARD.length), status: res.status() })
  })

  await page.goto(`${ATTACKER}/`)
  // The form navigates the tab to the dashboard's answer: a refusal in the API's error envelope.
  await page.waitForURL(`${DASHBOARD}/api/v2/buyer/campaigns/${CAMPAIGN}/pause`)
  await expect(page.locator('body')).toContainText('"code":"FORBIDDEN"')
  expect(sent).toHaveLength(5)
  expect(answered.length).toBeGreaterThanOrEqual(1)
  expect(answered.filter((r) => r.status !== 403)).toEqual([])

  const after = await dashboardState(request)
  expect(after.campaign).toMatchObject({ status: 'ACTIVE', revision: before.campaign.revision })
  expect(after.state.counts.campaigns).toBe(before.state.counts.campaigns)
  expect(after.state.now).toBe(before.state.now)
  expect(after.faults).toEqual([])

  // The same pause from the dashboard's own page goes through, so the refusals above were the guard at work.
  await page.goto(`/campaigns/${CAMPAIGN}`)
  const paused = await page.evaluate(async (id) => {
    const res = await fetch(`/api/v2/buyer/campaigns/${id}/pause`, {
      method: 'POST',
      headers: { 'X-Dashboard-Client': '1' },
    })
    return res.status
  }, CAMPAIGN)
  expect(paused).toBe(200)
  expect((await dashboardState(request)).campaign.status).toBe('PAUSED')
})
