import { STATUS_META, STATUS_ORDER } from '@/domain/status'
import { StatusBadge } from './status-badge'

// Explains the ten statuses (CONTRACT D2), most restrictive first: the order the campaign badge uses.
export function StatusLegend() {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
      <summary className="cursor-pointer font-medium">What the statuses mean</summary>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        A campaign shows the most restrictive status among its media buys, in this order.
      </p>
      <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {STATUS_ORDER.map((status) => (
          <div key={status} className="contents">
            <dt>
              <StatusBadge status={status} />
            </dt>
            <dd className="text-slate-700 dark:text-slate-300">{STATUS_META[status].meaning}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
