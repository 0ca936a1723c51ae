import type { CampaignMediaBuy } from '@/api/schemas/campaign'
import { formatDateTime, formatMoney } from '@/lib/format'

type Change = NonNullable<CampaignMediaBuy['pendingChange']>

/** D6: one buy, live → proposed, and since when; values rendered as text. */
export function PendingChangeView({ change, currency }: { change: Change; currency: string }) {
  const d = change.differences ?? {}
  const rows: [string, string, string][] = []
  const money = (n?: number) => (n == null ? '—' : formatMoney(n, currency))
  const date = (s?: string) => (s ? formatDateTime(s) : '—')
  if (d.budget) rows.push(['Budget', money(d.budget.live), money(d.budget.proposed)])
  if (d.endTime) rows.push(['End', date(d.endTime.live), date(d.endTime.proposed)])
  if (d.creatives)
    rows.push([
      'Creatives',
      (d.creatives.live ?? []).join(', ') || 'none',
      (d.creatives.proposed ?? []).join(', ') || 'none',
    ])
  return (
    <div className="text-sm">
      <p>
        Pending change{change.pendingAt ? ` at the ${change.pendingAt}` : ''}
        {change.since ? `, since ${formatDateTime(change.since)}` : ''}
        {change.reason ? `: “${change.reason}”` : ''}
      </p>
      {rows.length > 0 ? (
        <table className="mt-1 text-left">
          <caption className="sr-only">Live and proposed values</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-3 font-medium">
                Field
              </th>
              <th scope="col" className="pr-3 font-medium">
                Live
              </th>
              <th scope="col" className="font-medium">
                Proposed
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([field, live, proposed]) => (
              <tr key={field}>
                <th scope="row" className="pr-3 font-normal">
                  {field}
                </th>
                <td className="pr-3">{live}</td>
                <td>→ {proposed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-slate-600 dark:text-slate-400">The platform did not list the proposed values.</p>
      )}
    </div>
  )
}
