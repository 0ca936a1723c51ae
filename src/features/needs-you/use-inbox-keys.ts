import { useEffect, useRef } from 'react'

export interface InboxKeyHandlers {
  next: () => void
  previous: () => void
  open: () => void
  reply: () => void
  cancel: () => void
  help: () => void
  search: () => void
}

export const INBOX_SHORTCUTS: { keys: string; does: string }[] = [
  { keys: 'j', does: 'Next item' },
  { keys: 'k', does: 'Previous item' },
  { keys: 'Enter', does: 'Open the item’s campaign' },
  { keys: 'r', does: 'Reply to the seller (items where the seller asks)' },
  { keys: 'c', does: 'Cancel the buy, with a reason' },
  { keys: '/', does: 'Find a campaign, buy or seller' },
  { keys: '?', does: 'Show these shortcuts' },
]

/** True while the buyer types: shortcuts must never steal a letter from a field. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** j/k/Enter/r/c/? on the page; ignored with modifier keys, while typing, and while a dialog is open. */
export function useInboxKeys(handlers: InboxKeyHandlers, enabled: boolean) {
  const ref = useRef(handlers)
  useEffect(() => {
    ref.current = handlers
  })
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return
      if (document.querySelector('[role="dialog"]')) return
      // Enter only from the list itself, so it never hijacks a focused button or link.
      if (e.key === 'Enter' && !(e.target instanceof HTMLElement && e.target.getAttribute('role') === 'option')) return
      const action = {
        j: 'next',
        k: 'previous',
        Enter: 'open',
        r: 'reply',
        c: 'cancel',
        '?': 'help',
        '/': 'search',
      }[e.key] as keyof InboxKeyHandlers | undefined
      if (!action) return
      e.preventDefault()
      ref.current[action]()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [enabled])
}
