import { assessPacing, idealSpendFraction, idealSpendWithPeriods } from './pacing.ts'

const day = (d: string) => new Date(`${d}T00:00:00Z`)
const flight = { start: day('2026-11-01'), end: day('2026-12-01') } // 30 days

describe('ideal spend line', () => {
  it('is linear for even pacing', () => {
    expect(idealSpendFraction(flight, day('2026-11-16'))).toBeCloseTo(0.5)
    expect(idealSpendFraction(flight, day('2026-10-01'))).toBe(0)
    expect(idealSpendFraction(flight, day('2027-01-01'))).toBe(1)
  })

  it('runs ahead of even for front-loaded pacing, and meets it at the end', () => {
    expect(idealSpendFraction(flight, day('2026-11-16'), 'front_loaded')).toBeCloseTo(0.75)
    expect(idealSpendFraction(flight, day('2026-12-01'), 'front_loaded')).toBe(1)
  })

  it('follows pacing periods, each even within itself', () => {
    const periods = [
      { start: '2026-11-01', end: '2026-11-10', budget: 1000 },
      { start: '2026-11-11', end: '2026-11-30', budget: 500 },
    ]
    expect(idealSpendWithPeriods(periods, day('2026-11-06'))).toBeCloseTo(500)
    expect(idealSpendWithPeriods(periods, day('2026-11-21'))).toBeCloseTo(1250)
  })
})

describe('pacing assessment', () => {
  const base = { flight, budget: 3000, now: day('2026-11-16') }

  it('is on pace when the recent rate matches the rate still needed', () => {
    const r = assessPacing({ ...base, spent: 1500, recentDailySpend: [100, 100, 100] })
    expect(r.flag).toBe('on_pace')
    expect(r.projectedSpend).toBeCloseTo(3000)
  })

  it('flags underpacing below 90 % of the needed rate, and projects the shortfall', () => {
    const r = assessPacing({ ...base, spent: 1000, recentDailySpend: [80, 80] })
    expect(r.neededDailyRate).toBeCloseTo(2000 / 15)
    expect(r.flag).toBe('underpacing')
    expect(r.projectedSpend).toBeCloseTo(1000 + 80 * 15)
  })

  it('flags overpacing above 110 %, and never projects past the budget', () => {
    const r = assessPacing({ ...base, spent: 1500, recentDailySpend: [200] })
    expect(r.flag).toBe('overpacing')
    expect(r.projectedSpend).toBe(3000)
  })

  it('raises no alarm at a zero-spend start with no delivery data yet', () => {
    const r = assessPacing({ ...base, now: day('2026-11-01'), spent: 0, recentDailySpend: [] })
    expect(r.flag).toBe('no_data')
  })

  it('reports a flight that is over as ended, with spend as it landed', () => {
    const r = assessPacing({ ...base, now: day('2026-12-05'), spent: 2900, recentDailySpend: [50] })
    expect(r).toMatchObject({ flag: 'ended', projectedSpend: 2900 })
  })

  it('reports a flight that has not started', () => {
    expect(assessPacing({ ...base, now: day('2026-10-20'), spent: 0, recentDailySpend: [] }).flag).toBe('not_started')
  })
})
