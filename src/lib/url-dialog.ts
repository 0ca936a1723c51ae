import { useEffect } from 'react'
import { useLocation, useRouter } from '@tanstack/react-router'

declare module '@tanstack/react-router' {
  interface HistoryState {
    /** This history entry was added by opening a dialog (its search params say which). */
    openedDialog?: true
  }
}

/** The history state of an entry that opens a dialog: pass it as `state` when navigating to the dialog's params. */
export const OPENED_DIALOG = { openedDialog: true } as const

/**
 * Closing a dialog that lives in the URL. When the page opened it (a history entry of its own), closing goes back, as
 * the browser's Back button does; when it was opened by a link or a reload, `closeInPlace` replaces the entry with
 * the same URL without the dialog.
 */
export function useCloseUrlDialog(closeInPlace: () => void): () => void {
  const router = useRouter()
  const openedHere = useLocation({ select: (location) => location.state.openedDialog === true })
  const href = useLocation({ select: (location) => location.href })
  // The flag holds for the one navigation it starts.
  useEffect(() => {
    closingOnPurpose = false
  }, [href])
  return () => {
    closingOnPurpose = true
    if (openedHere) router.history.back()
    else closeInPlace()
  }
}

let closingOnPurpose = false

/**
 * Whether the navigation under way is the page closing its own dialog (after a send, or a discard the buyer
 * confirmed), rather than the browser's Back or a link: a guard on unsaved edits lets only the first through.
 */
export const isClosingOnPurpose = () => closingOnPurpose
