import type { CampaignMediaBuy, CampaignPackage } from '@/api/schemas/campaign'
import { buy, campaign } from '@/lib/testing/fixtures'
import { buyFigures, campaignFigures, packageFigures, packagePacing, buyPacing } from './pacing-levels.ts'

// The campaign's flight is March 2026 (30 days); halfway through, an even plan expects half its budget spent.
const half = new Date('2026-03-16T00:00:00Z')
const c = campaign()
const pkg = (extra: Partial<CampaignPackage> = {}): CampaignPackage => ({
  packageId: 'pkg_1',
  status: 'active',
  budget: 1000,
  pacing: 'even',
  ...extra,
})
const spend = (amount: number) => ({ spend: amount, impressions: 1, clicks: 0 })
const withPackages = (packages: CampaignPackage[], extra: Partial<CampaignMediaBuy> = {}) => buy({ packages, ...extra })

describe('the plan a package is judged against', () => {
  const figures = (p: CampaignPackage, b = withPackages([p]), cmp = c) => packageFigures(cmp, b, p, half)

  it('runs over the campaign flight when neither the package nor its buy has dates', () => {
    expect(figures(pkg({ delivery: spend(300) }))).toMatchObject({
      budget: 1000,
      spent: 300,
      expectedToDate: 500,
      phase: 'running',
    })
  })

  it('reads an ASAP or unreadable start as no start of its own', () => {
    expect(figures(pkg({ startTime: 'asap' }))?.expectedToDate).toBe(500)
    expect(figures(pkg({ startTime: 'soon', endTime: 'later' }))?.expectedToDate).toBe(500)
  })

  it("takes the buy's own dates when the campaign has none", () => {
    const noFlight = campaign({ flightDates: undefined })
    const b = withPackages([pkg()], { startTime: '2026-03-01T00:00:00Z', endTime: '2026-03-31T00:00:00Z' })
    expect(figures(pkg(), b, noFlight)?.expectedToDate).toBe(500)
    expect(figures(pkg(), withPackages([pkg()]), noFlight)).toBeNull()
  })

  it('has no plan without a positive budget', () => {
    expect(figures(pkg({ budget: 0 }))).toBeNull()
    expect(figures(pkg({ budget: -100 }))).toBeNull()
    expect(figures(pkg({ budget: undefined }))).toBeNull()
  })

  it('has no plan without a start and an end, or when the end is not after the start', () => {
    const noFlight = campaign({ flightDates: undefined })
    expect(figures(pkg({ endTime: '2026-03-31T00:00:00Z' }), undefined, noFlight)).toBeNull()
    expect(figures(pkg({ startTime: '2026-03-01T00:00:00Z' }), undefined, noFlight)).toBeNull()
    const same = { startTime: '2026-03-10T00:00:00Z', endTime: '2026-03-10T00:00:00Z' }
    expect(figures(pkg(same))).toBeNull()
    expect(figures(pkg({ startTime: '2026-03-20T00:00:00Z', endTime: '2026-03-10T00:00:00Z' }))).toBeNull()
  })
})

describe('the figures of a buy', () => {
  const figures = (b: CampaignMediaBuy) => buyFigures(c, b, half)

  it('sums its live packages and leaves canceled ones out', () => {
    const b = withPackages([
      pkg({ delivery: spend(200) }),
      pkg({ packageId: 'pkg_2', budget: 600, delivery: spend(100) }),
      pkg({ packageId: 'pkg_3', status: 'Canceled', budget: 5000, delivery: spend(900) }),
    ])
    expect(figures(b)).toMatchObject({ budget: 1600, spent: 300, expectedToDate: 800 })
  })

  it('has no figures when one of its live packages has no plan', () => {
    const b = withPackages([pkg(), pkg({ packageId: 'pkg_2', budget: null })], { performance: spend(100) })
    expect(figures(b)).toBeNull()
  })

  it("counts the buy's own spend when its packages report no delivery, and theirs when any does", () => {
    const packages = [pkg(), pkg({ packageId: 'pkg_2' })]
    expect(figures(withPackages(packages, { performance: spend(400) }))?.spent).toBe(400)
    expect(figures(withPackages(packages))?.spent).toBe(0)
    const oneReports = [pkg({ delivery: spend(150) }), pkg({ packageId: 'pkg_2' })]
    expect(figures(withPackages(oneReports, { performance: spend(400) }))?.spent).toBe(150)
  })

  it("before execution, plans its products' budgets over its flight", () => {
    const b = buy({
      performance: spend(250),
      products: [
        { productId: 'p1', budget: 1000 },
        { productId: 'p2', budget: 500 },
        { productId: 'p3', budget: null },
        { productId: 'p4' },
      ],
    })
    expect(figures(b)).toMatchObject({ budget: 1500, spent: 250, expectedToDate: 750 })
    expect(figures({ ...b, performance: undefined })?.spent).toBe(0)
    expect(figures(withPackages([pkg({ status: 'canceled' })], { products: b.products }))?.budget).toBe(1500)
  })

  it('has no figures before execution when no product carries a budget', () => {
    expect(figures(buy({ products: [{ productId: 'p1' }] }))).toBeNull()
    expect(figures(buy({ products: undefined }))).toBeNull()
  })
})

describe('the figures of a campaign', () => {
  it('sums its judged buys only, and skips buys without a plan', () => {
    const live = withPackages([pkg({ delivery: spend(300) })], { mediaBuyId: 'mb_1' })
    const paused = withPackages([pkg({ budget: 400, delivery: spend(100) })], { mediaBuyId: 'mb_2', status: 'PAUSED' })
    const draft = withPackages([pkg({ budget: 9000 })], { mediaBuyId: 'mb_3', status: 'DRAFT' })
    const unplanned = withPackages([pkg({ budget: null })], { mediaBuyId: 'mb_4' })
    expect(campaignFigures(campaign({ mediaBuys: [live, paused, draft, unplanned] }), half)).toMatchObject({
      budget: 1400,
      spent: 400,
    })
    expect(campaignFigures(campaign({ mediaBuys: undefined }), half)).toBeNull()
  })
})

describe('which levels get a verdict', () => {
  it('judges a package only while both it and its buy are live, paused or completed', () => {
    const p = pkg({ delivery: spend(500) })
    expect(packagePacing(c, withPackages([p]), p, half)?.verdict).toBe('on_pace')
    expect(packagePacing(c, withPackages([p], { status: 'DRAFT' }), p, half)).toBeNull()
    const canceled = pkg({ status: 'canceled', delivery: spend(500) })
    expect(packagePacing(c, withPackages([canceled]), canceled, half)).toBeNull()
  })

  it('does not judge a buy that has not started serving', () => {
    const b = withPackages([pkg({ delivery: spend(500) })], { status: 'DRAFT' })
    expect(buyPacing(c, b, half)).toBeNull()
    expect(buyPacing(c, { ...b, status: 'PAUSED' }, half)?.verdict).toBe('on_pace')
  })
})
