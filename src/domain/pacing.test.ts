import {
  assessPacing,
  assessPlan,
  combineFigures,
  dailySeries,
  daysBetween,
  idealSpendAt,
  idealSpendFraction,
  idealSpendWithPeriods,
  isDeliveryStalled,
  judgePacing,
  pacingDirection,
  pacingText,
  planFigures,
  recentDailySpend,
  toPacingKind,
  type PacingFigures,
  type PacingVerdict,
} from './pacing.ts'

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

  it('is on pace when spend to date matches the plan to date, and projects at the recent rate', () => {
    const r = assessPacing({ ...base, spent: 1500, recentDailySpend: [100, 100, 100] })
    expect(r.verdict).toBe('on_pace')
    expect(r.projectedSpend).toBeCloseTo(3000)
  })

  it('flags underpacing below 90 % of the plan to date, and projects the shortfall', () => {
    const r = assessPacing({ ...base, spent: 1000, recentDailySpend: [80, 80] })
    expect(r.neededDailyRate).toBeCloseTo(2000 / 15)
    expect(r.verdict).toBe('underpacing')
    expect(r.projectedSpend).toBeCloseTo(1000 + 80 * 15)
  })

  it('flags overpacing above 110 %, and never projects past the budget', () => {
    const r = assessPacing({ ...base, spent: 1800, recentDailySpend: [200] })
    expect(r.verdict).toBe('overpacing')
    expect(r.projectedSpend).toBe(3000)
  })

  // Half the flight gone: the plan expects 1,500 of 3,000 by now; below 90 % is underpacing, above 110 % overpacing.
  it.each([
    [85, 'underpacing'],
    [89, 'underpacing'],
    [90, 'on_pace'],
    [110, 'on_pace'],
    [111, 'overpacing'],
  ])('calls %d %% of the planned spend to date %s', (percent, verdict) => {
    const r = assessPacing({ ...base, spent: 15 * percent, recentDailySpend: [100] })
    expect(r.expectedToDate).toBeCloseTo(1500)
    expect(r.ratio).toBeCloseTo(percent / 100)
    expect(r.verdict).toBe(verdict)
  })

  it('raises no alarm at a zero-spend start with no delivery data yet', () => {
    const r = assessPacing({ ...base, now: day('2026-11-01'), spent: 0, recentDailySpend: [] })
    expect(r.verdict).toBe('too_early')
    expect(r.projectedSpend).toBeNull()
  })

  it('reports a flight that is over as ended, with spend as it landed', () => {
    const r = assessPacing({ ...base, now: day('2026-12-05'), spent: 2900, recentDailySpend: [50] })
    expect(r).toMatchObject({ verdict: 'ended', projectedSpend: 2900 })
  })

  it('reports a flight that has not started', () => {
    expect(assessPacing({ ...base, now: day('2026-10-20'), spent: 0, recentDailySpend: [] }).verdict).toBe(
      'not_started',
    )
  })
})

