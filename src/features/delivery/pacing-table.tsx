import clsx from 'clsx'
import { PacingBar, type PacingTone } from '@/components/campaign-tree/pacing-bar'
import type { PacingFlag } from '@/domain/pacing'
import { formatCount, formatMoney } from '@/lib/format'
import type { DeliveryRow } from './delivery-model'
import { PacingFlagBadge } from './pacing-flag-badge'

const TONE: Record<PacingFlag, PacingTone> = {
  underpacing: 'behind',
  overpacing: 'ahead',
  on_pace: 'ok',
  not_started: 'none',
  ended: 'none',
  no_data: 'none',
}

/** Pacing per media buy and per package: spend against budget and plan, the projection, the verdict. */
export function PacingTable({ rows, currency }: { rows: readonly DeliveryRow[]; currency: string }) {
  const money = (v: number | null | undefined) => (typeof v === 'number' ? formatMoney(v, currency) : '—')
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="mb-2 text-left text-sm font-medium">Pacing by media buy and package</caption>
        <thead>
          <tr className="border-b border-slate-300 text-xs text-slate-600 dark:border-slate-600 dark:text-slate-400">
            <th scope="col" className="py-1.5 pr-3 font-medium">Media buy · package</th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">Spend · budget</th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">Ideal to date</th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">Projected</th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">Impressions</th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">Clicks</th>
            <th scope="col" className="py-1.5 font-medium">Pacing</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.level}:${r.id}`} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className={clsx('py-1.5 pr-3 text-left', r.level === 'buy' ? 'font-medium' : 'pl-5 font-normal')}>
                {r.level === 'buy' ? r.buyName : r.packageName}
                {r.level === 'buy' && r.seller ? <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{r.seller} · {r.status.toLowerCase().replace(/_/g, ' ')}</span> : null}
              </th>
              <td className="py-1.5 pr-3 text-right">
                {money(r.spend)} <span className="text-slate-600 dark:text-slate-400">/ {money(r.budget)}</span>
                {r.budget ? (
                  <PacingBar className="ml-auto mt-1" spend={r.spend} budget={r.budget} expected={r.pacing?.expectedToDate} tone={r.pacing ? TONE[r.pacing.flag] : 'none'} />
                ) : null}
              </td>
              <td className="py-1.5 pr-3 text-right">{money(r.pacing?.expectedToDate)}</td>
              <td className="py-1.5 pr-3 text-right">{r.pacing && r.pacing.flag !== 'no_data' ? money(r.pacing.projectedSpend) : '—'}</td>
              <td className="py-1.5 pr-3 text-right">{formatCount(r.impressions)}</td>
              <td className="py-1.5 pr-3 text-right">{formatCount(r.clicks)}</td>
              <td className="py-1.5">
                <PacingFlagBadge pacing={r.pacing} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
