import type { QueryState } from '@tanstack/react-query'
import { isApiError } from './errors.ts'

const FIRST_RETRY_MS = 5_000
const LONGEST_RETRY_MS = 60_000

/**
 * How long to wait before polling again after `failures` failed refreshes in a row: 5 s, 10 s, 20 s… up to a minute,
 * or what the server's Retry-After asks. The screen keeps what it had and heals by itself when the fault clears.
 */
export function errorBackoffMs(failures: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterSeconds !== undefined)
    return Math.min(Math.max(error.retryAfterSeconds * 1000, FIRST_RETRY_MS), LONGEST_RETRY_MS)
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), LONGEST_RETRY_MS)
}

/** A refetchInterval that polls at `interval` while healthy and backs off while refreshes fail. */
export function pollWithBackoff<TData>(interval: number | ((data: TData | undefined) => number)) {
  return (query: { state: QueryState<TData, Error> }): number => {
    const { status, error, fetchFailureCount, errorUpdateCount } = query.state
    if (status === 'error') return errorBackoffMs(Math.max(fetchFailureCount, errorUpdateCount, 1), error)
    return typeof interval === 'function' ? interval(query.state.data) : interval
  }
}
