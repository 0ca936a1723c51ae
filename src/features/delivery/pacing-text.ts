import type { PacingFlag } from '@/domain/pacing'
import { formatMoney } from '@/lib/format'
import type { DeliveryRow } from './delivery-model'

export const FLAG_LABEL: Record<PacingFlag, string> = {
  underpacing: 'Underpacing',
  overpacing: 'Overpacing',
  on_pace: 'On pace',
  not_started: 'Not started',
  ended: 'Flight ended',
  no_data: 'Not enough data',
}

/** The chart's summary in words: where spend is, where the plan expected it, where it lands. */
export function pacingSentence(row: DeliveryRow, currency: string): string {
  const money = (v: number) => formatMoney(v, currency)
  const spent = `Spend to date ${money(row.spend)}${row.budget ? ` of ${money(row.budget)} budget` : ''}.`
  const p = row.pacing
  if (!p) return spent
  if (p.flag === 'ended') return `${spent} The flight has ended.`
  if (p.flag === 'not_started') return `${spent} The flight has not started.`
  const expected = ` The plan expected ${money(p.expectedToDate)} by now.`
  if (p.flag === 'no_data') return `${spent}${expected} Not enough fresh daily data yet to project.`
  return `${spent}${expected} At the recent rate spend lands at ${money(p.projectedSpend)} by the flight end: ${FLAG_LABEL[p.flag].toLowerCase()}.`
}
