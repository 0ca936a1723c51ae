// @vitest-environment node
import { readConfig } from './config.ts'

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
