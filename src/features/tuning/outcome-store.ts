import { useSyncExternalStore } from 'react'

// The last successful tuning change of a campaign, told after its dialog has closed (warnings, pending approvals).

export interface TuningOutcome {
  campaignId: string
  title: string
  notes: string[]
}

let outcome: TuningOutcome | null = null
const listeners = new Set<() => void>()

function set(next: TuningOutcome | null) {
  outcome = next
  listeners.forEach((l) => l())
}

export const reportTuningOutcome = (next: TuningOutcome) => set(next)
export const dismissTuningOutcome = () => set(null)

export function useTuningOutcome(campaignId: string): TuningOutcome | null {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => outcome,
    () => null,
  )
  return current?.campaignId === campaignId ? current : null
}
