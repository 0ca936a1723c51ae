import { useSyncExternalStore } from 'react'

/** Something outside React that says when it changed (a module's state, the browser, another library). */
export interface ChangeSource {
  subscribe: (listener: () => void) => () => void
}

/** A change source a module notifies by hand after it changed its own state. */
export function createChangeSource(): ChangeSource & { notify: () => void } {
  const listeners = new Set<() => void>()
  return {
    subscribe: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    notify: () => {
      for (const listener of listeners) listener()
    },
  }
}

/** One value held by a module: components that read it re-render when it is set. */
export function createStore<T>(initial: T) {
  let value = initial
  const changes = createChangeSource()
  return {
    subscribe: changes.subscribe,
    get: () => value,
    set: (next: T) => {
      value = next
      changes.notify()
    },
  }
}

/**
 * Reads `read()` and renders again when `source` reports a change. `read` must return the same value (or the same
 * object) until something changed.
 */
export function useExternal<T>(source: ChangeSource, read: () => T): T {
  return useSyncExternalStore(source.subscribe, read, read)
}

/** The current value of a store. */
export function useStore<T>(store: { subscribe: ChangeSource['subscribe']; get: () => T }): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}
