import { useSyncExternalStore } from 'react'

// One polite live region per screen: status changes found by polling are read out once ("Buy X at Seller is now
// Active") without moving focus.
let message = ''
const listeners = new Set<() => void>()

export function announce(text: string): void {
  message = text
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function LiveAnnouncer() {
  const text = useSyncExternalStore(
    subscribe,
    () => message,
    () => '',
  )
  return (
    <div role="status" aria-live="polite" className="sr-only" data-testid="live-announcer">
      {text}
    </div>
  )
}
