import type { Campaign } from '@/api/schemas/campaign'
import type { TimeseriesEntry } from '@/api/schemas/reporting'
import { buildDeliveryModel } from './delivery-model'
import { dedupe, statusMarkers } from './timeline'

const campaign = {
  campaignId: 'cmp_1',
  advertiserId: '1',
  name: 'Spring',
  status: 'ACTIVE',
  createdAt: '',
  updatedAt: '',
  flightDates: { startDate: '2026-11-01T00:00:00Z', endDate: '2026-12-01T00:00:00Z' },
  budget: { total: 3000, currency: 'USD' },
  mediaBuys: [
    {
      mediaBuyId: 'mb_1',
      name: 'Buy',
      status: 'ACTIVE',
      createdAt: '',
      updatedAt: '',
      packages: [
        {
          packageId: 'pk_1',
          status: 'active',
          budget: 3000,
          pacing: 'even',
          delivery: { impressions: 150_000, spend: 1500, clicks: 300 },
        },
      ],
    },
  ],
} as Campaign

function entry(date: string, spend: number, status = 'ACTIVE'): TimeseriesEntry {
  return {
    date,
    advertiserId: '1',
    advertiserName: 'A',
    currency: 'USD',
    campaignId: 'cmp_1',
    campaignName: 'Spring',
    mediaBuyId: 'mb_1',
    mediaBuyName: 'Buy',
    mediaBuyStatus: status,
    packageId: 'pk_1',
    productId: 'p',
    productName: 'P',
    metrics: { impressions: spend * 100, spend, clicks: spend / 5 },
  }
}

const days = Array.from({ length: 15 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`)

describe('delivery model', () => {
  it('sums packages up to buys and the campaign, with CTR and CPM, and judges pacing on fresh days', () => {
    const m = buildDeliveryModel({
      campaign,
      timeseries: days.map((d) => entry(d, 100)),
      now: new Date('2026-11-16T00:00:00Z'),
      fresh: true,
    })
    expect(m.rows.map((r) => r.level)).toEqual(['campaign', 'buy', 'package'])
    const top = m.rows[0]
    expect(top).toMatchObject({ spend: 1500, impressions: 150_000, clicks: 300, ctr: 0.002, cpm: 10 })
    expect(top.pacing?.verdict).toBe('on_pace')
    expect(m.rows[2].pacing?.verdict).toBe('on_pace')
  })

  it('raises no alarm while the data is stale', () => {
    const m = buildDeliveryModel({
      campaign,
      timeseries: days.map((d) => entry(d, 10)),
      now: new Date('2026-11-16T00:00:00Z'),
      fresh: false,
    })
    expect(m.rows[0].pacing?.verdict).toBe('no_data')
  })

  it('marks day-to-day status changes on the timeline', () => {
    const markers = statusMarkers([
      entry('2026-11-01', 1),
      entry('2026-11-02', 1, 'PAUSED'),
      entry('2026-11-03', 1, 'PAUSED'),
    ])
    expect(markers).toEqual([{ date: '2026-11-02', kind: 'status', label: 'Buy: active → paused' }])
  })
})

describe('timeline markers', () => {
  it('marks a change seen twice only once', () => {
    const m = { date: '2026-11-02', kind: 'status' as const, label: 'Buy: active → paused' }
    expect(dedupe([m, { ...m }, { ...m, date: '2026-11-03' }])).toHaveLength(2)
  })
})

describe('one verdict on every level', () => {
  const now = new Date('2026-11-16T00:00:00Z')
  const withPackage = (pkg: Record<string, unknown>, buyDates: Record<string, string> = {}) =>
    ({
      ...campaign,
      mediaBuys: [
        { ...campaign.mediaBuys![0], ...buyDates, packages: [{ ...campaign.mediaBuys![0].packages![0], ...pkg }] },
      ],
    }) as Campaign

  it('says over budget on the package, its buy and the campaign once a budget is cut below spend, never on pace', () => {
    const cut = withPackage({ budget: 100, delivery: { impressions: 220_600, spend: 2206, clicks: 40 } })
    // The last days delivered at about the rate the old budget needed: a rate comparison read this as on pace.
    const m = buildDeliveryModel({ campaign: cut, timeseries: days.map((d) => entry(d, 147)), now, fresh: true })
    expect(m.rows.map((r) => r.pacing?.verdict)).toEqual(['over_budget', 'over_budget', 'over_budget'])
  })

  it('gives a buy with one package the verdict and figure of that package', () => {
    const late = withPackage(
      { startTime: '2026-11-06T00:00:00Z', delivery: { impressions: 1, spend: 700, clicks: 0 } },
      { startTime: '2026-10-01T00:00:00Z' },
    )
    const m = buildDeliveryModel({ campaign: late, timeseries: days.map((d) => entry(d, 70)), now, fresh: true })
    const [, buyRow, packageRow] = m.rows
    expect(buyRow.pacing).toMatchObject({ verdict: packageRow.pacing?.verdict, ratio: packageRow.pacing?.ratio })
  })
})
