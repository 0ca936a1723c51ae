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

// ---- Daily series, plans and stalls: what the delivery charts, the overview and the monitor wall share. ----

/** A budget over a flight, paced one way or split into pacing periods (CONTRACT §3.7). */
export interface SpendPlan {
  flight: Flight
  budget: number
  pacing?: PacingKind
  periods?: readonly PacingPeriod[]
}

/** The spend the plan expects by `at`: the ideal line. */
export function idealSpendAt(plan: SpendPlan, at: Date): number {
  if (plan.periods?.length) return Math.min(plan.budget, idealSpendWithPeriods(plan.periods, at))
  return plan.budget * idealSpendFraction(plan.flight, at, plan.pacing)
}

export function toPacingKind(value: string | null | undefined): PacingKind {
  const v = value?.toLowerCase()
  return v === 'asap' || v === 'front_loaded' ? v : 'even'
}

export interface DailyPoint {
  date: string // YYYY-MM-DD (UTC)
  spend: number
  impressions: number
  clicks: number
}

/** Every UTC day from `start` to `end` inclusive, as YYYY-MM-DD. */
export function daysBetween(start: Date, end: Date): string[] {
  const out: string[] = []
  const first = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate())
  for (let t = first; t <= end.getTime() && out.length < 800; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

/** Sums rows per day and fills the days without delivery with zeros, so a chart never joins across a gap. */
export function dailySeries(rows: readonly DailyPoint[], days: readonly string[]): DailyPoint[] {
  const byDate = new Map<string, DailyPoint>(days.map((date) => [date, { date, spend: 0, impressions: 0, clicks: 0 }]))
  for (const r of rows) {
    const d = byDate.get(r.date)
    if (!d) continue
    d.spend += r.spend
    d.impressions += r.impressions
    d.clicks += r.clicks
  }
  return [...byDate.values()].map((d) => ({ ...d, spend: Math.round(d.spend * 100) / 100 }))
}

/**
 * Spend of the last `windowDays` complete days before `now` (today is still filling up, so it would read as a drop).
 * Days before the plan's start do not count; an empty result means there is nothing yet to judge a rate by.
 */
export function recentDailySpend(daily: readonly DailyPoint[], plan: SpendPlan, now: Date, windowDays = 3): number[] {
  const today = now.toISOString().slice(0, 10)
  const firstDay = plan.flight.start.toISOString().slice(0, 10)
  const complete = daily.filter((d) => d.date < today && d.date >= firstDay)
  return complete.slice(-windowDays).map((d) => d.spend)
}

/** The pacing verdict for one level (campaign, buy or package) from its plan and its daily delivery. */
export function assessPlan(plan: SpendPlan, spent: number, daily: readonly DailyPoint[], now: Date): PacingAssessment {
  return assessPacing({ ...plan, spent, now, recentDailySpend: recentDailySpend(daily, plan, now) })
}

export interface SpendSample {
  at: number // epoch ms the figure was fetched
  spend: number
}

/**
 * Stalled delivery: over at least `windowMs` of fresh observations, spend did not move. Samples older than the window
 * plus one are ignored; fewer than two samples, or samples not spanning the window, say nothing (no alarm on thin data).
 */
export function isDeliveryStalled(samples: readonly SpendSample[], now: number, windowMs: number): boolean {
  const recent = samples.filter((s) => now - s.at <= windowMs * 2)
  if (recent.length < 2) return false
  const last = recent[recent.length - 1]
  const base = [...recent].reverse().find((s) => last.at - s.at >= windowMs)
  if (!base) return false
  return last.spend <= base.spend
}
