import { formatCount, formatMoney } from '@/lib/format'
import type { SpendLines } from './chart-data'
import type { DeliveryRow } from './delivery-model'

/** The charts' figures as a table: the text alternative for screen readers, and for anyone who prefers numbers. */
export function ChartTable({ row, lines, currency }: { row: DeliveryRow; lines: SpendLines; currency: string }) {
  const cumulative = new Map(
    lines.x.map((t, i) => [
      new Date(t * 1000).toISOString().slice(0, 10),
      { actual: lines.actual[i], ideal: lines.ideal[i] },
    ]),
  )
  const money = (v: number | null | undefined) => (typeof v === 'number' ? formatMoney(v, currency) : '—')
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-blue-800 underline dark:text-blue-300">
        Show the chart figures as a table
      </summary>
      <div className="mt-2 max-h-80 overflow-auto">
        <table className="w-full text-left text-xs tabular-nums">
          <caption className="sr-only">Daily delivery and cumulative spend against the ideal line</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-600">
              <th scope="col" className="py-1 pr-3">
                Day
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                Spend
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                Impressions
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                Clicks
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                Spend to date
              </th>
              <th scope="col" className="py-1 text-right">
                Ideal to date
              </th>
            </tr>
          </thead>
          <tbody>
            {row.daily.map((d) => (
              <tr key={d.date} className="border-b border-slate-100 dark:border-slate-800">
                <th scope="row" className="py-0.5 pr-3 font-normal">
                  {d.date}
                </th>
                <td className="py-0.5 pr-3 text-right">{money(d.spend)}</td>
                <td className="py-0.5 pr-3 text-right">{formatCount(d.impressions)}</td>
                <td className="py-0.5 pr-3 text-right">{formatCount(d.clicks)}</td>
                <td className="py-0.5 pr-3 text-right">{money(cumulative.get(d.date)?.actual)}</td>
                <td className="py-0.5 text-right">{money(cumulative.get(d.date)?.ideal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
