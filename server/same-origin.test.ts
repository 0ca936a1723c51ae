// @vitest-environment node
import type { Hono } from 'hono'
import { createApp } from './app.ts'
import { openSandbox, type TestSandbox } from './sandbox/tests/helpers.ts'
import { campaignIdOf } from './sandbox/seed/scenarios.ts'

const ACTIVE = campaignIdOf(1)
const OWN_ORIGIN = 'http://localhost'
/** What the dashboard's own pages send with a state change. */
const OWN = { 'X-Dashboard-Client': '1', 'Content-Type': 'application/json' }
/** What an auto-submitted form on another site makes the browser send. */
const FORM = {
  Origin: 'https://evil.example',
  'Sec-Fetch-Site': 'cross-site',
  'Content-Type': 'application/x-www-form-urlencoded',
}

interface Upstream {
  calls: { url: string; method: string; headers: Headers; body: string }[]
  fetchImpl: typeof fetch
}

function fakeUpstream(answer: () => Response = () => Response.json({ data: { ok: true }, error: null })): Upstream {
  const calls: Upstream['calls'] = []
  const fetchImpl: typeof fetch = async (input, init) => {
    const body = init?.body
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: body instanceof ArrayBuffer ? new TextDecoder().decode(body) : '',
    })
    return answer()
  }
  return { calls, fetchImpl }
}

async function errorCode(res: Response): Promise<string | undefined> {
  const json = (await res.json()) as { data: unknown; error: { code: string } | null }
  expect(json.data).toBeNull()
  return json.error?.code
}

describe('state changes in sandbox mode come only from the dashboard', () => {
  let t: TestSandbox
  let app: Hono
  const status = async (id: string) => {
    const res = await app.request(`/api/v2/buyer/campaigns/${id}`)
    return ((await res.json()) as { data: { campaign: { status: string } } }).data.campaign.status
  }
  const campaignCount = async () => {
    const res = await app.request('/sandbox/state')
    return ((await res.json()) as { data: { counts: { campaigns: number } } }).data.counts.campaigns
  }

  beforeEach(() => {
    t = openSandbox()
    app = createApp({ backend: { kind: 'sandbox', sandbox: t.sb, demoApiKey: 'scope3_test' } })
  })
  afterEach(() => t.done())

  it('refuses a cross-site form post to pause; the campaign stays active', async () => {
    const res = await app.request(`/api/v2/buyer/campaigns/${ACTIVE}/pause`, {
      method: 'POST',
      headers: FORM,
      body: '',
    })
    expect(res.status).toBe(403)
    expect(await errorCode(res)).toBe('FORBIDDEN')
    expect(await status(ACTIVE)).toBe('ACTIVE')
  })

  it('refuses a form post even without Origin or Sec-Fetch-Site (older browsers, privacy proxies)', async () => {
    const res = await app.request(`/api/v2/buyer/campaigns/${ACTIVE}/pause`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    })
    expect(res.status).toBe(403)
    expect(await status(ACTIVE)).toBe('ACTIVE')
  })

  it('refuses a text/plain body that would parse as JSON: no campaign is created', async () => {
    const before = await campaignCount()
    const body = JSON.stringify({ advertiserId: 'adv_1', name: 'Planted', budget: { total: 1000, currency: 'USD' } })
    const plain = await app.request('/api/v2/buyer/campaigns', {
      method: 'POST',
      headers: { 'X-Dashboard-Client': '1' },
      body,
    })
    expect(plain.status).toBe(415)
    expect(await errorCode(plain)).toBe('UNSUPPORTED_MEDIA_TYPE')
    const fromForm = await app.request('/api/v2/buyer/campaigns', {
      method: 'POST',
      headers: { ...FORM, 'Content-Type': 'text/plain' },
      body,
    })
    expect(fromForm.status).toBe(403)
    expect(await campaignCount()).toBe(before)
  })

  it('refuses the sandbox control routes from another site: reset, tick and faults do nothing', async () => {
    const paused = await app.request(`/api/v2/buyer/campaigns/${ACTIVE}/pause`, {
      method: 'POST',
      headers: { ...OWN, Origin: OWN_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
    })
    expect(paused.status).toBe(200)
    const nowBefore = ((await (await app.request('/sandbox/state')).json()) as { data: { now: string } }).data.now

    for (const path of ['/sandbox/reset', '/sandbox/tick', '/sandbox/faults', '/sandbox/webhooks/adcp']) {
      const res = await app.request(path, { method: 'POST', headers: FORM, body: '' })
      expect(res.status, path).toBe(403)
    }
    const faultPost = await app.request('/sandbox/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ rules: [{ path: '/campaigns', fault: '500' }] }),
    })
    expect(faultPost.status).toBe(403)

    // A reset would have brought the campaign back to ACTIVE, a tick would have moved the clock, a fault would fail this.
    expect(await status(ACTIVE)).toBe('PAUSED')
    const state = (await (await app.request('/sandbox/state')).json()) as { data: { now: string } }
    expect(state.data.now).toBe(nowBefore)
    expect(((await (await app.request('/sandbox/faults')).json()) as { rules: unknown[] }).rules).toEqual([])
  })

  it('refuses a request without the client header even from our own origin', async () => {
    const res = await app.request(`/api/v2/buyer/campaigns/${ACTIVE}/pause`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: OWN_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
    })
    expect(res.status).toBe(403)
    expect(await status(ACTIVE)).toBe('ACTIVE')
  })

  it.each([
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['our host on another port', { Origin: 'http://localhost:6666' }],
    ['an opaque Origin', { Origin: 'null' }],
    ['an Origin with a path', { Origin: 'http://localhost/x' }],
    ['a same-site page', { 'Sec-Fetch-Site': 'same-site' }],
    ['a cross-site page', { 'Sec-Fetch-Site': 'cross-site' }],
  ])('refuses %s even with the client header and a JSON body', async (_what, headers) => {
    const res = await app.request(`/api/v2/buyer/campaigns/${ACTIVE}/pause`, {
      method: 'POST',
      headers: { ...OWN, ...headers },
      body: '{}',
    })
    expect(res.status).toBe(403)
    expect(await status(ACTIVE)).toBe('ACTIVE')
  })

  it.each([
    ['our own origin', { Origin: OWN_ORIGIN, 'Sec-Fetch-Site': 'same-origin' }],
    ['a non-browser client', {}],
    ['a user-initiated request', { 'Sec-Fetch-Site': 'none' }],
  ])('lets the dashboard through from %s', async (_what, headers) => {
    const res = await app.request(`/api/v2/buyer/campaigns/${ACTIVE}/pause`, {
      method: 'POST',
      headers: { ...OWN, ...headers },
    })
    expect(res.status).toBe(200)
    expect(await status(ACTIVE)).toBe('PAUSED')
  })

  it('leaves reads alone: a GET needs no client header', async () => {
    const res = await app.request('/api/v2/buyer/campaigns?take=1', { headers: { 'Sec-Fetch-Site': 'cross-site' } })
    expect(res.status).toBe(200)
  })
})

