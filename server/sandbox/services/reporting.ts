import { noDelivery, type DeliveryMetrics } from '../agents/adcp.ts'
import type { Ctx } from '../context.ts'
import { isoDate, DAY } from '../clock.ts'
import { validation } from '../http/errors.ts'

export interface ReportingQuery {
  advertiserId?: string
  campaignId?: string
  startDate?: string
  endDate?: string
  days: number
  view: 'summary' | 'timeseries'
}

type Sums = DeliveryMetrics

interface LeafRow extends Sums {
  package_id: string
  product_id: string
  product_name: string
  media_buy_id: string
  media_buy_name: string
  media_buy_status: string
  campaign_id: string
  campaign_name: string
  management: string
  advertiser_id: string
  advertiser_name: string
  currency: string
}

const SUMS = `SUM(d.impressions) AS impressions, ROUND(SUM(d.spend), 2) AS spend, SUM(d.clicks) AS clicks, SUM(d.views) AS views,
  SUM(d.completed_views) AS completed_views, SUM(d.conversions) AS conversions, SUM(d.leads) AS leads, ROUND(SUM(d.conversion_value), 2) AS conversion_value`

/** GET /reporting/metrics from the per-package daily delivery the sellers reported. */
export function reportingMetrics(ctx: Ctx, q: ReportingQuery): Record<string, unknown> {
  const { start, end } = period(ctx, q)
  const where = ['d.date BETWEEN ? AND ?', "c.management = 'managed'"]
  const args: string[] = [start, end]
  if (q.campaignId) {
    where.push('c.id = ?')
    args.push(q.campaignId)
  }
  if (q.advertiserId) {
    where.push('c.advertiser_id = ?')
    args.push(q.advertiserId)
  }
  const from = `FROM delivery_daily d JOIN packages p ON p.id = d.package_id JOIN media_buys b ON b.id = d.media_buy_id
    JOIN campaigns c ON c.id = d.campaign_id JOIN advertisers a ON a.id = c.advertiser_id JOIN products pr ON pr.id = p.product_id
    WHERE ${where.join(' AND ')}`
  const cols = `d.package_id, p.product_id, pr.product_name, b.id AS media_buy_id, b.name AS media_buy_name, b.status AS media_buy_status,
    c.id AS campaign_id, c.name AS campaign_name, c.management, a.id AS advertiser_id, a.name AS advertiser_name, c.currency`
  if (q.view === 'timeseries') {
    const rows = ctx.db
      .prepare(
        `SELECT d.date, ${cols}, ${SUMS} ${from} GROUP BY d.package_id, d.date ORDER BY d.date, c.seq DESC, b.position, p.position`,
      )
      .all(...args) as (LeafRow & { date: string })[]
    const currencies = new Set(rows.map((r) => r.currency))
    const today = isoDate(ctx.clock.now())
    return {
      timeseries: rows.map((r) => ({
        date: r.date,
        advertiserId: r.advertiser_id,
        advertiserName: r.advertiser_name,
        currency: r.currency,
        campaignId: r.campaign_id,
        campaignName: r.campaign_name,
        management: r.management,
        mediaBuyId: r.media_buy_id,
        mediaBuyName: r.media_buy_name,
        mediaBuyStatus: statusOnDay(r, today),
        packageId: r.package_id,
        productId: r.product_id,
        productName: r.product_name,
        metrics: metrics(r),
      })),
      totals: totals(rows, currencies.size === 1),
      totalsCurrency: currencies.size === 1 ? [...currencies][0] : null,
      periodStart: start,
      periodEnd: end,
    }
  }
  const leaves = ctx.db
    .prepare(
      `SELECT ${cols}, ${SUMS} ${from} GROUP BY d.package_id ORDER BY a.name, c.seq DESC, b.position, p.position`,
    )
    .all(...args) as LeafRow[]
  const budgets = new Map(
    (
      ctx.db
        .prepare(
          `SELECT media_buy_id, SUM(budget) AS budget FROM packages WHERE media_buy_id IN (SELECT DISTINCT d.media_buy_id ${from}) GROUP BY media_buy_id`,
        )
        .all(...args) as { media_buy_id: string; budget: number | null }[]
    ).map((r) => [r.media_buy_id, r.budget]),
  )
  const advertisers = new Map<
    string,
    { row: LeafRow; campaigns: Map<string, { row: LeafRow; buys: Map<string, { row: LeafRow; leaves: LeafRow[] }> }> }
  >()
  for (const leaf of leaves) {
    const adv = advertisers.get(leaf.advertiser_id) ?? { row: leaf, campaigns: new Map() }
    advertisers.set(leaf.advertiser_id, adv)
    const cmp = adv.campaigns.get(leaf.campaign_id) ?? { row: leaf, buys: new Map() }
    adv.campaigns.set(leaf.campaign_id, cmp)
    const buy = cmp.buys.get(leaf.media_buy_id) ?? { row: leaf, leaves: [] }
    cmp.buys.set(leaf.media_buy_id, buy)
    buy.leaves.push(leaf)
  }
  const currencies = new Set(leaves.map((l) => l.currency))
  return {
    advertisers: [...advertisers.values()].map((adv) => {
      const advLeaves = [...adv.campaigns.values()].flatMap((c) => [...c.buys.values()].flatMap((b) => b.leaves))
      return {
        advertiserId: adv.row.advertiser_id,
        advertiserName: adv.row.advertiser_name,
        currency: adv.row.currency,
        metrics: metrics(add(advLeaves)),
        campaigns: [...adv.campaigns.values()].map((cmp) => ({
          campaignId: cmp.row.campaign_id,
          campaignName: cmp.row.campaign_name,
          management: cmp.row.management,
          metrics: metrics(add([...cmp.buys.values()].flatMap((b) => b.leaves))),
          mediaBuys: [...cmp.buys.values()].map((b) => ({
            mediaBuyId: b.row.media_buy_id,
            name: b.row.media_buy_name,
            status: b.row.media_buy_status,
            budget: budgets.get(b.row.media_buy_id) ?? null,
            metrics: metrics(add(b.leaves)),
            deliveryFxConversion: null,
            packages: b.leaves.map((l) => ({
              packageId: l.package_id,
              productId: l.product_id,
              productName: l.product_name,
              metrics: metrics(l),
            })),
          })),
        })),
      }
    }),
    totals: totals(leaves, currencies.size <= 1),
    totalsCurrency: currencies.size === 1 ? [...currencies][0] : null,
    consolidated: null,
    periodStart: start,
    periodEnd: end,
  }
}

