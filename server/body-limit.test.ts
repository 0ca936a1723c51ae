// @vitest-environment node
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import type { Hono } from 'hono'
import { createApp } from './app.ts'
import { MAX_BODY_BYTES } from './body-limit.ts'
import { openSandbox, type TestSandbox } from './sandbox/tests/helpers.ts'
import { campaignIdOf } from './sandbox/seed/scenarios.ts'

const OWN = { 'X-Dashboard-Client': '1', 'Content-Type': 'application/json' }
const CHUNK = 64 * 1024

function listen(app: Hono): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    )
  })
}

/**
 * Sends `chunks` chunks of 64 KiB, each only after the previous one was written, and resolves with the status as soon
 * as the server answers, with how many chunks had been sent by then.
 */
function post(
  port: number,
  path: string,
  chunks: number,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      answered = true
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, sent })
        req.destroy()
      })
    })
    // The server may close the connection on a body it refused; the answer is what counts.
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    const chunk = Buffer.alloc(CHUNK, 0x20)
    const writeNext = () => {
      if (answered || req.destroyed) return
      if (sent >= chunks) return void req.end()
      sent++
      req.write(chunk, () => setTimeout(writeNext, 2))
    }
    writeNext()
  })
}

describe('request bodies are capped in forward mode', () => {
  const calls: { url: string; bytes: number }[] = []
  const fetchImpl: typeof fetch = async (input, init) => {
    const body = init?.body
    calls.push({ url: String(input), bytes: body instanceof ArrayBuffer ? body.byteLength : 0 })
    return Response.json({ data: { ok: true }, error: null })
  }
  const app = createApp({ backend: { kind: 'forward', upstream: 'https://api.example', apiKey: 'k', fetchImpl } })
  let server: { server: ServerType; port: number }

  beforeAll(async () => {
    server = await listen(app)
  })
  afterAll(() => server.server.close())
  beforeEach(() => {
    calls.length = 0
  })

  it('refuses a 100 MB Content-Length at once, before the body arrives; the upstream is never called', async () => {
    const res = await post(server.port, '/api/v2/buyer/campaigns/cmp_1', 1600, {
      ...OWN,
      'Content-Length': String(100 * 1024 * 1024),
    })
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body)).toMatchObject({ data: null, error: { code: 'PAYLOAD_TOO_LARGE' } })
    expect(res.sent).toBeLessThan(40)
    expect(calls).toEqual([])
  })

  it('refuses a streamed body without Content-Length at the first byte over the cap', async () => {
    const res = await post(server.port, '/api/v2/buyer/campaigns/cmp_1', 1600, {
      ...OWN,
      'Transfer-Encoding': 'chunked',
    })
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } })
    // 1 MiB is 16 chunks; the answer comes long before the 100 MB would have been sent.
    expect(res.sent).toBeGreaterThan(MAX_BODY_BYTES / CHUNK)
    expect(res.sent).toBeLessThan(200)
    expect(calls).toEqual([])
  })

  it('stops pulling an in-process stream once it is over the cap', async () => {
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        if (pulled > 1600) controller.close()
        else controller.enqueue(new Uint8Array(CHUNK))
      },
    })
    const res = await app.request('/api/v2/buyer/campaigns/cmp_1', {
      method: 'POST',
      headers: OWN,
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(pulled).toBeLessThan(40)
    expect(calls).toEqual([])
  })

  it('forwards a body under the cap whole, streamed or not', async () => {
    const chunked = await post(server.port, '/api/v2/buyer/campaigns/cmp_1', 15, {
      ...OWN,
      'Transfer-Encoding': 'chunked',
    })
    expect(chunked.status).toBe(200)
    const sized = await post(server.port, '/api/v2/buyer/campaigns/cmp_1', 16, {
      ...OWN,
      'Content-Length': String(16 * CHUNK),
    })
    expect(sized.status).toBe(200)
    expect(calls.map((c) => c.bytes)).toEqual([15 * CHUNK, 16 * CHUNK])
  })

  it('refuses a Content-Length that is not a number', async () => {
    const res = await app.request('/api/v2/buyer/campaigns/cmp_1', {
      method: 'POST',
      headers: { ...OWN, 'Content-Length': '1e9' },
      body: '{}',
    })
    expect(res.status).toBe(400)
    expect(calls).toEqual([])
  })
})

describe('request bodies are capped in sandbox mode', () => {
  let t: TestSandbox
  let server: { server: ServerType; port: number }
  const id = campaignIdOf(1)
  const revision = async () => (await t.campaign(id)).revision

  beforeAll(async () => {
    t = openSandbox()
    server = await listen(createApp({ backend: { kind: 'sandbox', sandbox: t.sb, demoApiKey: 'scope3_test' } }))
  })
  afterAll(() => {
    server.server.close()
    t.done()
  })

  it('refuses a big update by Content-Length and by streaming; the campaign is unchanged', async () => {
    const before = await revision()
    const byLength = await post(server.port, `/api/v2/buyer/campaigns/${id}`, 1600, {
      ...OWN,
      'Content-Length': String(100 * 1024 * 1024),
    })
    expect(byLength.status).toBe(413)
    const streamed = await post(server.port, '/sandbox/tick', 1600, { ...OWN, 'Transfer-Encoding': 'chunked' })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body)).toMatchObject({ data: null, error: { code: 'PAYLOAD_TOO_LARGE' } })
    expect(await revision()).toBe(before)
  })

  it('still reads bodies under the cap, and the API still gets the demo key', async () => {
    const renamed = await fetch(`http://127.0.0.1:${server.port}/api/v2/buyer/campaigns/${id}`, {
      method: 'PUT',
      headers: OWN,
      body: JSON.stringify({ name: 'Renamed under the cap' }),
    })
    expect(renamed.status).toBe(200)
    const after = await t.call<{ campaign: { name: string } }>('GET', `/campaigns/${id}`)
    expect(after.data.campaign.name).toBe('Renamed under the cap')

    const res = await fetch(`http://127.0.0.1:${server.port}/sandbox/tick`, {
      method: 'POST',
      headers: OWN,
      body: JSON.stringify({ ms: 1000 }),
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { data: { advancedMs: number } }).data.advancedMs).toBe(1000)
  })
})
