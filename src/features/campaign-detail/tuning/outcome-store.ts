import { createContext } from 'react'
import { createStore, useStore } from '@/lib/external-store'

// The last successful tuning change of a campaign, told after its dialog has closed (warnings, pending approvals),
// where the buyer took the action: the campaign header, or the row of the buy or package the dialog was opened from.

/** The buys (and package) a change was made from; none for the campaign's own actions. */
export interface OutcomePlace {
  buyIds: readonly string[]
  packageId?: string
}

export interface TuningOutcome {
  campaignId: string
  title: string
  notes: string[]
  place?: OutcomePlace
}

const outcome = createStore<TuningOutcome | null>(null)

export const reportTuningOutcome = (next: TuningOutcome) => outcome.set(next)
export const dismissTuningOutcome = () => outcome.set(null)

/** Where the dialog around a form was opened from; none (the header) for the campaign's own actions. */
export const OutcomePlaceContext = createContext<OutcomePlace | undefined>(undefined)

const shownAt = (place: OutcomePlace | undefined, at: { buyId?: string; packageId?: string }) => {
  if (!at.buyId) return place === undefined
  if (!place || !place.buyIds.includes(at.buyId)) return false
  return (place.packageId ?? undefined) === (at.packageId ?? undefined)
}

/** The outcome to show at one place: the campaign header (no buy), a buy's row, or a package's row. */
export function useTuningOutcome(
  campaignId: string,
  at: { buyId?: string; packageId?: string } = {},
): TuningOutcome | null {
  const current = useStore(outcome)
  return current?.campaignId === campaignId && shownAt(current.place, at) ? current : null
}
