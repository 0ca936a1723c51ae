import { createChangeSource, useExternal } from '@/lib/external-store'

// After a 429 every request waits until Retry-After has passed, so the dashboard never hammers the API,
// and the screen can say why it is waiting.

let blockedUntil = 0
const changes = createChangeSource()

export function noteRateLimited(retryAfterSeconds: number): void {
  blockedUntil = Math.max(blockedUntil, Date.now() + retryAfterSeconds * 1000)
  changes.notify()
  setTimeout(changes.notify, retryAfterSeconds * 1000 + 10)
}

export function rateLimitedUntil(): number | null {
  return blockedUntil > Date.now() ? blockedUntil : null
}

export function waitForRateLimit(signal?: AbortSignal): Promise<void> {
  const wait = blockedUntil - Date.now()
  if (wait <= 0) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, wait)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })
}

export function resetRateLimit(): void {
  blockedUntil = 0
  changes.notify()
}

export function useRateLimitedUntil(): number | null {
  return useExternal(changes, rateLimitedUntil)
}
