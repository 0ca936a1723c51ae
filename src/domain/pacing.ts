// Pacing against plan: the ideal spend line over a flight, the projection of where spend lands, and the
// underpacing / overpacing flags (below 90 % / above 110 % of the rate needed to spend the budget on time).

const DAY_MS = 86_400_000

export type PacingKind = 'even' | 'asap' | 'front_loaded'

export interface PacingPeriod {
  start: string // YYYY-MM-DD
  end: string // YYYY-MM-DD, inclusive
  budget: number
}

export interface Flight {
  start: Date
  end: Date
}

/** Front-loaded plans spend twice the even rate at the start, falling linearly to zero at the end. */
function frontLoadedFraction(t: number): number {
  return 2 * t - t * t
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x))

/** The share of the budget an ideal plan has spent by `at`. */
export function idealSpendFraction(flight: Flight, at: Date, pacing: PacingKind = 'even'): number {
  const total = flight.end.getTime() - flight.start.getTime()
  if (total <= 0) return at >= flight.end ? 1 : 0
  const t = clamp01((at.getTime() - flight.start.getTime()) / total)
  if (pacing === 'front_loaded') return frontLoadedFraction(t)
  // ASAP has no plan beyond "as fast as delivery allows": measure it against even, so a slow ASAP buy still shows.
  return t
}

/** The ideal spend by `at` when the budget is split into pacing periods, each paced evenly within itself. */
export function idealSpendWithPeriods(periods: readonly PacingPeriod[], at: Date): number {
  let spent = 0
  for (const p of periods) {
    const start = Date.parse(`${p.start}T00:00:00Z`)
    const end = Date.parse(`${p.end}T00:00:00Z`) + DAY_MS
    spent += p.budget * clamp01((at.getTime() - start) / (end - start))
  }
  return spent
}

export type PacingFlag = 'underpacing' | 'overpacing' | 'on_pace' | 'not_started' | 'ended' | 'no_data'

export interface PacingAssessment {
  flag: PacingFlag
  /** Spend the plan expects by now. */
  expectedToDate: number
  /** Recent daily spend divided by the daily spend still needed; 1 = on pace. */
  rateRatio: number | null
  /** Where spend lands at the end of the flight at the recent rate (never above the budget). */
  projectedSpend: number
  neededDailyRate: number
  currentDailyRate: number
}

export interface PacingInput {
  flight: Flight
  budget: number
  spent: number
  now: Date
  pacing?: PacingKind
  periods?: readonly PacingPeriod[]
  /** Daily spend of the most recent complete days, oldest first; the current rate is their mean. */
  recentDailySpend: readonly number[]
}

export const UNDERPACING_BELOW = 0.9
export const OVERPACING_ABOVE = 1.1

export function assessPacing(input: PacingInput): PacingAssessment {
  const { flight, budget, spent, now } = input
  const expectedToDate = input.periods?.length
    ? idealSpendWithPeriods(input.periods, now)
    : budget * idealSpendFraction(flight, now, input.pacing)
  const currentDailyRate = input.recentDailySpend.length
    ? input.recentDailySpend.reduce((a, b) => a + b, 0) / input.recentDailySpend.length
    : 0
  const remainingDays = Math.max(0, (flight.end.getTime() - now.getTime()) / DAY_MS)
  const remainingBudget = Math.max(0, budget - spent)
  const neededDailyRate = remainingDays > 0 ? remainingBudget / remainingDays : 0
  const projectedSpend = Math.min(budget, spent + currentDailyRate * remainingDays)
  const base = { expectedToDate, projectedSpend, neededDailyRate, currentDailyRate }

  if (now < flight.start) return { ...base, flag: 'not_started', rateRatio: null }
  if (now >= flight.end) return { ...base, flag: 'ended', rateRatio: null, projectedSpend: spent }
  // No alarm before there is data to judge by (a fresh flight, or figures not in yet).
  if (input.recentDailySpend.length === 0) return { ...base, flag: 'no_data', rateRatio: null }
  if (neededDailyRate === 0) return { ...base, flag: 'on_pace', rateRatio: null }

  const rateRatio = currentDailyRate / neededDailyRate
  const flag = rateRatio < UNDERPACING_BELOW ? 'underpacing' : rateRatio > OVERPACING_ABOVE ? 'overpacing' : 'on_pace'
  return { ...base, flag, rateRatio }
}
