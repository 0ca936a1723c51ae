import { useCampaignCascade } from '@/api/campaigns'
import { describeApiError } from '@/api/errors'
import type { Campaign } from '@/api/schemas/campaign'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent } from '@/components/ui/dialog'

/** Campaign pause / reactivate (CONTRACT §6) with the per-buy results of the cascade (D9). */
export function CascadeDialog({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const action = campaign.status === 'PAUSED' ? 'reactivate' : 'pause'
  const mutation = useCampaignCascade(campaign.campaignId, action)
  const result = mutation.data
  const verb = action === 'pause' ? 'Pause' : 'Reactivate'
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        title={`${verb} campaign`}
        description={
          action === 'pause'
            ? 'Pausing halts every media buy and package of this campaign.'
            : 'Reactivating brings every paused buy back to active; a buy whose flight has ended becomes completed instead.'
        }
      >
        {mutation.isError ? <Alert tone="error" className="mb-3">{describeApiError(mutation.error)}</Alert> : null}
        {result ? (
          <div className="space-y-2">
            <Alert tone={result.failureCount > 0 ? 'warning' : 'success'}>
              Campaign {result.previousStatus} → {result.newStatus}: {result.successCount} of {result.totalMediaBuys} buys changed
              {result.failureCount > 0 ? `, ${result.failureCount} did not` : ''}.
            </Alert>
            <ul aria-label="Results per media buy" className="space-y-1 text-sm">
              {result.mediaBuyResults.map((r) => (
                <li key={r.mediaBuyId}>
                  {r.success ? '✓' : '✗'} {r.name}: {r.previousStatus} → {r.success ? (r.newStatus ?? 'changed') : 'unchanged'}
                  {r.error ? ` (${r.error})` : ''}
                </li>
              ))}
            </ul>
            <div className="flex justify-end">
              <Button onClick={onClose}>Done</Button>
            </div>
          </div>
        ) : (
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>
              Keep as is
            </Button>
            <Button onClick={() => mutation.mutate()} disabled={mutation.isPending}>
              {mutation.isPending ? 'Working…' : `${verb} campaign`}
            </Button>
          </div>
        )}
      </DialogContent>
    </Dialog>
  )
}
