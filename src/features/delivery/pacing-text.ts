import { PACING_LABEL } from '@/domain/pacing'
import { formatMoney } from '@/lib/format'
import type { DeliveryRow } from './delivery-model'

/** The chart's summary in words: where spend is, where the plan expected it, where it lands. */
export function pacingSentence(row: DeliveryRow, currency: string): string {
  const money = (v: number) => formatMoney(v, currency)
  const spent = `Spend to date ${money(row.spend)}${row.budget ? ` of ${money(row.budget)} budget` : ''}.`
  const p = row.pacing
  if (!p) return spent
  if (p.verdict === 'over_budget') return `${spent} Spend is past the budget: over budget.`
  if (p.verdict === 'budget_exhausted') return `${spent} The budget is spent: budget exhausted.`
  if (p.verdict === 'ended') return `${spent} The flight has ended.`
  if (p.verdict === 'not_started') return `${spent} The flight has not started.`
  const expected = ` The plan expected ${money(p.expectedToDate)} by now.`
  if (p.verdict === 'no_data' || p.projectedSpend === null)
    return `${spent}${expected} Not enough fresh daily data yet to project: ${PACING_LABEL[p.verdict].toLowerCase()}.`
  return `${spent}${expected} At the recent rate spend lands at ${money(p.projectedSpend)} by the flight end: ${PACING_LABEL[p.verdict].toLowerCase()}.`
}
