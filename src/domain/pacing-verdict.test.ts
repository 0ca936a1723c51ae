import fc from 'fast-check'
import { buy, campaign } from '@/lib/testing/fixtures'
import { combineFigures, judgePacing, pacingDirection, pacingText, planFigures, type PacingFigures } from './pacing.ts'
import { buyPacing, campaignPacing, packagePacing } from './pacing-levels.ts'

const day = (d: string) => new Date(`${d}T00:00:00Z`)
const flight = { start: day('2026-11-01'), end: day('2026-12-01') } // 30 days
const half = day('2026-11-16')

describe('the one pacing verdict', () => {
  it('compares spend to date with the plan to date: under 90 % underpacing, over 110 % overpacing', () => {
    const at = (spent: number) => judgePacing(planFigures({ flight, budget: 3000 }, spent, half))
    expect(pacingText(at(1000))).toBe('underpacing · 67 % of plan')
    expect(pacingText(at(1500))).toBe('on pace · 100 % of plan')
    expect(pacingText(at(1800))).toBe('overpacing · 120 % of plan')
  })

  it('never says on pace once spend is past the budget, whatever the calendar', () => {
    // €22,000 cut to €100 with €2,206 spent: the old comparison read 12340 % of plan, or "On pace" on the daily rate.
    const cut = judgePacing(planFigures({ flight, budget: 100 }, 2206, half))
    expect(cut.verdict).toBe('over_budget')
    expect(pacingText(cut)).toBe('over budget · 2206 % of budget')
    expect(judgePacing(planFigures({ flight, budget: 2206 }, 2206, half)).verdict).toBe('budget_exhausted')
    expect(judgePacing(planFigures({ flight, budget: 100 }, 2206, day('2026-12-10'))).verdict).toBe('over_budget')
  })

  it('says too early to tell in the first tenth of a flight, and not started before it', () => {
    expect(judgePacing(planFigures({ flight, budget: 3000 }, 0, day('2026-11-02'))).verdict).toBe('too_early')
    expect(judgePacing(planFigures({ flight, budget: 3000 }, 0, day('2026-10-20'))).verdict).toBe('not_started')
    expect(judgePacing(planFigures({ flight, budget: 3000 }, 2900, day('2026-12-02'))).verdict).toBe('ended')
  })

  it('gives a buy with one package the verdict and figure of that package, and the campaign of that buy', () => {
    const pkg = {
      packageId: 'pkg_1',
      status: 'active',
      budget: 10_000,
      pacing: 'even',
      delivery: { spend: 2700, impressions: 1, clicks: 0 },
    }
    // The buy's own flight is wider than its package's: a second formula on the buy's dates would disagree.
    const theBuy = buy({
      mediaBuyId: 'mb_1',
      status: 'ACTIVE',
      startTime: '2026-10-01T00:00:00Z',
      endTime: '2026-12-01T00:00:00Z',
      packages: [{ ...pkg, startTime: '2026-11-01T00:00:00Z' }],
    })
    const c = campaign({
      flightDates: { startDate: '2026-10-01T00:00:00Z', endDate: '2026-12-01T00:00:00Z' },
      budget: { total: 50_000, currency: 'USD' },
      mediaBuys: [theBuy],
    })
    const p = packagePacing(c, theBuy, theBuy.packages![0], half)
    const b = buyPacing(c, theBuy, half)
    const top = campaignPacing(c, half)
    expect(p && pacingText(p)).toBe('underpacing · 54 % of plan')
    expect(b && pacingText(b)).toBe('underpacing · 54 % of plan')
    expect(top && pacingText(top)).toBe('underpacing · 54 % of plan')
  })
})

// ---- A package, its buy and its campaign never contradict each other's direction. ----

const NOW = half
const planArb = fc
  .record({
    startDay: fc.integer({ min: -40, max: 20 }),
    length: fc.integer({ min: 1, max: 60 }),
    budget: fc.integer({ min: 1, max: 2_000_000 }).map((c) => c / 100),
    spentShare: fc.double({ min: 0, max: 2, noNaN: true }),
    pacing: fc.constantFrom('even' as const, 'asap' as const, 'front_loaded' as const),
  })
  .map(({ startDay, length, budget, spentShare, pacing }): PacingFigures => {
    const start = new Date(NOW.getTime() + startDay * 86_400_000)
    const end = new Date(start.getTime() + length * 86_400_000)
    const spent = Math.round(budget * spentShare * 100) / 100
    return planFigures({ flight: { start, end }, budget, pacing }, spent, NOW)
  })

const direction = (f: PacingFigures) => pacingDirection(judgePacing(f).verdict)

describe('levels agree', () => {
  it('if every part underpaces, the whole cannot read on pace or overpacing', () => {
    fc.assert(
      fc.property(
        fc.array(
          planArb.filter((p) => direction(p) === -1),
          { minLength: 1, maxLength: 8 },
        ),
        (parts) => {
          const whole = combineFigures(parts)
          expect(whole && judgePacing(whole).verdict).toBe('underpacing')
        },
      ),
    )
  })

  it('if every part spends ahead of plan or past its budget, the whole cannot read underpacing or on pace', () => {
    fc.assert(
      fc.property(
        fc.array(
          planArb.filter((p) => direction(p) === 1),
          { minLength: 1, maxLength: 8 },
        ),
        (parts) => {
          const whole = combineFigures(parts)
          expect(whole && direction(whole)).toBe(1)
        },
      ),
    )
  })

  it('a whole never points the opposite way of all its judged parts, through three levels', () => {
    const buyArb = fc.array(planArb, { minLength: 1, maxLength: 5 })
    fc.assert(
      fc.property(fc.array(buyArb, { minLength: 1, maxLength: 5 }), (buys) => {
        const buyFigures = buys.map((packages) => combineFigures(packages)).filter((f) => f !== null)
        const whole = combineFigures(buyFigures)
        if (!whole) return
        for (const level of [
          ...buys.map((pk) => ({ parts: pk, whole: combineFigures(pk) })),
          { parts: buyFigures, whole },
        ]) {
          if (!level.whole) continue
          const dirs = level.parts.map(direction)
          const d = direction(level.whole)
          if (dirs.every((x) => x === -1)) expect(d).toBe(-1)
          if (dirs.every((x) => x === 1)) expect(d).toBe(1)
          // A mix of on pace and underpacing can drag the whole behind, never ahead (and vice versa).
          if (dirs.every((x) => x === -1 || x === 0)) expect(d === 1).toBe(false)
          if (dirs.every((x) => x === 1 || x === 0) && dirs.some((x) => x === 1 || x === 0))
            expect(d === -1).toBe(false)
        }
      }),
    )
  })
})
