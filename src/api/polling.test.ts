import { ApiError } from './errors.ts'
import { errorBackoffMs } from './polling.ts'

describe('polling after a failed refresh', () => {
  it('backs off 5 s, 10 s, 20 s… up to a minute', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => errorBackoffMs(n, new Error('x')))).toEqual([
      5_000, 10_000, 20_000, 40_000, 60_000, 60_000,
    ])
  })

  it("waits what the server's Retry-After asks, within bounds", () => {
    const limited = (s: number) =>
      new ApiError({ kind: 'http', status: 429, code: 'RATE_LIMITED', message: 'slow', retryAfterSeconds: s })
    expect(errorBackoffMs(1, limited(30))).toBe(30_000)
    expect(errorBackoffMs(1, limited(0))).toBe(5_000)
    expect(errorBackoffMs(1, limited(3600))).toBe(60_000)
  })
})
