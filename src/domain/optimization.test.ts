import { planFigures } from './pacing.ts'
import { MAX_SCALING_FACTOR, MIN_SCALING_FACTOR, proposeScaling, scaledBudget } from './optimization.ts'

const DAY = 86_400_000
const start = new Date('2026-11-01T00:00:00Z')
const end = new Date('2026-12-01T00:00:00Z')
const flight = { start, end }
/** Day 15 of a 30-day even flight: the plan needed half the budget by now. */
const now = new Date(start.getTime() + 15 * DAY)
const figures = (spent: number, at = now) => planFigures({ flight, budget: 10_000, pacing: 'even' }, spent, at)
const day = (n: number) => new Date(start.getTime() + n * DAY)

describe('the optimizer proposes only outside ±20 % of plan', () => {
  it('leaves a buy at 80 % or 120 % of plan alone, and proposes at 79 % and 121 %', () => {
    expect(proposeScaling(figures(4_000), flight, now)).toBeNull()
    expect(proposeScaling(figures(6_000), flight, now)).toBeNull()
    expect(proposeScaling(figures(3_950), flight, now)).toMatchObject({ status: 'under_spending', factor: 0.79 })
    expect(proposeScaling(figures(6_050), flight, now)).toMatchObject({ status: 'over_spending', factor: 1.21 })
  })

  it('scales an under-spending buy down to the pace it delivers at, with a signed error ratio', () => {
    const p = proposeScaling(figures(3_000), flight, now)!
    expect(p.factor).toBe(0.6)
    expect(p.errorRatio).toBeCloseTo(-0.4, 4)
    expect(p.currentDailyRate).toBe(200)
    // The rest of the budget over the 15 days left lands it: (10,000 − 3,000) / 15.
    expect(p.recommendedDailySpend).toBeCloseTo(466.67, 2)
    expect(p.rationale).toContain('10,000.00 → 6,000.00')
  })

  it('never halves or more than doubles a budget in one step', () => {
    expect(proposeScaling(figures(500), flight, now)?.factor).toBe(MIN_SCALING_FACTOR)
    expect(proposeScaling(figures(9_900, day(4)), flight, day(4))?.factor).toBe(MAX_SCALING_FACTOR)
  })

  it('says nothing before the flight, in its first tenth, after it, or at or past the budget', () => {
    expect(proposeScaling(figures(0, day(-1)), flight, day(-1))).toBeNull()
    expect(proposeScaling(figures(10, day(2)), flight, day(2))).toBeNull()
    expect(proposeScaling(figures(100, day(31)), flight, day(31))).toBeNull()
    expect(proposeScaling(figures(10_000), flight, now)).toBeNull()
    expect(proposeScaling(figures(12_000), flight, now)).toBeNull()
  })

  it('a proposed cut always leaves the budget above what is already spent', () => {
    for (let d = 3; d < 30; d++)
      for (let share = 0.05; share < 0.8; share += 0.05) {
        const at = day(d)
        const f = figures(share * 10_000 * (d / 30), at)
        const p = proposeScaling(f, flight, at)
        expect(p).not.toBeNull()
        expect(scaledBudget(10_000, p!.factor)).toBeGreaterThan(f.spent)
      }
  })

  it('tells the buyer how far behind the buy is, what the budget becomes and the daily spend that lands it', () => {
    const p = proposeScaling(figures(3_000), flight, now)!
    expect(p.rationale).toMatch(/^The buy has spent 60 % of what its plan needed by now; .*will not use its budget/)
    expect(p.rationale).toContain('Scaling the budget by 0.6 (10,000.00 → 6,000.00)')
    expect(p.message).toBe('Under-spending: 200.00 a day against 466.67 needed to land the budget.')
  })

  it('tells the buyer an over-spending buy will run out before its flight ends, and what the budget becomes', () => {
    const p = proposeScaling(figures(7_000), flight, now)!
    expect(p).toMatchObject({ status: 'over_spending', factor: 1.4, currentDailyRate: 466.67 })
    expect(p.rationale).toMatch(/^The buy has spent 140 % of what its plan needed by now and will run out before/)
    expect(p.rationale).toContain('Scaling the budget by 1.4 (10,000.00 → 14,000.00) keeps it delivering')
    expect(p.message).toBe('Over-spending: 466.67 a day against 200.00 that lands the budget.')
  })

  it('proposes no cut that would not leave the budget above what is already spent', () => {
    // 99.5 % through the flight, 5,100 of 10,000 spent: the pace (51 %) would cut the budget to exactly the spend.
    const late = new Date(start.getTime() + 0.995 * 30 * DAY)
    expect(proposeScaling(figures(5_100, late), flight, late)).toBeNull()
    // 99.9 % through, 51.5 % of plan: the factor rounds to 0.51, below what is spent.
    const later = new Date(start.getTime() + 0.999 * 30 * DAY)
    expect(proposeScaling(figures(5_143.85, later), flight, later)).toBeNull()
  })

  it('says nothing while the plan needed no spend yet', () => {
    const nothingDue = { budget: 10_000, spent: 100, expectedToDate: 0, phase: 'running' as const, elapsed: 0.5 }
    expect(proposeScaling(nothingDue, flight, now)).toBeNull()
  })

  it('scaledBudget rounds to cents', () => {
    expect(scaledBudget(3_333.33, 0.79)).toBe(2_633.33)
  })
})
