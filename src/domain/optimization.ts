// What an optimization suggestion proposes (CONTRACT D12): for a live buy pacing outside ±20 % of its plan, a factor
// on the buy's budget that matches it to the pace it actually delivers at, and the daily spend that would bring it
// back on plan. The sandbox's optimizer proposes with it; the dashboard shows old → new budget with scaledBudget.

import { judgePacing, TOO_EARLY_BEFORE, type PacingFigures } from './pacing.ts'

/** A buy within this share of its plan (either way) is left alone. */
export const OPTIMIZER_TOLERANCE = 0.2
/** The factor never halves a budget or more than doubles it in one step. */
export const MIN_SCALING_FACTOR = 0.5
export const MAX_SCALING_FACTOR = 2

const DAY_MS = 86_400_000

export interface ScalingProposal {
  factor: number
  status: 'under_spending' | 'over_spending'
  /** Spend to date over the plan's spend by now, minus one: −0.4 is 40 % behind, +0.3 is 30 % ahead. */
  errorRatio: number
  /** Average daily spend so far. */
  currentDailyRate: number
  /** Daily spend over the rest of the flight that lands the current budget. */
  recommendedDailySpend: number
  rationale: string
  message: string
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places

/** A package or buy budget times the factor, in cents. */
export function scaledBudget(budget: number, factor: number): number {
  return round(budget * factor, 2)
}

const percent = (ratio: number) => `${Math.round(ratio * 100)} %`
const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/**
 * The proposal for a buy's pacing figures at `now`, or null when there is none to make: on pace within the tolerance,
 * too early in the flight to tell, not running, or already at or past its budget.
 */
export function proposeScaling(
  figures: PacingFigures,
  flight: { start: Date; end: Date },
  now: Date,
): ScalingProposal | null {
  const judged = judgePacing(figures)
  const { ratio } = judged
  if (figures.phase !== 'running' || ratio === null || figures.elapsed < TOO_EARLY_BEFORE) return null
  if (judged.verdict === 'over_budget' || judged.verdict === 'budget_exhausted') return null
  if (Math.abs(ratio - 1) <= OPTIMIZER_TOLERANCE) return null
  const factor = round(Math.min(MAX_SCALING_FACTOR, Math.max(MIN_SCALING_FACTOR, ratio)), 2)
  // A cut must leave room above what is already spent.
  if (scaledBudget(figures.budget, factor) <= figures.spent) return null
  const elapsedDays = Math.max((now.getTime() - flight.start.getTime()) / DAY_MS, 1 / 24)
  const remainingDays = Math.max((flight.end.getTime() - now.getTime()) / DAY_MS, 1 / 24)
  const currentDailyRate = round(figures.spent / elapsedDays, 2)
  const recommendedDailySpend = round(Math.max(0, figures.budget - figures.spent) / remainingDays, 2)
  const under = ratio < 1
  const newBudget = scaledBudget(figures.budget, factor)
  return {
    factor,
    status: under ? 'under_spending' : 'over_spending',
    errorRatio: round(ratio - 1, 4),
    currentDailyRate,
    recommendedDailySpend,
    rationale: under
      ? `The buy has spent ${percent(ratio)} of what its plan needed by now; at this pace it will not use its budget. ` +
        `Scaling the budget by ${factor} (${money(figures.budget)} → ${money(newBudget)}) frees the rest for buys that deliver.`
      : `The buy has spent ${percent(ratio)} of what its plan needed by now and will run out before its flight ends. ` +
        `Scaling the budget by ${factor} (${money(figures.budget)} → ${money(newBudget)}) keeps it delivering to the end.`,
    message: under
      ? `Under-spending: ${money(currentDailyRate)} a day against ${money(recommendedDailySpend)} needed to land the budget.`
      : `Over-spending: ${money(currentDailyRate)} a day against ${money(recommendedDailySpend)} that lands the budget.`,
  }
}
