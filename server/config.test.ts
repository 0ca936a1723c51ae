// @vitest-environment node
import { isLoopbackHost, readConfig } from './config.ts'

describe('readConfig rate limits', () => {
  it('limits the sandbox and paces upstream at 100 a minute unless told otherwise', () => {
    expect(readConfig({}, [])).toMatchObject({ sandboxRateLimit: 100, upstreamRateLimit: 100 })
    expect(readConfig({ SANDBOX_RATE_LIMIT: '0', UPSTREAM_RATE_LIMIT: '60' }, [])).toMatchObject({
      sandboxRateLimit: 0,
      upstreamRateLimit: 60,
    })
  })

  it.each(['-1', '1.5', 'lots'])('refuses SANDBOX_RATE_LIMIT=%s', (value) => {
    expect(() => readConfig({ SANDBOX_RATE_LIMIT: value }, [])).toThrow(/SANDBOX_RATE_LIMIT/)
  })
})

const KEYED = { BUYER_API_URL: 'https://api.example', BUYER_API_KEY: 'scope3_server_key' }

describe('readConfig: the server key is for one person on their own machine', () => {
  it.each(['0.0.0.0', '::', '192.168.1.20', 'dashboard.team.example'])(
    'refuses to start with BUYER_API_KEY on HOST=%s',
    (host) => {
      expect(() => readConfig({ ...KEYED, HOST: host }, [])).toThrow(/BUYER_API_KEY.*ALLOW_SHARED_KEY=1/s)
    },
  )

  it('starts on a non-loopback HOST with the key when ALLOW_SHARED_KEY=1 says a sign-in proxy stands in front', () => {
    const config = readConfig({ ...KEYED, HOST: '0.0.0.0', ALLOW_SHARED_KEY: '1' }, [])
    expect(config).toMatchObject({ host: '0.0.0.0', buyerApiKey: 'scope3_server_key' })
    expect(() => readConfig({ ...KEYED, HOST: '0.0.0.0', ALLOW_SHARED_KEY: 'true' }, [])).toThrow(/ALLOW_SHARED_KEY/)
  })

  it.each([undefined, '127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'])(
    'starts with the key on HOST=%s',
    (host) => {
      expect(readConfig({ ...KEYED, HOST: host }, []).buyerApiKey).toBe('scope3_server_key')
    },
  )

  it('starts on 0.0.0.0 without a server key: each buyer brings their own', () => {
    expect(readConfig({ BUYER_API_URL: 'https://api.example', HOST: '0.0.0.0' }, []).buyerApiKey).toBeUndefined()
  })

  it('reads ALLOWED_HOSTS and refuses entries that are not host names', () => {
    expect(readConfig({ ALLOWED_HOSTS: ' dash.team.example , localhost:8443,' }, []).allowedHosts).toEqual([
      'dash.team.example',
      'localhost:8443',
    ])
    expect(readConfig({}, []).allowedHosts).toEqual([])
    expect(() => readConfig({ ALLOWED_HOSTS: 'https://dash.team.example' }, [])).toThrow(/ALLOWED_HOSTS/)
  })

  it('knows loopback interfaces', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true)
    expect(isLoopbackHost('0.0.0.0')).toBe(false)
    expect(isLoopbackHost('127.0.0.1.evil.example')).toBe(false)
  })
})
