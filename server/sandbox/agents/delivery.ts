import { isoDate } from '../clock.ts'
import { hashNoise } from '../prng.ts'
import { round2, type Order } from './order.ts'
import { noDelivery } from './adcp.ts'

export interface Rates {
  cpm: number
  ctr: number
  video: boolean
  /** Share of the plan the seller's inventory fills (1 = exactly the plan). */
  fill?: number
  /** How far one day's delivery swings around the plan (0.2 = ±20 %). */
  volatility?: number
}

/**
 * Each seller's delivery character, so charts of different buys look different: a social auction over-delivers and
 * swings, live-sports CTV is scarce and spiky, premium direct is steady.
 */
export const AGENT_DELIVERY: Readonly<Record<string, { fill: number; volatility: number }>> = {
  sa_northwind: { fill: 0.99, volatility: 0.15 },
  sa_meridian: { fill: 0.96, volatility: 0.06 },
  sa_harbor: { fill: 0.8, volatility: 0.3 },
  sa_summit: { fill: 0.9, volatility: 0.2 },
  sa_cobalt: { fill: 1.12, volatility: 0.35 },
  sa_pinnacle: { fill: 0.98, volatility: 0.1 },
}

/** An ASAP package plans to spend its budget in this share of its window, then stops (capped by its budget). */
const ASAP_SHARE = 0.4

/** Share of the budget the package's pacing plans to have spent at `t` (0..1 through its window). */
export function plannedShare(pacing: string, t: number): number {
  const x = Math.min(1, Math.max(0, t))
  const kind = pacing.toLowerCase()
  if (kind === 'asap') return Math.min(1, x / ASAP_SHARE)
  if (kind === 'front_loaded') return 2 * x - x * x
  return x
}

/** Day-to-day variation: the seller's swing around the plan, and quieter weekends. */
export function dayFactor(key: string, date: string, volatility: number): number {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  const weekend = weekday === 0 || weekday === 6 ? 0.85 : 1.05
  return weekend * (1 + volatility * (2 * hashNoise(`${key}:${date}`) - 1))
}

/**
 * Spend follows each package's pacing over its window (even, asap, front_loaded), scaled by the seller's fill and a
 * daily swing, and never runs past the package budget or the flight end; impressions follow the product CPM, clicks
 * and conversions are floored on running totals so hourly steps do not lose fractions. Noise is a hash of
 * (package, day), so the split of a tick does not change the result.
 */
export function accrueDelivery(order: Order, from: Date, to: Date, ratesOf: (productId: string) => Rates): void {
  if (order.status === 'pending_start' && Date.parse(order.state.startTime) <= to.getTime()) order.status = 'active'
  if (order.status !== 'active' || order.state.paused) return
  const date = isoDate(from)
  for (const pkg of order.state.packages) {
    if (pkg.canceled || pkg.paused) continue
    const start = Math.max(Date.parse(pkg.start_time ?? order.state.startTime), Date.parse(order.state.startTime))
    const end = Math.min(Date.parse(pkg.end_time ?? order.state.endTime), Date.parse(order.state.endTime))
    const a = Math.max(start, from.getTime())
    const b = Math.min(end, to.getTime())
    if (b <= a || end <= start) continue
    const remaining = pkg.budget - pkg.spent
    if (remaining <= 0.005) continue
    const rates = ratesOf(pkg.product_id)
    const planned =
      pkg.budget *
      (plannedShare(pkg.pacing, (b - start) / (end - start)) - plannedShare(pkg.pacing, (a - start) / (end - start)))
    const swing = dayFactor(pkg.package_id, date, rates.volatility ?? 0.2)
    const spend = Math.min(round2(remaining), round2(planned * (rates.fill ?? 0.97) * swing))
    if (spend <= 0) continue
    const { cpm, ctr, video } = rates
    const impressions = Math.round((spend / (cpm * (0.9 + 0.2 * hashNoise(`${pkg.buyer_ref}:cpm:${date}`)))) * 1000)
    const clicksBefore = Math.floor(pkg.impressions * ctr)
    const conversionsBefore = Math.floor(pkg.clicks * 0.04)
    pkg.spent = round2(pkg.spent + spend)
    pkg.impressions += impressions
    const clicks = Math.floor(pkg.impressions * ctr) - clicksBefore
    pkg.clicks += clicks
    const conversions = Math.floor(pkg.clicks * 0.04) - conversionsBefore
    pkg.conversions += conversions
    const bucket = ((order.state.unreported[pkg.buyer_ref] ??= {})[date] ??= {
      package_id: pkg.package_id,
      buyer_ref: pkg.buyer_ref,
      date,
      ...noDelivery(),
    })
    bucket.impressions += impressions
    bucket.spend = round2(bucket.spend + spend)
    bucket.clicks += clicks
    bucket.views += Math.round(impressions * 0.68)
    bucket.completed_views += video ? Math.round(impressions * 0.71) : 0
    bucket.conversions += conversions
    bucket.leads += Math.floor(conversions / 3)
    bucket.conversion_value = round2(bucket.conversion_value + conversions * 48.5)
  }
}
