import { useState } from 'react'
import clsx from 'clsx'
import { BAR_TONE } from '@/components/campaign-tree/figure-cells'
import { buyNameUnder } from '@/components/campaign-tree/buy-figures'
import { PacingBar } from '@/components/campaign-tree/pacing-bar'
import { formatCount, formatMoney } from '@/lib/format'
import type { DeliveryRow } from './delivery-model'
import { PacingFlagBadge } from './pacing-flag-badge'
import { statusWord } from '@/domain/status'

/** Above this many package rows, packages start folded under their buy: a 50 × 40 campaign stays a short page. */
const UNFOLDED_PACKAGES = 40

/** Rows in order, each package with the buy it belongs to (the model lists a buy, then its packages). */
function withBuys(rows: readonly DeliveryRow[]) {
  let buyId = ''
  return rows.map((row) => {
    if (row.level === 'buy') buyId = row.id
    return { row, buyId }
  })
}

/** Pacing per media buy and per package: spend against budget and plan, the projection, the verdict. */
export function PacingTable({ rows, currency }: { rows: readonly DeliveryRow[]; currency: string }) {
  const money = (v: number | null | undefined) => (typeof v === 'number' ? formatMoney(v, currency) : '—')
  const grouped = withBuys(rows)
  const counts = new Map<string, number>()
  for (const g of grouped) if (g.row.level !== 'buy') counts.set(g.buyId, (counts.get(g.buyId) ?? 0) + 1)
  const packageCount = (buyId: string) => counts.get(buyId) ?? 0
  const [folded, setFolded] = useState(() => rows.filter((r) => r.level !== 'buy').length > UNFOLDED_PACKAGES)
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const isOpen = (buyId: string) => !folded || open.has(buyId)
  const toggle = (buyId: string) =>
    setOpen((current) => {
      const next = new Set(current)
      if (next.has(buyId)) next.delete(buyId)
      else next.add(buyId)
      return next
    })
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="mb-2 text-left text-sm font-medium">Pacing by media buy and package</caption>
        <thead>
          <tr className="border-b border-slate-300 text-xs text-slate-600 dark:border-slate-600 dark:text-slate-400">
            <th scope="col" className="py-1.5 pr-3 font-medium">
              Media buy · package
            </th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">
              Spend · budget
            </th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">
              Ideal to date
            </th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">
              Projected
            </th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">
              Impressions
            </th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">
              Clicks
            </th>
            <th scope="col" className="py-1.5 font-medium">
              Pacing
            </th>
          </tr>
        </thead>
        <tbody>
          {grouped
            .filter((g) => g.row.level === 'buy' || isOpen(g.buyId))
            .map(({ row: r }) => (
              <tr key={`${r.level}:${r.id}`} className="border-b border-slate-100 dark:border-slate-800">
                <th
                  scope="row"
                  className={clsx('py-1.5 pr-3 text-left', r.level === 'buy' ? 'font-medium' : 'pl-5 font-normal')}
                >
                  {r.level === 'buy' ? buyNameUnder(r.buyName, r.campaignName) : r.packageName}
                  {r.level === 'buy' && r.seller ? (
                    <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
                      {r.seller} · {statusWord(r.status)}
                    </span>
                  ) : null}
                  {r.level === 'buy' && folded && packageCount(r.id) > 0 ? (
                    <button
                      type="button"
                      className="mt-1 block text-xs font-normal text-blue-800 underline dark:text-blue-300"
                      aria-expanded={open.has(r.id)}
                      onClick={() => toggle(r.id)}
                    >
                      {open.has(r.id) ? 'Hide' : 'Show'} {packageCount(r.id)} packages
                      <span className="sr-only"> of {r.buyName}</span>
                    </button>
                  ) : null}
                </th>
                <td className="py-1.5 pr-3 text-right">
                  {money(r.spend)} <span className="text-slate-600 dark:text-slate-400">/ {money(r.budget)}</span>
                  {r.budget ? (
                    <PacingBar
                      className="ml-auto mt-1"
                      spend={r.spend}
                      budget={r.budget}
                      expected={r.pacing?.expectedToDate}
                      tone={r.pacing ? BAR_TONE[r.pacing.verdict] : 'none'}
                    />
                  ) : null}
                </td>
                <td className="py-1.5 pr-3 text-right">{money(r.pacing?.expectedToDate)}</td>
                <td className="py-1.5 pr-3 text-right">
                  {r.pacing && r.pacing.projectedSpend !== null ? money(r.pacing.projectedSpend) : '—'}
                </td>
                <td className="py-1.5 pr-3 text-right">{formatCount(r.impressions)}</td>
                <td className="py-1.5 pr-3 text-right">{formatCount(r.clicks)}</td>
                <td className="py-1.5">
                  <PacingFlagBadge pacing={r.pacing} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {folded ? (
        <button
          type="button"
          className="mt-2 text-sm text-blue-800 underline dark:text-blue-300"
          onClick={() => setFolded(false)}
        >
          Show every package
        </button>
      ) : null}
    </div>
  )
}
