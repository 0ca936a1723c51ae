import type { Campaign, CampaignMediaBuy, CampaignPackage } from '@/api/schemas/campaign'
import type { TimeseriesEntry } from '@/api/schemas/reporting'
import { buyBudget, salesAgentNames } from '@/components/campaign-tree/buy-figures'
import { packageName } from '@/domain/labels'
import { buyPacing, campaignPacing, packagePacing } from '@/domain/pacing-levels'
import {
  dailySeries,
  pacingDirection,
  recentDailySpend,
  withProjection,
  daysBetween,
  toPacingKind,
  type DailyPoint,
  type PacingAssessment,
  type PacingJudgement,
  type PacingPeriod,
  type SpendPlan,
} from '@/domain/pacing'
import { effectiveBuyStatus, effectivePackageStatus } from '@/domain/rollup'

export type DeliveryLevel = 'campaign' | 'buy' | 'package'

/** One line of the overview and of the CSV: a campaign, a media buy or a package, with its delivery and pacing. */
export interface DeliveryRow {
  id: string
  level: DeliveryLevel
  campaignName: string
  buyName: string
  packageName: string
  seller: string
  status: string
  budget: number | null
  spend: number
  impressions: number
  clicks: number
  /** Clicks per impression (0.002 = 0.2 %); null without impressions. */
  ctr: number | null
  /** Spend per thousand impressions; null without impressions. */
  cpm: number | null
  daily: DailyPoint[]
  plan: SpendPlan | null
  /** Null when pacing means nothing here (no budget or flight, a buy that is not live). */
  pacing: PacingAssessment | null
}

export interface DeliveryModel {
  currency: string
  days: string[]
  rows: DeliveryRow[]
}

// Paused levels are judged too: a pause is exactly what puts a buy behind its plan.
const LIVE = new Set(['ACTIVE', 'PAUSED', 'COMPLETED'])
const toDate = (iso: string | undefined) =>
  iso && iso !== 'asap' && !Number.isNaN(Date.parse(iso)) ? new Date(iso) : undefined

function periodsOf(
  source: { periods: { start: string; end: string; budget?: number }[] } | null | undefined,
): PacingPeriod[] | undefined {
  const periods = source?.periods ?? []
  if (!periods.length || periods.some((p) => typeof p.budget !== 'number')) return undefined
  return periods.map((p) => ({ start: p.start, end: p.end, budget: p.budget ?? 0 }))
}

function planOf(
  budget: number | null | undefined,
  start?: Date,
  end?: Date,
  pacing?: string | null,
  periods?: PacingPeriod[],
): SpendPlan | null {
  if (!budget || !start || !end || end <= start) return null
  return { flight: { start, end }, budget, pacing: toPacingKind(pacing), periods }
}

const ratio = (a: number, b: number, scale = 1) => (b > 0 ? (a / b) * scale : null)

function row(
  base: Omit<DeliveryRow, 'ctr' | 'cpm' | 'pacing'>,
  now: Date,
  fresh: boolean,
  judged: PacingJudgement | null,
): DeliveryRow {
  // The verdict is the tree's and Monitor's (src/domain/pacing-levels.ts); the days add the projection. No pacing
  // alarm on stale data (CONTRACT D4), but a budget already spent stays said.
  let pacing: PacingAssessment | null = null
  if (judged && base.plan) {
    pacing = withProjection(judged, base.plan, fresh ? recentDailySpend(base.daily, base.plan, now) : [], now)
    const overBudget = judged.verdict === 'over_budget' || judged.verdict === 'budget_exhausted'
    if (!fresh && !overBudget && (pacingDirection(judged.verdict) !== null || judged.verdict === 'too_early'))
      pacing = { ...pacing, verdict: 'no_data' }
  }
  return { ...base, ctr: ratio(base.clicks, base.impressions), cpm: ratio(base.spend, base.impressions, 1000), pacing }
}

const sumBy = <T>(items: readonly T[], f: (t: T) => number) => items.reduce((s, t) => s + f(t), 0)
const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * Builds the overview from what the dashboard already has: totals from the campaign (package delivery, as the tree
 * shows them), days from GET /reporting/metrics?view=timeseries. Buy and campaign totals are sums of their packages.
 */
