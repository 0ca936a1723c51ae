import type { CampaignMediaBuy } from '@/api/schemas/campaign'
import { pendingDifferenceRows, type DifferenceRow } from '@/components/pending-differences'
import { Alert } from '@/components/ui/alert'

/**
 * D6 in a form: a change already waits for the seller. The form starts from what it proposes; this says so and
 * shows the live values beside the proposed ones.
 */
export function PendingBeside({
  buy,
  currency,
  kinds,
}: {
  buy: CampaignMediaBuy
  currency: string
  kinds: DifferenceRow['kind'][]
}) {
  if (!buy.pendingChange) return null
  const rows = pendingDifferenceRows(buy.pendingChange, buy, currency).filter((r) => kinds.includes(r.kind))
  return (
    <Alert tone="info" aria-label="Change waiting for the seller">
      <p className="font-medium">
        A change to this buy waits for the seller’s approval.{' '}
        {rows.length ? 'This form starts from the proposed values.' : 'It does not touch the values in this form.'}
      </p>
      {rows.length ? (
        <ul className="mt-1 space-y-0.5">
          {rows.map((r) => (
            <li key={r.field}>
              {r.field}: live <span className="font-medium">{r.live}</span> → proposed{' '}
              <span className="font-medium">{r.proposed}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  )
}
