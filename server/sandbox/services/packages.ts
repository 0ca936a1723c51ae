import type { Ctx } from '../context.ts'
import type { CampaignRow, MediaBuyProductRow, MediaBuyRow, PackageRow } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import type { PacingPeriods as Pacing } from '../../../src/api/schemas/shared-shapes.ts'

/**
 * Packages are cut when a buy is submitted: one per product, or one per product per pacing period for a paced buy,
 * each period taking its weighted (or stated) share of the product budget, rounded down to the cent with the
 * remainder on the last period so the product budget is kept exactly.
 */
export function buildPackages(
  ctx: Ctx,
  campaign: CampaignRow,
  buy: MediaBuyRow,
  products: MediaBuyProductRow[],
): PackageRow[] {
  // A DRAFT never delivered, so earlier packages (from a failed submission) can be recut from its current products.
  ctx.db.prepare('DELETE FROM packages WHERE media_buy_id = ?').run(buy.id)
  const pacing = parseJson<Pacing>(buy.pacing_periods_json) ?? parseJson<Pacing>(campaign.pacing_periods_json)
  let n = 0
  const insert = (
    p: MediaBuyProductRow,
    budget: number,
    period?: { index: number; label: string; start: string; end: string },
  ) => {
    n++
    ctx.store.insert('packages', {
      id: `pkg_${buy.id.slice(3)}_${n}`,
      media_buy_id: buy.id,
      campaign_id: campaign.id,
      product_id: p.product_id,
      status: 'active',
      budget,
      pacing: p.pacing ?? 'even',
      bid_price: p.bid_price,
      position: n,
      start_time: period?.start ?? null,
      end_time: period?.end ?? null,
      period_index: period?.index ?? null,
      period_label: period?.label ?? null,
    })
  }
  for (const p of products) {
    const total = p.budget ?? 0
    if (!pacing || pacing.periods.length === 0) {
      insert(p, total)
      continue
    }
    const shares = pacing.periods.map((period) =>
      pacing.mode === 'budget' ? (period.budget ?? 0) : (period.weight ?? 1),
    )
    const sumShares = shares.reduce((a, b) => a + b, 0) || 1
    let left = Math.round(total * 100)
    pacing.periods.forEach((period, i) => {
      const last = i === pacing.periods.length - 1
      const cents = last ? left : Math.floor((Math.round(total * 100) * shares[i]) / sumShares)
      left -= cents
      insert(p, cents / 100, {
        index: i + 1,
        label: period.label,
        start: `${period.start}T00:00:00Z`,
        end: `${period.end}T23:59:59Z`,
      })
    })
  }
  return ctx.store.packagesOf(buy.id)
}
