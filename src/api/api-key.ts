import { createChangeSource, useExternal } from '@/lib/external-store'

// The buyer's API key lives in sessionStorage unless they ask to remember it (localStorage).
// It is sent only in the Authorization header: never in a URL, never logged.

const STORAGE_KEY = 'buyer-api-key'
const changes = createChangeSource()

function storages(): Storage[] {
  return typeof window === 'undefined' ? [] : [window.sessionStorage, window.localStorage]
}

export function getApiKey(): string | null {
  for (const storage of storages()) {
    const value = storage.getItem(STORAGE_KEY)
    if (value) return value
  }
  return null
}

export function isApiKeyRemembered(): boolean {
  return typeof window !== 'undefined' && window.localStorage.getItem(STORAGE_KEY) !== null
}

export function setApiKey(key: string, options: { remember: boolean }): void {
  clearStored()
  const target = options.remember ? window.localStorage : window.sessionStorage
  target.setItem(STORAGE_KEY, key.trim())
  changes.notify()
}

export function clearApiKey(): void {
  clearStored()
  changes.notify()
}

/** scope3_••••abcd: enough to recognise a key, not enough to use it. */
export function maskApiKey(key: string): string {
  const tail = key.slice(-4)
  const prefix = key.startsWith('scope3_') ? 'scope3_' : ''
  return `${prefix}••••${key.length > 8 ? tail : ''}`
}

export function useApiKey(): string | null {
  return useExternal(changes, getApiKey)
}

function clearStored() {
  for (const storage of storages()) storage.removeItem(STORAGE_KEY)
}
