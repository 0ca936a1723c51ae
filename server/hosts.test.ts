// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from './app.ts'
import { hostAllowList, parseHost } from './hosts.ts'

describe('hostAllowList', () => {
  const list = hostAllowList({ port: 5173 })

  it.each(['localhost', 'localhost:5173', '127.0.0.1', '127.0.0.1:5173', '[::1]', '[::1]:5173', 'LOCALHOST:5173'])(
    'accepts the loopback name %s',
    (host) => {
      expect(list.allows(host)).toBe(true)
    },
  )

  it.each([
    'evil.example',
    'evil.example:5173',
    'localhost:8080',
    '127.0.0.1:1',
    'localhost.evil.example',
    '127.0.0.1.nip.io:5173',
    '0.0.0.0:5173',
    'localhost:5173@evil.example',
    'localhost:99999',
    '',
    ' ',
    'local host',
  ])('refuses %s', (host) => {
    expect(list.allows(host)).toBe(false)
  })

  it('adds ALLOWED_HOSTS names: without a port on no port or the server port, with a port on that port only', () => {
    const team = hostAllowList({ port: 5173, extra: ['dashboard.team.example', 'localhost:8443'] })
    expect(team.allows('dashboard.team.example')).toBe(true)
    expect(team.allows('dashboard.team.example:5173')).toBe(true)
    expect(team.allows('dashboard.team.example:8080')).toBe(false)
    expect(team.allows('localhost:8443')).toBe(true)
    expect(team.allows('other.team.example')).toBe(false)
  })

  it('refuses ALLOWED_HOSTS entries that are not host names', () => {
    for (const entry of ['*', 'http://x.example', 'x.example/path', '*.example']) {
      expect(() => hostAllowList({ extra: [entry] })).toThrow(/ALLOWED_HOSTS/)
    }
    expect(parseHost('[::1]:80')).toEqual({ hostname: '[::1]', port: 80 })
  })
})

describe('the Host check on every route', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hosts-spa-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Dashboard</title>')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const upstreamCalls: string[] = []
  const fetchImpl: typeof fetch = async (input) => {
    upstreamCalls.push(String(input))
    return Response.json({ data: { campaigns: [] }, error: null })
  }
  const app = (extra: string[] = []) =>
    createApp({
      backend: { kind: 'forward', upstream: 'https://api.example', apiKey: 'scope3_server_key', fetchImpl },
      staticDir: dir,
      allowedHosts: hostAllowList({ port: 6200, extra }),
    })

  it.each(['/campaigns', '/api/v2/buyer/campaigns', '/api/health', '/'])(
    'refuses a rebound name on %s: nothing is read, nothing is forwarded',
    async (path) => {
      upstreamCalls.length = 0
      const res = await app().request(path, { headers: { Host: 'rebind.evil.example:6200' } })
      expect(res.status).toBe(421)
      expect(await res.json()).toMatchObject({ data: null, error: { code: 'MISDIRECTED_REQUEST' } })
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
      expect(upstreamCalls).toEqual([])
    },
  )

  it('answers its own names, and the names in ALLOWED_HOSTS', async () => {
    expect((await app().request('/campaigns', { headers: { Host: 'localhost:6200' } })).status).toBe(200)
    expect((await app().request('/campaigns', { headers: { Host: '127.0.0.1:6201' } })).status).toBe(421)
    expect((await app().request('/campaigns', { headers: { Host: 'dash.team.example' } })).status).toBe(421)
    const team = app(['dash.team.example'])
    expect((await team.request('/campaigns', { headers: { Host: 'dash.team.example' } })).status).toBe(200)
    upstreamCalls.length = 0
    const api = await team.request('/api/v2/buyer/campaigns', { headers: { Host: 'dash.team.example' } })
    expect(api.status).toBe(200)
    expect(upstreamCalls).toEqual(['https://api.example/api/v2/buyer/campaigns'])
  })

  it('refuses an absolute-form target naming another host', async () => {
    const res = await app().request('http://evil.example/api/v2/buyer/campaigns', {
      headers: { Host: 'localhost:6200' },
    })
    expect(res.status).toBe(421)
  })
})
