import type { Campaign } from '@/api/schemas/campaign'
import { campaignSpend } from '@/components/campaign-tree/buy-figures'
import { isDeliveryStalled, pacingText, type SpendSample } from '@/domain/pacing'
import { campaignPacing } from '@/domain/pacing-levels'
import { buyerOwes, WAITING_STATUSES } from '@/domain/needs-you'
import { effectiveBuyStatus } from '@/domain/rollup'

export type AttentionReason =
  'needs_you' | 'over_budget' | 'budget_exhausted' | 'stalled' | 'underpacing' | 'overpacing' | 'waiting_on_seller'

export const REASON_LABEL: Record<AttentionReason, string> = {
  needs_you: 'Needs you',
  over_budget: 'Over budget',
  budget_exhausted: 'Budget exhausted',
  stalled: 'Delivery stalled',
  underpacing: 'Underpacing',
  overpacing: 'Overpacing',
  waiting_on_seller: 'Waiting on seller',
}

const WEIGHT: Record<AttentionReason, number> = {
  needs_you: 100,
  over_budget: 80,
  budget_exhausted: 70,
  stalled: 60,
  underpacing: 40,
  overpacing: 20,
  waiting_on_seller: 10,
}
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
  /** The pacing verdict in words with its figure, as the list and the tree say it. */
  pacingWords: string | null
  needsYouCount: number
}

/**
 * What a live campaign's tile says and how high it sorts. No pacing or stall alarm on stale data (D4), nor in the
 * first tenth of a flight, when delivery reports lag behind.
 */
export function tileAttention(input: {
  campaign: Campaign
  samples: readonly SpendSample[]
  now: number
  fresh: boolean
}): TileAttention {
  const { campaign, samples, now, fresh } = input
  const buys = campaign.mediaBuys ?? []
  const statuses = buys.map((b) => effectiveBuyStatus(b))
  const needsYouCount = statuses.filter(buyerOwes).length
  const reasons: AttentionReason[] = []
  if (needsYouCount) reasons.push('needs_you')
  // The campaign's verdict as the tree and the delivery panel give it: judged against the live buys' own plans, so
  // budget not yet allocated to a seller does not read as underpacing on the wall.
  const spend = campaignSpend(buys) ?? 0
  const campaignStart = Date.parse(campaign.flightDates?.startDate ?? '')
  const campaignEnd = Date.parse(campaign.flightDates?.endDate ?? '')
  const pacing = campaignPacing(campaign, new Date(now))
  const verdict = pacing?.verdict
  const expected = pacing && pacing.ratio !== null ? pacing.figures.expectedToDate : null
  const ratio = pacing?.ratio ?? null
  const running =
    Number.isFinite(campaignStart) && Number.isFinite(campaignEnd) && now >= campaignStart && now < campaignEnd
  // Over budget is said even on stale data: spend does not go back down.
  if (verdict === 'over_budget' || verdict === 'budget_exhausted') reasons.push(verdict)
  if (fresh && running && verdict === 'underpacing') reasons.push('underpacing')
  if (fresh && running && verdict === 'overpacing') reasons.push('overpacing')
  const budget = campaign.budget?.total ?? null
  const delivering = statuses.includes('ACTIVE')
  if (fresh && running && delivering && isDeliveryStalled(samples, now, STALL_WINDOW_MS)) reasons.push('stalled')
  if (statuses.some((s) => (WAITING_STATUSES as readonly string[]).includes(s))) reasons.push('waiting_on_seller')
  const behindBy = ratio !== null && reasons.includes('underpacing') ? Math.round((1 - ratio) * 20) : 0
  const score = reasons.reduce((s, r) => s + WEIGHT[r], 0) + behindBy
  reasons.sort((a, b) => WEIGHT[b] - WEIGHT[a])
  // The tile's words are the verdict's own ("too early to tell · 59 % of plan"); stale figures give no verdict.
  const pacingWords =
    pacing && fresh ? pacingText(pacing) : ratio !== null ? `${Math.round(ratio * 100)} % of plan` : null
  return { score, reasons, spend, budget, expected, ratio, pacingWords, needsYouCount }
}
