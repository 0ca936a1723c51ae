import type { CampaignMediaBuy, MediaBuyPendingChange } from '@/api/schemas/campaign'
import { creativeLabel, goalLabel, packageName, pacingLabel } from '@/domain/labels'
import { formatDateTime, formatMoney } from '@/lib/format'

export interface DifferenceRow {
  /** What changes: "Budget", "Goals", "Run of Network Display · Phase 1 pacing". */
  field: string
  live: string
  proposed: string
  kind: 'budget' | 'end' | 'creatives' | 'goals' | 'package'
  /** For a package row: which of its terms. */
  term?: 'budget' | 'pacing' | 'bidPrice'
}

/** D6: every difference a pending change lists, live → proposed, in the buyer's words (names, labels, money). */
export function pendingDifferenceRows(
  change: MediaBuyPendingChange,
  buy: CampaignMediaBuy,
  currency: string,
): DifferenceRow[] {
  const d = change.differences ?? {}
  const rows: DifferenceRow[] = []
  const money = (n?: number | null) => (n == null ? '—' : formatMoney(n, currency))
  const date = (s?: string) => (s ? formatDateTime(s) : '—')
  const known = new Map<string, { name?: string; format?: string }>()
  for (const c of [...(buy.creatives ?? []), ...(buy.packages ?? []).flatMap((p) => p.creatives ?? [])])
    known.set(c.creativeId, { name: c.name, format: c.formatId?.id })
  const creatives = (ids?: string[]) =>
    (ids ?? []).map((id) => creativeLabel(known.get(id) ?? {}, id)).join('; ') || 'none'
  const goals = (list?: Record<string, unknown>[]) => (list ?? []).map(goalLabel).join('; ') || 'none'
  if (d.budget)
    rows.push({ kind: 'budget', field: 'Budget', live: money(d.budget.live), proposed: money(d.budget.proposed) })
  if (d.endTime)
    rows.push({ kind: 'end', field: 'End', live: date(d.endTime.live), proposed: date(d.endTime.proposed) })
  if (d.optimizationGoals)
    rows.push({
      kind: 'goals',
      field: 'Optimization goals',
      live: goals(d.optimizationGoals.live),
      proposed: goals(d.optimizationGoals.proposed),
    })
  if (d.creatives)
    rows.push({
      kind: 'creatives',
      field: 'Creatives',
      live: creatives(d.creatives.live),
      proposed: creatives(d.creatives.proposed),
    })
  for (const p of d.packages ?? []) {
    const pkg = buy.packages?.find((x) => x.packageId === p.packageId)
    const name = pkg ? packageName(buy, pkg) : p.packageId
    if (p.budget)
      rows.push({
        kind: 'package',
        term: 'budget',
        field: `${name} budget`,
        live: money(p.budget.live),
        proposed: money(p.budget.proposed),
      })
    if (p.pacing)
      rows.push({
        kind: 'package',
        term: 'pacing',
        field: `${name} pacing`,
        live: pacingLabel(p.pacing.live),
        proposed: pacingLabel(p.pacing.proposed),
      })
    if (p.bidPrice)
      rows.push({
        kind: 'package',
        term: 'bidPrice',
        field: `${name} bid price`,
        live: money(p.bidPrice.live),
        proposed: money(p.bidPrice.proposed),
      })
  }
  return rows
}