/**
 * The sandbox keeps no status history, so a day's status is derived: a past day on which the package delivered was a
 * live day (sellers deliver only while ACTIVE); today carries the buy's current status. Day-to-day changes in this
 * field are what the dashboard marks on its delivery timeline.
 */
function statusOnDay(r: LeafRow & { date: string }, today: string): string {
  return r.date < today && r.spend > 0 ? 'ACTIVE' : r.media_buy_status
}

function period(ctx: Ctx, q: ReportingQuery): { start: string; end: string } {
  const today = isoDate(ctx.clock.now())
  const end = q.endDate ?? today
  if (q.startDate) {
    if (q.startDate > end) throw validation('startDate must not be after endDate', 'startDate')
    return { start: q.startDate, end }
  }
  if (q.days === 0) {
    const where = q.campaignId ? 'WHERE id = ?' : q.advertiserId ? 'WHERE advertiser_id = ?' : ''
    const arg = q.campaignId ?? q.advertiserId
    const row = ctx.db.prepare(`SELECT MIN(flight_start) AS s FROM campaigns ${where}`).get(...(arg ? [arg] : [])) as {
      s: string | null
    }
    return { start: row.s ? isoDate(row.s) : end, end }
  }
  return { start: isoDate(new Date(Date.parse(`${end}T00:00:00Z`) - (q.days - 1) * DAY)), end }
}

function add(rows: Sums[]): Sums {
  const out: Sums = noDelivery()
  for (const r of rows) for (const k of Object.keys(out) as (keyof Sums)[]) out[k] += r[k] ?? 0
  out.spend = Math.round(out.spend * 100) / 100
  out.conversion_value = Math.round(out.conversion_value * 100) / 100
  return out
}

function metrics(s: Sums): Record<string, number | null> {
  const ratio = (a: number, b: number, digits = 4) => (b === 0 ? null : Number((a / b).toFixed(digits)))
  return {
    impressions: s.impressions,
    spend: s.spend,
    clicks: s.clicks,
    views: s.views,
    completedViews: s.completed_views,
    conversions: s.conversions,
    leads: s.leads,
    videoCompletions: s.completed_views,
    conversionValue: s.conversion_value,
    ecpm: ratio(s.spend * 1000, s.impressions, 2),
    cpc: ratio(s.spend, s.clicks, 2),
    ctr: ratio(s.clicks, s.impressions, 6),
    completionRate: ratio(s.completed_views, s.impressions),
    cpa: ratio(s.spend, s.conversions, 2),
    roas:
      s.spend === 0 || (s.conversion_value === 0 && s.conversions === 0) ? null : ratio(s.conversion_value, s.spend),
  }
}

function totals(rows: Sums[], sameCurrency: boolean): Record<string, number | null> {
  const m = metrics(add(rows))
  if (sameCurrency) return m
  return { ...m, spend: null, conversionValue: null, ecpm: null, cpc: null, cpa: null, roas: null }
}
