import type { Campaign } from '@/api/schemas/campaign'
import { buyBudget, buySpend, campaignSpend } from '@/components/campaign-tree/buy-figures'
import { idealSpendAt, isDeliveryStalled, toPacingKind, OVERPACING_ABOVE, UNDERPACING_BELOW, type SpendSample } from '@/domain/pacing'
import { effectiveBuyStatus } from '@/domain/rollup'

export type AttentionReason = 'needs_you' | 'stalled' | 'underpacing' | 'overpacing' | 'waiting_on_seller'

export const REASON_LABEL: Record<AttentionReason, string> = {
  needs_you: 'Needs you',
  stalled: 'Delivery stalled',
  underpacing: 'Underpacing',
  overpacing: 'Overpacing',
  waiting_on_seller: 'Waiting on seller',
}

const WEIGHT: Record<AttentionReason, number> = { needs_you: 100, stalled: 60, underpacing: 40, overpacing: 20, waiting_on_seller: 10 }
const NEEDS_YOU = new Set(['INPUT_REQUIRED', 'REJECTED', 'FAILED'])
const LIVE = new Set(['ACTIVE', 'PAUSED', 'COMPLETED'])
const parseTime = (iso: string | undefined) => (iso && iso !== 'asap' && Number.isFinite(Date.parse(iso)) ? Date.parse(iso) : undefined)
/** Spend that did not move over this much fresh watching is a stall (the list and tiles refresh every minute). */
export const STALL_WINDOW_MS = 10 * 60_000

export interface TileAttention {
  score: number
  reasons: AttentionReason[]
  spend: number
  budget: number | null
  expected: number | null
  /** Ideal spend to date of the live buys; the ratio compares their spend with it. */
  ratio: number | null
  needsYouCount: number
}

/**
 * What a live campaign's tile says and how high it sorts. No pacing or stall alarm on stale data (D4), nor in the
 * first tenth of a flight, when delivery reports lag behind.
 */
export function tileAttention(input: { campaign: Campaign; samples: readonly SpendSample[]; now: number; fresh: boolean }): TileAttention {
  const { campaign, samples, now, fresh } = input
  const buys = campaign.mediaBuys ?? []
  const statuses = buys.map((b) => effectiveBuyStatus(b))
  const needsYouCount = statuses.filter((s) => NEEDS_YOU.has(s)).length
  const reasons: AttentionReason[] = []
  if (needsYouCount) reasons.push('needs_you')
  // Judged against the live buys' own plans (budget and flight of each), so budget not yet allocated to a seller
  // does not read as underpacing on the wall.
  const spend = campaignSpend(buys) ?? 0
  const campaignStart = Date.parse(campaign.flightDates?.startDate ?? '')
  const campaignEnd = Date.parse(campaign.flightDates?.endDate ?? '')
  const live = buys.filter((_, i) => LIVE.has(statuses[i]))
  let expected: number | null = null
  let judgedSpend = 0
  let earliest = Infinity
  for (const buy of live) {
    const budget = buyBudget(buy)
    const start = parseTime(buy.startTime) ?? campaignStart
    const end = parseTime(buy.endTime) ?? campaignEnd
    if (!budget || !Number.isFinite(start) || !Number.isFinite(end) || end <= start) continue
    const plan = { flight: { start: new Date(start), end: new Date(end) }, budget, pacing: toPacingKind(buy.packages?.[0]?.pacing) }
    expected = (expected ?? 0) + idealSpendAt(plan, new Date(now))
    judgedSpend += buySpend(buy) ?? 0
    earliest = Math.min(earliest, start)
  }
  const running = Number.isFinite(campaignStart) && Number.isFinite(campaignEnd) && now >= campaignStart && now < campaignEnd
  const ratio = expected ? judgedSpend / expected : null
  const early = !Number.isFinite(earliest) || (now - earliest) / Math.max(1, campaignEnd - earliest) < 0.1
  if (fresh && running && !early && ratio !== null && ratio < UNDERPACING_BELOW) reasons.push('underpacing')
  if (fresh && running && ratio !== null && ratio > OVERPACING_ABOVE) reasons.push('overpacing')
  const budget = campaign.budget?.total ?? null
  const delivering = statuses.includes('ACTIVE')
  if (fresh && running && delivering && isDeliveryStalled(samples, now, STALL_WINDOW_MS)) reasons.push('stalled')
  if (statuses.includes('PENDING_APPROVAL')) reasons.push('waiting_on_seller')
  const behindBy = ratio !== null && reasons.includes('underpacing') ? Math.round((1 - ratio) * 20) : 0
  const score = reasons.reduce((s, r) => s + WEIGHT[r], 0) + behindBy
  reasons.sort((a, b) => WEIGHT[b] - WEIGHT[a])
  return { score, reasons, spend, budget, expected, ratio, needsYouCount }
}
