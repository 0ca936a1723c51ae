import { idealSpendFraction, OVERPACING_ABOVE, UNDERPACING_BELOW, type PacingKind } from '@/domain/pacing'

const DAY_MS = 86_400_000

export interface FlightProgress {
  /** 1-based day of the flight today, clamped to the flight. */
  day: number
  days: number
  fraction: number
  phase: 'before' | 'running' | 'after'
  text: string
}

export function flightProgress(startIso: string, endIso: string, now: number): FlightProgress | undefined {
  const start = Date.parse(startIso)
  const end = Date.parse(endIso)
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return undefined
  const days = Math.max(1, Math.round((end - start) / DAY_MS))
  if (now < start) {
    const inDays = Math.ceil((start - now) / DAY_MS)
    return { day: 0, days, fraction: 0, phase: 'before', text: `starts in ${inDays} d` }
  }
  if (now >= end) return { day: days, days, fraction: 1, phase: 'after', text: `ended · ${days} d` }
  const day = Math.min(days, Math.floor((now - start) / DAY_MS) + 1)
  return { day, days, fraction: (now - start) / (end - start), phase: 'running', text: `day ${day} of ${days}` }
}

export type PlanFlag = 'behind' | 'on_plan' | 'ahead' | 'not_started' | 'early' | 'no_plan'

export interface PlanComparison {
  flag: PlanFlag
  /** Spend divided by the spend the plan expects by now. */
  ratio: number | null
  text: string
}

const EARLY_FRACTION = 0.1
const PACINGS: readonly PacingKind[] = ['even', 'asap', 'front_loaded']

/**
 * Spend against the ideal line to date (src/domain/pacing.ts), for the small pacing hint in tree rows.
 * Without daily history there is no rate to project, so this only says behind / on plan / ahead.
 */
export function compareToPlan(input: {
  spend?: number
  budget?: number
  start?: string
  end?: string
  pacing?: string | null
  now: number
}): PlanComparison {
  const { spend, budget, start, end, now } = input
  if (spend === undefined || !budget || !start || !end) return { flag: 'no_plan', ratio: null, text: '' }
  const flight = { start: new Date(start), end: new Date(end) }
  if (Number.isNaN(flight.start.getTime()) || Number.isNaN(flight.end.getTime())) return { flag: 'no_plan', ratio: null, text: '' }
  if (now < flight.start.getTime()) return { flag: 'not_started', ratio: null, text: 'not started' }
  const pacing = PACINGS.find((p) => p === input.pacing?.toLowerCase()) ?? 'even'
  const expected = budget * idealSpendFraction(flight, new Date(now), pacing)
  if (expected <= 0) return { flag: 'no_plan', ratio: null, text: '' }
  const ratio = spend / expected
  const percent = `${Math.round(ratio * 100)} % of plan`
  // No alarm in the first tenth of a flight: delivery reports lag, and a fresh buy has barely started.
  const elapsed = (now - flight.start.getTime()) / Math.max(1, flight.end.getTime() - flight.start.getTime())
  if (elapsed < EARLY_FRACTION && ratio < UNDERPACING_BELOW) return { flag: 'early', ratio, text: `early · ${percent}` }
  if (ratio < UNDERPACING_BELOW) return { flag: 'behind', ratio, text: `behind · ${percent}` }
  if (ratio > OVERPACING_ABOVE) return { flag: 'ahead', ratio, text: `ahead · ${percent}` }
  return { flag: 'on_plan', ratio, text: `on plan · ${percent}` }
}
