import { ApiError } from '@/api/errors'
import { queryRetryDelay, shouldRetryQuery } from './query-client'

const http = (status: number, retryAfterSeconds?: number) =>
  new ApiError({ kind: 'http', status, code: 'X', message: 'x', retryAfterSeconds })

describe('query retry policy', () => {
  it('retries transient failures once', () => {
    expect(shouldRetryQuery(0, http(503))).toBe(true)
    expect(shouldRetryQuery(0, http(429))).toBe(true)
    expect(shouldRetryQuery(0, new ApiError({ kind: 'network', code: 'NETWORK_ERROR', message: 'x' }))).toBe(true)
    expect(shouldRetryQuery(1, http(503))).toBe(false)
  })

  it('never retries what a retry cannot fix', () => {
    expect(shouldRetryQuery(0, http(401))).toBe(false)
    expect(shouldRetryQuery(0, http(404))).toBe(false)
    expect(shouldRetryQuery(0, new ApiError({ kind: 'schema', code: 'UNEXPECTED_RESPONSE', message: 'x' }))).toBe(false)
    expect(shouldRetryQuery(0, new Error('boom'))).toBe(false)
  })

  it('waits as long as Retry-After says', () => {
    expect(queryRetryDelay(0, http(429, 7))).toBe(7000)
  })
})
