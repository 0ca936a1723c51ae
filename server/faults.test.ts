// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { createApp } from './app.ts'
import { createSandbox, type Sandbox } from './sandbox/index.ts'

let dir: string
let sandbox: Sandbox
let server: ServerType
let base: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faults-'))
  sandbox = createSandbox({ dbFile: join(dir, 'sandbox.sqlite'), reset: true, clock: 'manual' })
  const app = createApp({ backend: { kind: 'sandbox', sandbox, demoApiKey: 'scope3_test' } })
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      base = `http://127.0.0.1:${info.port}`
      resolve()
    })
  })
})
afterAll(() => {
  server.close()
  sandbox.close()
  rmSync(dir, { recursive: true, force: true })
})
/** What the dashboard's own pages send on every state-changing request. */
const OWN = { 'X-Dashboard-Client': '1' }

afterEach(async () => {
  await fetch(`${base}/sandbox/faults`, { method: 'DELETE', headers: OWN })
})

const inject = (rules: object[]) =>
  fetch(`${base}/sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...OWN },
    body: JSON.stringify({ rules }),
  })

describe('sandbox fault switch', () => {
  it('answers 429 with Retry-After on the chosen route only, and clears', async () => {
    expect((await inject([{ path: '/campaigns', method: 'GET', fault: '429', retryAfterSeconds: 3 }])).status).toBe(200)
    const limited = await fetch(`${base}/api/v2/buyer/campaigns?take=1`)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    expect((await limited.json()).error.code).toBe('RATE_LIMITED')
    expect((await fetch(`${base}/api/v2/buyer/advertisers`)).status).toBe(200)
    await fetch(`${base}/sandbox/faults`, { method: 'DELETE', headers: OWN })
    expect((await fetch(`${base}/api/v2/buyer/campaigns?take=1`)).status).toBe(200)
  })

  it('answers 500 and 503 in the error envelope', async () => {
    await inject([
      { path: '/advertisers', fault: '500' },
      { path: '/campaigns', fault: '503', retryAfterSeconds: 1 },
    ])
    expect(await (await fetch(`${base}/api/v2/buyer/advertisers`)).json()).toMatchObject({
      data: null,
      error: { code: 'INTERNAL_ERROR' },
    })
    const unavailable = await fetch(`${base}/api/v2/buyer/campaigns/cmp_100000001`)
    expect(unavailable.status).toBe(503)
    expect(unavailable.headers.get('retry-after')).toBe('1')
  })

  it('returns malformed JSON and bodies that break the schema', async () => {
    await inject([
      { path: '/campaigns', fault: 'malformed', times: 1 },
      { path: '/advertisers', fault: 'schema' },
    ])
    const broken = await fetch(`${base}/api/v2/buyer/campaigns`)
    await expect(broken.json()).rejects.toThrow()
    expect(await (await fetch(`${base}/api/v2/buyer/advertisers`)).json()).toMatchObject({ data: { unexpected: true } })
    // `times: 1` clears by itself.
    expect((await fetch(`${base}/api/v2/buyer/campaigns`)).status).toBe(200)
  })

  it('drops the connection and holds answers for timeouts', async () => {
    await inject([
      { path: '/campaigns', fault: 'drop' },
      { path: '/advertisers', fault: 'timeout', delayMs: 300 },
    ])
    await expect(fetch(`${base}/api/v2/buyer/campaigns`)).rejects.toThrow()
    const started = Date.now()
    const slow = await fetch(`${base}/api/v2/buyer/advertisers`)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(slow.status).toBe(504)
  })

  it('refuses rules it does not understand', async () => {
    expect((await inject([{ path: 'campaigns', fault: 'explode' }])).status).toBe(400)
  })

  it('does not exist when forwarding to a real platform', async () => {
    const app = createApp({ backend: { kind: 'forward', upstream: 'http://127.0.0.1:9' } })
    const res = await app.request('/sandbox/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...OWN },
      body: '{}',
    })
    expect(res.status).toBe(404)
  })
})
