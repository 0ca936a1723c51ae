import { useSyncExternalStore } from 'react'

// After a 429 every request waits until Retry-After has passed, so the dashboard never hammers the API,
// and the screen can say why it is waiting.

let blockedUntil = 0
const listeners = new Set<() => void>()

export function noteRateLimited(retryAfterSeconds: number): void {
  blockedUntil = Math.max(blockedUntil, Date.now() + retryAfterSeconds * 1000)
  emit()
  setTimeout(emit, retryAfterSeconds * 1000 + 10)
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
  emit()
}

export function useRateLimitedUntil(): number | null {
  return useSyncExternalStore(subscribe, rateLimitedUntil, () => null)
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function emit() {
  for (const listener of listeners) listener()
}
