import { createContext, useContext, useEffect, useState } from 'react'
import { useBlocker } from '@tanstack/react-router'
import { isClosingOnPurpose } from '@/lib/url-dialog'

/** What a page that keeps its dialogs in the URL tells the open form when the buyer navigates away from it. */
interface CloseGuard {
  setDirty: (dirty: boolean) => void
  /** The buyer pressed Back (or followed a link) with edits in the form: it waits for their answer. */
  asking: boolean
  leave: () => void
  stay: () => void
}

const CloseGuardContext = createContext<CloseGuard | null>(null)
export const CloseGuardProvider = CloseGuardContext.Provider

/**
 * For the page's dialogs host: the browser's Back, Forward or a link away from a form with edits asks first, as
 * Close and Escape do; the page's own closing (after a send, or a confirmed discard) goes through.
 */
export function useCloseGuard(): CloseGuard {
  const [dirty, setDirty] = useState(false)
  const blocker = useBlocker({
    shouldBlockFn: () => !isClosingOnPurpose(),
    disabled: !dirty,
    enableBeforeUnload: false,
    withResolver: true,
  })
  return {
    setDirty,
    asking: blocker.status === 'blocked',
    leave: () => blocker.proceed?.(),
    stay: () => blocker.reset?.(),
  }
}

/** For a form dialog: reports whether it holds edits, and reads whether a navigation away waits on the buyer. */
export function useGuardedEdits(dirty: boolean): Pick<CloseGuard, 'asking' | 'leave' | 'stay'> | null {
  const guard = useContext(CloseGuardContext)
  const setDirty = guard?.setDirty
  useEffect(() => {
    setDirty?.(dirty)
    return () => setDirty?.(false)
  }, [setDirty, dirty])
  return guard
}