describe('plans, daily series and stalls', () => {
  const plan = { flight, budget: 3000 }

  it('draws the ideal line for even and front-loaded plans, and for pacing periods', () => {
    expect(idealSpendAt(plan, day('2026-11-16'))).toBeCloseTo(1500)
    expect(idealSpendAt({ ...plan, pacing: 'front_loaded' }, day('2026-11-16'))).toBeCloseTo(2250)
    const periods = [
      { start: '2026-11-01', end: '2026-11-10', budget: 2000 },
      { start: '2026-11-11', end: '2026-11-30', budget: 1000 },
    ]
    expect(idealSpendAt({ ...plan, periods }, day('2026-11-11'))).toBeCloseTo(2000)
    expect(idealSpendAt({ ...plan, periods }, day('2026-12-05'))).toBeCloseTo(3000)
  })

  it('reads pacing values case-insensitively and falls back to even', () => {
    expect(toPacingKind('FRONT_LOADED')).toBe('front_loaded')
    expect(toPacingKind('asap')).toBe('asap')
    expect(toPacingKind(undefined)).toBe('even')
    expect(toPacingKind('weird')).toBe('even')
  })

  it('fills days without delivery with zeros and sums rows of one day', () => {
    const days = daysBetween(day('2026-11-01'), day('2026-11-03'))
    expect(days).toEqual(['2026-11-01', '2026-11-02', '2026-11-03'])
    const series = dailySeries(
      [
        { date: '2026-11-01', spend: 10.1, impressions: 1000, clicks: 2 },
        { date: '2026-11-01', spend: 5.2, impressions: 500, clicks: 1 },
        { date: '2026-11-03', spend: 7, impressions: 700, clicks: 0 },
      ],
      days,
    )
    expect(series.map((d) => d.spend)).toEqual([15.3, 0, 7])
    expect(series[0].impressions).toBe(1500)
  })

  it('judges the rate on complete days only, never today', () => {
    const daily = daysBetween(day('2026-11-01'), day('2026-11-16')).map((date) => ({
      date,
      spend: date === '2026-11-16' ? 1 : 100,
      impressions: 0,
      clicks: 0,
    }))
    expect(recentDailySpend(daily, plan, new Date('2026-11-16T12:00:00Z'))).toEqual([100, 100, 100])
    const r = assessPlan(plan, 1500, daily, new Date('2026-11-16T00:00:00Z'))
    expect(r.verdict).toBe('on_pace')
  })

  it('raises no alarm at a zero-spend start: day one has no complete day yet', () => {
    const daily = [{ date: '2026-11-01', spend: 0, impressions: 0, clicks: 0 }]
    expect(assessPlan(plan, 0, daily, new Date('2026-11-01T15:00:00Z')).verdict).toBe('too_early')
  })

  it('judges a paced flight against its periods: a heavy first period needs more now', () => {
    const periods = [
      { start: '2026-11-01', end: '2026-11-10', budget: 2000 },
      { start: '2026-11-11', end: '2026-11-30', budget: 1000 },
    ]
    const daily = daysBetween(day('2026-11-01'), day('2026-11-05')).map((date) => ({
      date,
      spend: 100,
      impressions: 0,
      clicks: 0,
    }))
    const now = new Date('2026-11-06T00:00:00Z')
    const r = assessPlan({ ...plan, periods }, 500, daily, now)
    expect(r.expectedToDate).toBeCloseTo(1000)
    expect(r.projectedSpend).toBeCloseTo(500 + 100 * 25)
  })

  it('reports a flight already over as ended, at what it spent', () => {
    const r = assessPlan(plan, 2800, [], day('2026-12-10'))
    expect(r).toMatchObject({ verdict: 'ended', projectedSpend: 2800 })
  })

  it('calls delivery stalled only when fresh samples spanning the window show no increase', () => {
    const now = 1_000_000
    const w = 60_000
    expect(
      isDeliveryStalled(
        [
          { at: now - 70_000, spend: 10 },
          { at: now, spend: 10 },
        ],
        now,
        w,
      ),
    ).toBe(true)
    expect(
      isDeliveryStalled(
        [
          { at: now - 70_000, spend: 10 },
          { at: now, spend: 11 },
        ],
        now,
        w,
      ),
    ).toBe(false)
    expect(
      isDeliveryStalled(
        [
          { at: now - 30_000, spend: 10 },
          { at: now, spend: 10 },
        ],
        now,
        w,
      ),
    ).toBe(false)
    expect(isDeliveryStalled([{ at: now, spend: 10 }], now, w)).toBe(false)
  })
})

describe('a flight that starts and ends at the same instant', () => {
  const instant = { start: day('2026-11-10'), end: day('2026-11-10') }

  it('has spent nothing of its plan before that instant and all of it from then on', () => {
    expect(idealSpendFraction(instant, day('2026-11-09'))).toBe(0)
    expect(idealSpendFraction(instant, day('2026-11-10'))).toBe(1)
    expect(idealSpendFraction(instant, day('2026-11-11'))).toBe(1)
  })

  it('counts as not begun before it and fully elapsed from it', () => {
    expect(planFigures({ flight: instant, budget: 100 }, 0, day('2026-11-09'))).toMatchObject({
      phase: 'before',
      elapsed: 0,
    })
    expect(planFigures({ flight: instant, budget: 100 }, 0, day('2026-11-10'))).toMatchObject({
      phase: 'after',
      elapsed: 1,
      expectedToDate: 100,
    })
  })
})

