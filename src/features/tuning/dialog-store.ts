import { useSyncExternalStore } from 'react'

// One per-feature dialogs state: which tuning dialog is open, for which buy or package. Slot components live in
// different rows of the tree; each renders the dialog when the state points at it.

export type TuningDialogKind =
  | 'budget'
  | 'goals'
  | 'creatives'
  | 'cancel-buy'
  | 'cancel-packages'
  | 'archive'
  | 'campaign-budget'
  | 'cascade'
  | 'frequency-caps'
  | 'bulk'

export interface TuningDialogState {
  kind: TuningDialogKind
  campaignId: string
  buyId?: string
  packageId?: string
  buyIds?: string[]
}

let state: TuningDialogState | null = null
const listeners = new Set<() => void>()

function set(next: TuningDialogState | null) {
  state = next
  listeners.forEach((l) => l())
}

export const openTuningDialog = (next: TuningDialogState) => set(next)
export const closeTuningDialog = () => set(null)
/** The open dialog, read at the moment of an event (not for rendering). */
export const currentTuningDialog = () => state

export function useTuningDialog(): TuningDialogState | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => state,
    () => null,
  )
}