describe('state changes in forward mode never reach the upstream with the server key', () => {
  const forwardApp = (upstream: Upstream) =>
    createApp({
      backend: {
        kind: 'forward',
        upstream: 'https://api.example',
        apiKey: 'scope3_server_key',
        fetchImpl: upstream.fetchImpl,
      },
    })

  it('refuses the cross-site form post to execute; the upstream is never called', async () => {
    const upstream = fakeUpstream()
    const app = forwardApp(upstream)
    const res = await app.request('/api/v2/buyer/campaigns/cmp_1/execute', { method: 'POST', headers: FORM, body: '' })
    expect(res.status).toBe(403)
    expect(await errorCode(res)).toBe('FORBIDDEN')
    expect(upstream.calls).toEqual([])
  })

  it('refuses text/plain and missing client header; forwards the dashboard request with the key', async () => {
    const upstream = fakeUpstream()
    const app = forwardApp(upstream)
    const plain = await app.request('/api/v2/buyer/campaigns', {
      method: 'POST',
      headers: { 'X-Dashboard-Client': '1' },
      body: '{}',
    })
    expect(plain.status).toBe(415)
    const bare = await app.request('/api/v2/buyer/campaigns/cmp_1', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(bare.status).toBe(403)
    expect(upstream.calls).toEqual([])

    const own = await app.request('/api/v2/buyer/campaigns/cmp_1/execute', {
      method: 'POST',
      headers: { ...OWN, Origin: OWN_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
      body: '{}',
    })
    expect(own.status).toBe(200)
    expect(upstream.calls).toHaveLength(1)
    expect(upstream.calls[0]).toMatchObject({
      method: 'POST',
      url: 'https://api.example/api/v2/buyer/campaigns/cmp_1/execute',
      body: '{}',
    })
    expect(upstream.calls[0].headers.get('authorization')).toBe('Bearer scope3_server_key')
  })

  it('answers no cross-origin preflight, on the API or anywhere else', async () => {
    const upstream = fakeUpstream()
    const app = forwardApp(upstream)
    for (const path of ['/api/v2/buyer/campaigns/cmp_1/pause', '/sandbox/reset', '/campaigns']) {
      const res = await app.request(path, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://evil.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'x-dashboard-client',
        },
      })
      expect(res.status, path).toBe(403)
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      expect(res.headers.get('access-control-allow-headers')).toBeNull()
    }
    expect(upstream.calls).toEqual([])
  })

  it("strips the upstream's CORS grants from its answers", async () => {
    const upstream = fakeUpstream(
      () =>
        new Response('{"data":{"campaigns":[]},"error":null}', {
          headers: {
            'Content-Type': 'application/json',
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Allow-Credentials': 'true',
            'Access-Control-Expose-Headers': 'Authorization',
            'Timing-Allow-Origin': '*',
          },
        }),
    )
    const res = await forwardApp(upstream).request('/api/v2/buyer/campaigns')
    expect(res.status).toBe(200)
    expect(
      [...res.headers.keys()].filter((name) => name.startsWith('access-control-') || name === 'timing-allow-origin'),
    ).toEqual([])
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin')
  })
})
