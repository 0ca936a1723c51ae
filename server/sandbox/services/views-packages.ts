import type { PackageSlim, StoredPendingChange } from '../repo/rows.ts'
import { compact, type Json } from './views.ts'

/** A buy's D6 pending version as the API shows it (CONTRACT §10.3); undefined when none waits. */
export function pendingChangeView(pending: StoredPendingChange | undefined): Json | undefined {
  return pending
    ? compact({
        status: pending.status,
        pendingAt: pending.pendingAt,
        reason: pending.reason,
        since: pending.since,
        differences: pending.differences,
      })
    : undefined
}

export function packageView(p: PackageSlim, currency: string): Json {
  // Built field by field (no compact pass): this runs once per package, thousands of times for a large campaign.
  const view: Json = { packageId: p.id, status: p.status, productIds: [p.product_id] }
  if (p.budget != null) view.budget = p.budget
  view.budgetCurrency = currency
  if (p.pacing != null) view.pacing = p.pacing
  if (p.bid_price != null) view.bidPrice = p.bid_price
  if (p.start_time != null) view.startTime = p.start_time
  if (p.end_time != null) view.endTime = p.end_time
  if (p.period_index != null)
    view.pacingPeriod =
      p.period_label != null ? { index: p.period_index, label: p.period_label } : { index: p.period_index }
  if (p.targeting_json != null) view.targetingOverlay = JSON.parse(p.targeting_json)
  view.delivery = { impressions: p.impressions, spend: round2(p.spend), clicks: p.clicks }
  return view
}

/** AdCP media-buy-valid-action values a seller accepts in each status. */
export function validActions(status: string): string[] {
  switch (status) {
    case 'ACTIVE':
      return ['pause', 'cancel', 'update_budget', 'update_dates', 'update_packages', 'sync_creatives']
    case 'PAUSED':
      return ['resume', 'cancel', 'update_budget', 'update_dates', 'update_packages', 'sync_creatives']
    case 'PENDING_APPROVAL':
      return ['cancel']
    case 'INPUT_REQUIRED':
      return ['cancel', 'update_budget', 'update_dates', 'update_packages']
    default:
      return []
  }
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100
}
