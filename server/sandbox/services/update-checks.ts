import type { MediaBuyAction } from '../../../src/api/schemas/update.ts'
import { goalProblems } from '../../../src/domain/goals.ts'
import { currencyDigits, fitsCurrency } from '../../../src/domain/money.ts'
import { validation } from '../http/errors.ts'

// Rules the schema cannot express, shared with the SPA through src/domain: refused with the field they belong to.

/** §3.6 cross-field goal rules (custom events are named, ROAS needs a value field, view duration only on completed views). */
export function checkGoals(entry: MediaBuyAction, field: (path: string) => string): void {
  entry.optimization_goals?.forEach((goal, j) => {
    const [problem] = goalProblems(goal)
    if (problem) throw validation(problem.message, field(`optimization_goals.${j}.${problem.path.join('.')}`))
  })
}

/** Amounts more precise than the campaign currency (a tenth of a cent in USD) are refused, not rounded silently. */
export function checkPrecision(entry: MediaBuyAction, currency: string, field: (path: string) => string): void {
  const digits = currencyDigits(currency)
  const lines: [string, { budget?: number; bidPrice?: number | null }[] | undefined][] = [
    ['packages', entry.packages],
    ['products', entry.products],
  ]
  for (const [kind, items] of lines)
    items?.forEach((item, j) => {
      for (const key of ['budget', 'bidPrice'] as const) {
        const amount = item[key]
        if (amount != null && !fitsCurrency(amount, currency))
          throw validation(`${currency} amounts allow at most ${digits} decimals`, field(`${kind}.${j}.${key}`))
      }
    })
}
