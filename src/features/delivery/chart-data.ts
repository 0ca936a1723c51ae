import { idealSpendAt, type DailyPoint, type PacingAssessment, type SpendPlan } from '@/domain/pacing'

const DAY_MS = 86_400_000

export interface SpendLines {
  /** Seconds since epoch, one per day of the flight (uPlot's x axis). */
  x: number[]
  actual: (number | null)[]
  ideal: (number | null)[]
  projection: (number | null)[]
  budget: (number | null)[]
}

/**
 * Cumulative spend against the ideal line over the whole flight, and the projection from the last reported day to
 * the flight end (a straight line to the projected spend). Days after the last report have no actual value.
 */
export function spendLines(
  daily: readonly DailyPoint[],
  plan: SpendPlan | null,
  pacing: PacingAssessment | null,
  days: readonly string[],
): SpendLines {
  const flightDays = plan ? daysOf(plan.flight.start, plan.flight.end) : [...days]
  const x = flightDays.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000)
  const byDate = new Map(daily.map((d) => [d.date, d.spend]))
  let running = 0
  const lastReported = days[days.length - 1]
  const actual = flightDays.map((d) => {
    if (lastReported === undefined || d > lastReported) return null
    running += byDate.get(d) ?? 0
    return Math.round(running * 100) / 100
  })
  // The ideal line is cumulative at the end of each day, like the actual figures.
  const ideal = flightDays.map((d) =>
    plan ? Math.round(idealSpendAt(plan, new Date(Date.parse(`${d}T00:00:00Z`) + DAY_MS)) * 100) / 100 : null,
  )
  const lastIndex = actual.reduce<number>((last, v, i) => (v === null ? last : i), -1)
  const projection = flightDays.map(() => null as number | null)
  const projected = pacing?.projectedSpend ?? null
  if (
    pacing &&
    projected !== null &&
    lastIndex >= 0 &&
    lastIndex < flightDays.length - 1 &&
    pacing.verdict !== 'ended'
  ) {
    const from = actual[lastIndex] ?? 0
    const steps = flightDays.length - 1 - lastIndex
    for (let i = lastIndex; i < flightDays.length; i++)
      projection[i] = from + ((projected - from) * (i - lastIndex)) / steps
  }
  const budget = flightDays.map(() => plan?.budget ?? null)
  return { x, actual, ideal, projection, budget }
}

function daysOf(start: Date, end: Date): string[] {
  const out: string[] = []
  const first = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate())
  for (let t = first; t < end.getTime() && out.length < 800; t += DAY_MS)
    out.push(new Date(t).toISOString().slice(0, 10))
  return out
}
