// Pacing against plan: the ideal spend line over a flight, the projection of where spend lands, and the one verdict
// every screen shows (tree, delivery panel, Monitor, CSV): judgePacing below. Spend to date is compared with the spend
// the plan needed by now; below 90 % is underpacing, above 110 % overpacing. The same comparison on sums makes a buy's
// verdict a weighted mean of its packages', so levels never contradict each other.

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

/** The one pacing vocabulary. */
export type PacingVerdict =
  | 'on_pace'
  | 'underpacing'
  | 'overpacing'
  | 'over_budget'
  | 'budget_exhausted'
  | 'not_started'
  | 'too_early'
  | 'ended'
  | 'no_data'

export const PACING_LABEL: Record<PacingVerdict, string> = {
  on_pace: 'On pace',
  underpacing: 'Underpacing',
  overpacing: 'Overpacing',
  over_budget: 'Over budget',
  budget_exhausted: 'Budget exhausted',
  not_started: 'Not started',
  too_early: 'Too early to tell',
  ended: 'Flight ended',
  no_data: 'Not enough data',
}

/** Which way a verdict points: behind the plan, with it, or ahead of it (spending too fast, or past the budget). */
export function pacingDirection(verdict: PacingVerdict): -1 | 0 | 1 | null {
  if (verdict === 'underpacing') return -1
  if (verdict === 'on_pace') return 0
  if (verdict === 'overpacing' || verdict === 'over_budget' || verdict === 'budget_exhausted') return 1
  return null
}

export const UNDERPACING_BELOW = 0.9
export const OVERPACING_ABOVE = 1.1
/** In the first tenth of a flight delivery reports lag and a fresh buy has barely started: no underpacing alarm. */
export const TOO_EARLY_BEFORE = 0.1

/** What a verdict is judged from, at any level: sums for a buy or a campaign. */
export interface PacingFigures {
  budget: number
  spent: number
  /** Spend the plan needed by now (the ideal line). */
  expectedToDate: number
  phase: 'before' | 'running' | 'after'
  /** Share of the flight elapsed (for a sum: of its longest-running part). */
  elapsed: number
}

export interface PacingJudgement {
  verdict: PacingVerdict
  /** Spend to date divided by the spend the plan needed by now; null when there is nothing to compare. */
  ratio: number | null
  figures: PacingFigures
}

const cents = (n: number) => Math.round(n * 100)

/** The figures of one plan (a package, or a buy without packages) at `now`. */
export function planFigures(plan: SpendPlan, spent: number, now: Date): PacingFigures {
  const total = plan.flight.end.getTime() - plan.flight.start.getTime()
  const phase = now < plan.flight.start ? 'before' : now >= plan.flight.end ? 'after' : 'running'
  const elapsed = total > 0 ? clamp01((now.getTime() - plan.flight.start.getTime()) / total) : phase === 'after' ? 1 : 0
  return { budget: plan.budget, spent, expectedToDate: idealSpendAt(plan, now), phase, elapsed }
}

/** A buy from its packages, a campaign from its buys: sums, so the parent is a weighted mean of its parts. */
export function combineFigures(parts: readonly PacingFigures[]): PacingFigures | null {
  if (!parts.length) return null
  const sum = (f: (p: PacingFigures) => number) => parts.reduce((s, p) => s + cents(f(p)), 0) / 100
  const phase = parts.every((p) => p.phase === 'before')
    ? 'before'
    : parts.every((p) => p.phase === 'after')
      ? 'after'
      : 'running'
  const running = parts.filter((p) => p.phase !== 'before')
  return {
    budget: sum((p) => p.budget),
    spent: sum((p) => p.spent),
    expectedToDate: parts.reduce((s, p) => s + p.expectedToDate, 0),
    phase,
    elapsed: running.length ? Math.max(...running.map((p) => p.elapsed)) : 0,
  }
}

/** The only judge of pacing. */
export function judgePacing(figures: PacingFigures): PacingJudgement {
  const { budget, spent, expectedToDate, phase, elapsed } = figures
  const ratio = expectedToDate > 0 && phase !== 'before' ? spent / expectedToDate : null
  const out = (verdict: PacingVerdict): PacingJudgement => ({ verdict, ratio, figures })
  // Past the budget whatever the calendar says: a budget cut below spend must never read as on pace.
  if (cents(spent) > cents(budget)) return out('over_budget')
  if (spent > 0 && cents(spent) >= cents(budget)) return out('budget_exhausted')
  if (phase === 'before') return out('not_started')
  if (phase === 'after') return out('ended')
  if (ratio === null) return out('too_early')
  if (ratio < UNDERPACING_BELOW) return out(elapsed < TOO_EARLY_BEFORE ? 'too_early' : 'underpacing')
  if (ratio > OVERPACING_ABOVE) return out('overpacing')
  return out('on_pace')
}

/** The verdict in a few words, with the figure it rests on: "underpacing · 76 % of plan". */
export function pacingText(j: PacingJudgement): string {
  const label = PACING_LABEL[j.verdict].toLowerCase()
  if (j.verdict === 'over_budget' || j.verdict === 'budget_exhausted')
    return `${label} · ${Math.round((j.figures.spent / Math.max(j.figures.budget, 0.01)) * 100)} % of budget`
  if (j.ratio === null || j.verdict === 'not_started' || j.verdict === 'no_data') return label
  return `${label} · ${Math.round(j.ratio * 100)} % of plan`
}

export interface PacingAssessment {
  verdict: PacingVerdict
  /** Spend divided by the spend the plan expects by now (as judgePacing). */
  ratio: number | null
  /** Spend the plan expects by now. */
  expectedToDate: number
  /** Where spend lands at the end of the flight at the recent rate (never above the budget); null without fresh days. */
  projectedSpend: number | null
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

/** The verdict of one plan, with the projection at the recent daily rate for the delivery panel. */
export function assessPacing(input: PacingInput): PacingAssessment {
  const { flight, budget, spent, now } = input
  const plan: SpendPlan = { flight, budget, pacing: input.pacing, periods: input.periods }
  const judged = judgePacing(planFigures(plan, spent, now))
  return withProjection(judged, plan, input.recentDailySpend, now)
}

/** A verdict (of any level) with where spend lands at the recent rate of `plan`. */
export function withProjection(
  judged: PacingJudgement,
  plan: SpendPlan,
  recent: readonly number[],
  now: Date,
): PacingAssessment {
  const { budget, spent, expectedToDate } = judged.figures
  const currentDailyRate = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 0
  const remainingDays = Math.max(0, (plan.flight.end.getTime() - now.getTime()) / DAY_MS)
  const neededDailyRate = remainingDays > 0 ? Math.max(0, budget - spent) / remainingDays : 0
  const projectedSpend =
    judged.figures.phase === 'after'
      ? spent
      : recent.length
        ? Math.min(Math.max(budget, spent), spent + currentDailyRate * remainingDays)
        : null
  return {
    verdict: judged.verdict,
    ratio: judged.ratio,
    expectedToDate,
    projectedSpend,
    neededDailyRate,
    currentDailyRate,
  }
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
  for (let t = first; t <= end.getTime() && out.length < 800; t += DAY_MS)
    out.push(new Date(t).toISOString().slice(0, 10))
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

/** The pacing verdict for one plan from its daily delivery (the projection needs the days). */
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
