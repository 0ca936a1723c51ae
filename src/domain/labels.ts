import type { OptimizationMetric, PackagePacing } from '../api/schemas/common.ts'
import { statusWord } from './status.ts'

// What a buyer reads instead of an id or an enum value: one label per value, used by every screen and message.
// A value this dashboard does not know is shown verbatim.

export const PACING_LABELS: Record<PackagePacing, string> = {
  even: 'Even',
  asap: 'As soon as possible',
  front_loaded: 'Front-loaded',
}

export const pacingLabel = (pacing: string | null | undefined): string =>
  pacing == null || pacing === '' ? 'not set' : ((PACING_LABELS as Record<string, string>)[pacing] ?? pacing)

const METRIC_LABELS: Record<OptimizationMetric, string> = {
  clicks: 'Clicks',
  views: 'Views',
  completed_views: 'Completed views',
  viewed_seconds: 'Viewed seconds',
  attention_seconds: 'Attention seconds',
  attention_score: 'Attention score',
  engagements: 'Engagements',
  follows: 'Follows',
  saves: 'Saves',
  profile_visits: 'Profile visits',
  reach: 'Reach',
}

export const metricLabel = (metric: string): string =>
  (METRIC_LABELS as Record<string, string>)[metric] ?? metric.replace(/_/g, ' ')

/** A goal in a few words: "Clicks", "Event: purchase". */
export function goalLabel(goal: Record<string, unknown>): string {
  if (goal.kind === 'metric' && typeof goal.metric === 'string') return metricLabel(goal.metric)
  if (goal.kind === 'event') {
    const sources = Array.isArray(goal.event_sources) ? (goal.event_sources as Record<string, unknown>[]) : []
    const events = sources
      .map((s) => (typeof s.custom_event_name === 'string' && s.custom_event_name) || s.event_type)
      .filter((e): e is string => typeof e === 'string')
      .map((e) => e.replace(/_/g, ' '))
    return events.length ? `Event: ${events.join(', ')}` : 'Event goal'
  }
  return typeof goal.kind === 'string' ? `${goal.kind} goal` : 'Goal'
}

export const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** The status inside a sentence, with its article: "an archived buy", "a rejected buy". */
export function statusPhrase(status: string): string {
  const word = statusWord(status)
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`
}

interface Named {
  packageId: string
  productIds?: readonly string[]
  pacingPeriod?: { index: number; label?: string }
}

interface WithProducts {
  products?: readonly { productId: string; productName?: string }[]
}

function productName(buy: WithProducts, pkg: Named): string | undefined {
  const productId = pkg.productIds?.[0]
  if (!productId) return undefined
  const product = buy.products?.find((p) => p.productId === productId)
  return product?.productName ?? productId
}

/** Product, and the pacing period for paced buys (one package per product per period). */
export function packageName(buy: WithProducts, pkg: Named): string {
  const product = productName(buy, pkg) ?? pkg.packageId
  const period = pkg.pacingPeriod ? (pkg.pacingPeriod.label ?? `period ${pkg.pacingPeriod.index}`) : undefined
  return period ? `${product} · ${period}` : product
}

/** A creative by name and format, e.g. "Trail MREC (display 300×250)"; its id when nothing else is known. */
export function creativeLabel(creative: { name?: string; format?: string }, id: string): string {
  if (!creative.name) return id
  return creative.format ? `${creative.name} (${creative.format})` : creative.name
}
