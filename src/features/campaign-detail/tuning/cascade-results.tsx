import type { CampaignCascadeResponse } from '@/api/schemas/execute'
import { Alert } from '@/components/ui/alert'
import { Table, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table'
import { StatusBadge } from '@/components/status-badge'
import { statusWord } from '@/domain/status'

type BuyResult = CampaignCascadeResponse['mediaBuyResults'][number]

/** Why a buy ended where it did, in the buyer's words (D9: a reactivated buy whose flight is over is completed). */
function outcomeOf(r: BuyResult, action: 'pause' | 'reactivate'): string {
  if (!r.success) return `Not changed: ${r.error ?? 'the seller did not confirm'}`
  if (action === 'reactivate' && r.newStatus === 'COMPLETED') return 'Completed instead: its flight has ended'
  return action === 'pause' ? 'Paused' : 'Active again'
}

/** The per-buy results of a campaign pause or reactivate (CONTRACT §6): successes and failures side by side. */
export function CascadeResults({
  result,
  action,
}: {
  result: CampaignCascadeResponse
  action: 'pause' | 'reactivate'
}) {
  return (
    <div className="space-y-2">
      <Alert tone={result.failureCount > 0 ? 'warning' : 'success'}>
        Campaign {statusWord(result.previousStatus)} → {statusWord(result.newStatus)}: {result.successCount} of{' '}
        {result.totalMediaBuys} buys changed
        {result.failureCount > 0 ? `, ${result.failureCount} did not and keep their status` : ''}.
      </Alert>
      {result.mediaBuyResults.length === 0 ? (
        <p className="text-sm">No media buy needed to change.</p>
      ) : (
        <Table>
          <caption className="mb-1 text-left text-sm font-medium">Results per media buy</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">Media buy</TableHeaderCell>
              <TableHeaderCell scope="col">Before</TableHeaderCell>
              <TableHeaderCell scope="col">Now</TableHeaderCell>
              <TableHeaderCell scope="col">Result</TableHeaderCell>
            </TableRow>
          </TableHead>
          <tbody>
            {result.mediaBuyResults.map((r) => (
              <TableRow key={r.mediaBuyId} data-success={r.success}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {r.name}
                </th>
                <TableCell>
                  <StatusBadge status={r.previousStatus} />
                </TableCell>
                <TableCell>
                  <StatusBadge status={r.success ? (r.newStatus ?? r.previousStatus) : r.previousStatus} />
                </TableCell>
                <TableCell className={r.success ? undefined : 'text-red-800 dark:text-red-200'}>
                  {outcomeOf(r, action)}
                </TableCell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  )
}
