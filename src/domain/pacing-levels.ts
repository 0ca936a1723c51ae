// The pacing verdict of a package, a buy and a campaign from the campaign as the API returns it. Every screen asks
// here, so the tree, the delivery panel, Monitor and the CSV read one verdict for one level.

import type { Campaign, CampaignMediaBuy, CampaignPackage } from '../api/schemas/campaign.ts'
import {
  combineFigures,
  judgePacing,
  planFigures,
  toPacingKind,
  type PacingFigures,
  type PacingJudgement,
  type SpendPlan,
} from './pacing.ts'
import { effectiveBuyStatus } from './rollup.ts'

/** Paused levels are judged too: a pause is exactly what puts a buy behind its plan. */
const JUDGED_STATUSES = new Set(['ACTIVE', 'PAUSED', 'COMPLETED'])

/** A start or end as a date; `asap` and anything else that is not one leave it to the level above. */
const time = (iso: string | null | undefined) => {
  const t = Date.parse(iso ?? '')
  return Number.isFinite(t) ? new Date(t) : undefined
}

function plan(budget: number | null | undefined, start?: Date, end?: Date, pacing?: string | null): SpendPlan | null {
  if (!budget || budget <= 0 || !start || !end || end <= start) return null
  return { flight: { start, end }, budget, pacing: toPacingKind(pacing) }
}

const buyStart = (c: Campaign, b: CampaignMediaBuy) => time(b.startTime) ?? time(c.flightDates?.startDate)
const buyEnd = (c: Campaign, b: CampaignMediaBuy) => time(b.endTime) ?? time(c.flightDates?.endDate)
const isLivePackage = (p: CampaignPackage) => p.status.toLowerCase() !== 'canceled'

export function packageFigures(c: Campaign, b: CampaignMediaBuy, p: CampaignPackage, now: Date): PacingFigures | null {
  const pl = plan(p.budget, time(p.startTime) ?? buyStart(c, b), time(p.endTime) ?? buyEnd(c, b), p.pacing)
  return pl ? planFigures(pl, p.delivery?.spend ?? 0, now) : null
}

/** A buy is the sum of its live packages; before execution, its products' budgets over its flight. */
export function buyFigures(c: Campaign, b: CampaignMediaBuy, now: Date): PacingFigures | null {
  const packages = (b.packages ?? []).filter(isLivePackage)
  if (packages.length) {
    const parts = packages.map((p) => packageFigures(c, b, p, now))
    const whole = parts.every((f): f is PacingFigures => f !== null) ? combineFigures(parts) : null
    // Spend as the tree shows it: the buy's performance when the packages report no delivery of their own.
    const packageDelivery = packages.some((p) => p.delivery)
    return whole && !packageDelivery && b.performance ? { ...whole, spent: b.performance.spend } : whole
  }
  const budgets = (b.products ?? []).map((p) => p.budget).filter((x): x is number => typeof x === 'number')
  const pl = plan(budgets.length ? budgets.reduce((s, x) => s + x, 0) : null, buyStart(c, b), buyEnd(c, b), null)
  return pl ? planFigures(pl, b.performance?.spend ?? 0, now) : null
}

/**
 * A campaign is the sum of its judged buys (their own budgets and flights), so budget not yet allocated to a seller
 * does not read as underpacing.
 */
export function campaignFigures(c: Campaign, now: Date): PacingFigures | null {
  const parts = (c.mediaBuys ?? [])
    .filter((b) => JUDGED_STATUSES.has(effectiveBuyStatus(b)))
    .map((b) => buyFigures(c, b, now))
    .filter((f) => f !== null)
  return combineFigures(parts)
}

const judged = (f: PacingFigures | null) => (f ? judgePacing(f) : null)

export const packagePacing = (
  c: Campaign,
  b: CampaignMediaBuy,
  p: CampaignPackage,
  now: Date,
): PacingJudgement | null =>
  JUDGED_STATUSES.has(p.status.toUpperCase()) && JUDGED_STATUSES.has(effectiveBuyStatus(b))
    ? judged(packageFigures(c, b, p, now))
    : null
export const buyPacing = (c: Campaign, b: CampaignMediaBuy, now: Date): PacingJudgement | null =>
  JUDGED_STATUSES.has(effectiveBuyStatus(b)) ? judged(buyFigures(c, b, now)) : null
export const campaignPacing = (c: Campaign, now: Date): PacingJudgement | null => judged(campaignFigures(c, now))
