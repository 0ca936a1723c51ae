import { isoDate } from '../clock.ts'
import { hashNoise } from '../prng.ts'
import { round2, type Order } from './order.ts'

export interface Rates {
  cpm: number
  ctr: number
  video: boolean
}

/**
 * Spend accrues evenly over each package's window (asap runs hot, front_loaded heavier in the first half), never past
 * its budget; impressions follow the product CPM, clicks and conversions are floored on running totals so hourly
 * steps do not lose fractions. Noise is a hash of (package, day), so the split of a tick does not change the result.
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
    const elapsed = (a - start) / (end - start)
    const weight = pkg.pacing === 'asap' ? 1.8 : pkg.pacing === 'front_loaded' ? (elapsed < 0.5 ? 1.4 : 0.6) : 1
    const noise = 0.8 + 0.4 * hashNoise(`${pkg.package_id}:${date}`)
    const spend = Math.min(remaining, round2((pkg.budget * (b - a)) / (end - start) * weight * noise * 0.97))
    if (spend <= 0) continue
    const { cpm, ctr, video } = ratesOf(pkg.product_id)
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
      package_id: pkg.package_id, buyer_ref: pkg.buyer_ref, date, impressions: 0, spend: 0, clicks: 0, views: 0,
      completed_views: 0, conversions: 0, leads: 0, conversion_value: 0,
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