export function buildDeliveryModel(input: {
  campaign: Campaign
  timeseries: readonly TimeseriesEntry[]
  now: Date
  fresh: boolean
}): DeliveryModel {
  const { campaign, timeseries, now, fresh } = input
  const currency = campaign.budget?.currency ?? timeseries[0]?.currency ?? 'USD'
  const start = toDate(campaign.flightDates?.startDate)
  const end = toDate(campaign.flightDates?.endDate)
  // Up to today, or the latest reported day if the platform's clock is ahead of this browser's; never past the flight.
  const lastReported = timeseries.reduce((max, r) => (r.date > max ? r.date : max), '')
  const until =
    lastReported && Date.parse(`${lastReported}T00:00:00Z`) > now.getTime()
      ? new Date(`${lastReported}T00:00:00Z`)
      : now
  const days = start ? daysBetween(start, end && end < until ? end : until) : []
  const points = (rows: readonly TimeseriesEntry[]) =>
    dailySeries(
      rows.map((r) => ({
        date: r.date,
        spend: r.metrics.spend ?? 0,
        impressions: r.metrics.impressions,
        clicks: r.metrics.clicks,
      })),
      days,
    )

  const out: DeliveryRow[] = []
  const buyRows: DeliveryRow[] = []
  for (const buy of campaign.mediaBuys ?? []) {
    const { buyRow, packageRows } = buyLevel(campaign, buy, timeseries, points, now, fresh, start, end)
    buyRows.push(buyRow)
    out.push(buyRow, ...packageRows)
  }
  const campaignRow = row(
    {
      id: campaign.campaignId,
      level: 'campaign',
      campaignName: campaign.name,
      buyName: '',
      packageName: '',
      seller: '',
      status: campaign.status,
      budget: campaign.budget?.total ?? null,
      spend: round2(sumBy(buyRows, (r) => r.spend)),
      impressions: sumBy(buyRows, (r) => r.impressions),
      clicks: sumBy(buyRows, (r) => r.clicks),
      daily: points(timeseries),
      plan: planOf(campaign.budget?.total, start, end, campaign.budget?.pacing, periodsOf(campaign.pacingPeriods)),
    },
    now,
    fresh,
    LIVE.has(campaign.status) ? campaignPacing(campaign, now) : null,
  )
  return { currency, days, rows: [campaignRow, ...out] }
}

function buyLevel(
  campaign: Campaign,
  buy: CampaignMediaBuy,
  timeseries: readonly TimeseriesEntry[],
  points: (rows: readonly TimeseriesEntry[]) => DailyPoint[],
  now: Date,
  fresh: boolean,
  campaignStart?: Date,
  campaignEnd?: Date,
) {
  const status = effectiveBuyStatus(buy)
  const seller = salesAgentNames(buy).join(', ')
  const start = toDate(buy.startTime) ?? campaignStart
  const end = toDate(buy.endTime) ?? campaignEnd
  const packageRows = (buy.packages ?? []).map((pkg) =>
    packageLevel(campaign, buy, pkg, timeseries, points, now, fresh, start, end),
  )
  const buyRows = timeseries.filter((r) => r.mediaBuyId === buy.mediaBuyId)
  const fromPackages = packageRows.length > 0
  const buyRow = row(
    {
      id: buy.mediaBuyId,
      level: 'buy',
      campaignName: campaign.name,
      buyName: buy.name,
      packageName: '',
      seller,
      status,
      budget: buyBudget(buy) ?? null,
      spend: fromPackages ? round2(sumBy(packageRows, (r) => r.spend)) : (buy.performance?.spend ?? 0),
      impressions: fromPackages ? sumBy(packageRows, (r) => r.impressions) : (buy.performance?.impressions ?? 0),
      clicks: fromPackages ? sumBy(packageRows, (r) => r.clicks) : (buy.performance?.clicks ?? 0),
      daily: points(buyRows),
      plan: planOf(buyBudget(buy), start, end, buy.packages?.[0]?.pacing, periodsOf(buy.pacingPeriods)),
    },
    now,
    fresh,
    buyPacing(campaign, buy, now),
  )
  return { buyRow, packageRows }
}

function packageLevel(
  campaign: Campaign,
  buy: CampaignMediaBuy,
  pkg: CampaignPackage,
  timeseries: readonly TimeseriesEntry[],
  points: (rows: readonly TimeseriesEntry[]) => DailyPoint[],
  now: Date,
  fresh: boolean,
  buyStart?: Date,
  buyEnd?: Date,
): DeliveryRow {
  const status = effectivePackageStatus(buy.status, pkg.status)
  const daily = points(timeseries.filter((r) => r.packageId === pkg.packageId))
  return row(
    {
      id: pkg.packageId,
      level: 'package',
      campaignName: campaign.name,
      buyName: buy.name,
      packageName: packageName(buy, pkg),
      seller: salesAgentNames(buy).join(', '),
      status,
      budget: pkg.budget ?? null,
      spend: pkg.delivery?.spend ?? round2(sumBy(daily, (d) => d.spend)),
      impressions: pkg.delivery?.impressions ?? sumBy(daily, (d) => d.impressions),
      clicks: pkg.delivery?.clicks ?? sumBy(daily, (d) => d.clicks),
      daily,
      plan: planOf(pkg.budget, toDate(pkg.startTime) ?? buyStart, toDate(pkg.endTime) ?? buyEnd, pkg.pacing),
    },
    now,
    fresh,
    packagePacing(campaign, buy, pkg, now),
  )
}