describe('the verdict, at its edges', () => {
  const figures = (f: Partial<PacingFigures>): PacingFigures => ({
    budget: 3000,
    spent: 0,
    expectedToDate: 1500,
    phase: 'running',
    elapsed: 0.5,
    ...f,
  })

  it('calls a flight ended from the very instant it ends', () => {
    const f = planFigures({ flight, budget: 3000 }, 2000, flight.end)
    expect(f.phase).toBe('after')
    expect(judgePacing(f).verdict).toBe('ended')
  })

  it('raises the underpacing alarm from exactly a tenth of the flight on', () => {
    const r = assessPacing({ flight, budget: 3000, spent: 100, now: day('2026-11-04'), recentDailySpend: [] })
    expect(r.verdict).toBe('underpacing')
  })

  it('reads a package with no budget and no spend mid-flight as too early to tell, not exhausted or underpacing', () => {
    expect(judgePacing(figures({ budget: 0, spent: 0, expectedToDate: 0 }))).toMatchObject({
      verdict: 'too_early',
      ratio: null,
    })
  })

  it('gives no figure against plan for a flight that has not started, whatever its ideal line says', () => {
    expect(judgePacing(figures({ phase: 'before', spent: 50, expectedToDate: 100 }))).toMatchObject({
      verdict: 'not_started',
      ratio: null,
    })
  })

  it('needs no daily rate once the flight is over', () => {
    const r = assessPacing({ flight, budget: 3000, spent: 1000, now: flight.end, recentDailySpend: [10] })
    expect(r.neededDailyRate).toBe(0)
  })

  it.each<[PacingVerdict, -1 | 0 | 1 | null]>([
    ['underpacing', -1],
    ['on_pace', 0],
    ['overpacing', 1],
    ['over_budget', 1],
    ['budget_exhausted', 1],
    ['not_started', null],
    ['too_early', null],
    ['ended', null],
    ['no_data', null],
  ])('points %s in direction %s', (verdict, direction) => {
    expect(pacingDirection(verdict)).toBe(direction)
  })

  it('says a spent budget against the budget, no figure when there is none, and none on stale data', () => {
    const exhausted = judgePacing(figures({ spent: 3000, expectedToDate: 2000 }))
    expect(exhausted.verdict).toBe('budget_exhausted')
    expect(pacingText(exhausted)).toBe('budget exhausted · 100 % of budget')
    expect(pacingText(judgePacing(figures({ expectedToDate: 0 })))).toBe('too early to tell')
    expect(pacingText({ ...judgePacing(figures({ spent: 1200 })), verdict: 'no_data' })).toBe('not enough data')
    expect(pacingText(judgePacing(figures({ spent: 1200 })))).toBe('underpacing · 80 % of plan')
  })
})

describe('a buy or campaign from its parts', () => {
  const part = (phase: PacingFigures['phase'], elapsed: number): PacingFigures => ({
    budget: 100,
    spent: 10,
    expectedToDate: 20,
    phase,
    elapsed,
  })

  it('has no figures without parts', () => {
    expect(combineFigures([])).toBeNull()
  })

  it('has not started until one part has, ends when all have, and runs otherwise', () => {
    expect(combineFigures([part('before', 0), part('before', 0)])).toMatchObject({ phase: 'before', elapsed: 0 })
    expect(combineFigures([part('after', 1), part('after', 1)])).toMatchObject({ phase: 'after', elapsed: 1 })
    expect(combineFigures([part('before', 0), part('after', 1)])?.phase).toBe('running')
    expect(combineFigures([part('running', 0.5), part('after', 1)])?.phase).toBe('running')
  })

  it('counts the elapsed share of its longest-running part', () => {
    expect(combineFigures([part('running', 0.3), part('running', 0.6), part('before', 0)])).toMatchObject({
      elapsed: 0.6,
      budget: 300,
      spent: 30,
      expectedToDate: 60,
    })
  })
})

describe('days, rates and stalls, at their edges', () => {
  const plan = { flight, budget: 3000 }
  const row = (date: string, spend: number, clicks = 0) => ({ date, spend, impressions: 0, clicks })

  it('lists at most 800 days, however long the range', () => {
    expect(daysBetween(day('2026-01-01'), day('2031-01-01'))).toHaveLength(800)
  })

  it('sums clicks per day and ignores rows outside the days shown', () => {
    const series = dailySeries(
      [row('2026-11-01', 1, 2), row('2026-11-01', 1, 3), row('2026-10-31', 9, 9)],
      ['2026-11-01', '2026-11-02'],
    )
    expect(series).toEqual([
      { date: '2026-11-01', spend: 2, impressions: 0, clicks: 5 },
      { date: '2026-11-02', spend: 0, impressions: 0, clicks: 0 },
    ])
  })

  it('counts the first day of the flight in the recent rate, and no day before it', () => {
    const daily = [row('2026-10-31', 50), row('2026-11-01', 10), row('2026-11-02', 20)]
    expect(recentDailySpend(daily, plan, new Date('2026-11-03T12:00:00Z'))).toEqual([10, 20])
  })

  it('calls delivery stalled on the newest sample at least a window old, counting samples up to two windows old', () => {
    const now = 1_000_000
    const w = 60_000
    expect(isDeliveryStalled([], now, w)).toBe(false)
    expect(
      isDeliveryStalled(
        [
          { at: now - 150_000, spend: 10 },
          { at: now - 30_000, spend: 10 },
          { at: now, spend: 10 },
        ],
        now,
        w,
      ),
    ).toBe(false)
    expect(
      isDeliveryStalled(
        [
          { at: now - 120_000, spend: 10 },
          { at: now, spend: 10 },
        ],
        now,
        w,
      ),
    ).toBe(true)
    expect(
      isDeliveryStalled(
        [
          { at: now - 60_000, spend: 10 },
          { at: now, spend: 10 },
        ],
        now,
        w,
      ),
    ).toBe(true)
    expect(
      isDeliveryStalled(
        [
          { at: now - 100_000, spend: 5 },
          { at: now - 70_000, spend: 10 },
          { at: now, spend: 10 },
        ],
        now,
        w,
      ),
    ).toBe(true)
  })
})
