import type { CampaignMediaBuy } from '@/api/schemas/campaign'
import { formatDateTime } from '@/lib/format'
import { pendingDifferenceRows } from './pending-differences'

type Change = NonNullable<CampaignMediaBuy['pendingChange']>

/** D6: one buy, live → proposed, and since when; values rendered as text. */
export function PendingChangeView({
  change,
  buy,
  currency,
}: {
  change: Change
  buy: CampaignMediaBuy
  currency: string
}) {
  const rows = pendingDifferenceRows(change, buy, currency)
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
            {rows.map((row) => (
              <tr key={row.field}>
                <th scope="row" className="pr-3 font-normal">
                  {row.field}
                </th>
                <td className="pr-3">{row.live}</td>
                <td>→ {row.proposed}</td>
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
