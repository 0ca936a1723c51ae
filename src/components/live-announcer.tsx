import { createStore, useStore } from '@/lib/external-store'

// One polite live region per screen: status changes found by polling are read out once ("Buy X at Seller is now
// Active") without moving focus.
const message = createStore('')

export function announce(text: string): void {
  message.set(text)
}

export function LiveAnnouncer() {
  const text = useStore(message)
  return (
    <div role="status" aria-live="polite" className="sr-only" data-testid="live-announcer">
      {text}
    </div>
  )
}
