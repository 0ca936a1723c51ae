import type { BuyerAuditLog } from '@/api/schemas/audit-log'
import { describeChanges } from '@/components/audit-changes'
import { StatusIcon } from '@/components/status-icon'
import { Badge } from '@/components/ui/badge'
import { TableCell, TableRow } from '@/components/ui/table'
import { formatDateTime } from '@/lib/format'
import { actionLabel, actorOf, ORIGIN_MARKS, OUTCOME_MARKS, resourceLabel } from './history-labels'

function Mark({ mark, fallback }: { mark: (typeof ORIGIN_MARKS)[string] | undefined; fallback: string }) {
  if (!mark) return <Badge tone="unknown">{fallback}</Badge>
  return (
    <Badge tone={mark.tone}>
      <StatusIcon icon={mark.icon} />
      {mark.label}
    </Badge>
  )
}

export function HistoryRow({
  row,
  names,
  currency,
}: {
  row: BuyerAuditLog
  names: ReadonlyMap<string, string>
  currency: string | undefined
}) {
  const actor = actorOf(row)
  const lines = describeChanges(row.changes, { currency, names })
  const origin = row.actorOrigin ?? undefined
  const outcome = row.outcome ?? 'succeeded'
  return (
    <TableRow data-history-id={row.id} data-actor-origin={origin} data-outcome={outcome} className="align-top">
      <TableCell className="align-top whitespace-nowrap">
        <time dateTime={row.timestamp}>{formatDateTime(row.timestamp)}</time>
      </TableCell>
      <TableCell className="align-top">
        <div className="font-medium">{actor.name}</div>
        {actor.token ? <div className="text-xs text-slate-700 dark:text-slate-300">service token</div> : null}
        {origin && origin !== 'human' ? (
          <div className="mt-1">
            <Mark mark={ORIGIN_MARKS[origin]} fallback={origin} />
          </div>
        ) : origin === 'human' ? (
          <div className="text-xs text-slate-700 dark:text-slate-300">by hand</div>
        ) : null}
      </TableCell>
      <TableCell className="align-top">
        <div>{row.description}</div>
        <div className="text-xs text-slate-700 dark:text-slate-300">
          {actionLabel(row.action)} · {resourceLabel(row.resourceType)}
          {row.resourceName || row.resourceId ? ` ${row.resourceName ?? row.resourceId}` : ''}
        </div>
      </TableCell>
      <TableCell className="align-top">
        {lines.length ? (
          <ul className="space-y-0.5">
            {lines.map((line) => (
              <li key={line.path}>
                <span className="font-medium">
                  {line.context ? `${line.context}: ` : ''}
                  {line.field}
                </span>{' '}
                {line.from !== undefined ? (
                  <>
                    <span>
                      {line.from} → {line.to}
                    </span>
                  </>
                ) : (
                  <span>set to {line.to}</span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-700 dark:text-slate-300">—</span>
        )}
      </TableCell>
      <TableCell className="align-top">
        <Mark mark={OUTCOME_MARKS[outcome]} fallback={outcome} />
      </TableCell>
    </TableRow>
  )
}
