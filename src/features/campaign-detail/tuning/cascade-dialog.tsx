import { useEffect, useRef, useState } from 'react'
import { useCampaignCascade } from '@/api/campaigns'
import { describeApiError } from '@/api/errors'
import type { Campaign } from '@/api/schemas/campaign'
import { cascadeFor } from '@/domain/campaign-actions'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent } from '@/components/ui/dialog'
import { CascadeResults } from './cascade-results'

/** Campaign pause / reactivate (CONTRACT §6) with the per-buy results of the cascade (D9). */
export function CascadeDialog({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  // Fixed when the dialog opens: once the cascade lands the refetched campaign flips its status, and the dialog must
  // keep describing what was done rather than offer the opposite.
  const [action] = useState(() => cascadeFor(campaign.status))
  const mutation = useCampaignCascade(campaign.campaignId, action)
  const result = mutation.data
  const done = useRef<HTMLButtonElement>(null)
  // The button that was pressed is gone once the results show: put focus on the way out, below them.
  useEffect(() => {
    if (result) done.current?.focus()
  }, [result])
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
        {mutation.isError ? (
          <Alert tone="error" className="mb-3">
            {describeApiError(mutation.error)}
          </Alert>
        ) : null}
        {result ? (
          <div className="space-y-2">
            <CascadeResults result={result} action={action} />
            <div className="flex justify-end">
              <Button ref={done} onClick={onClose}>
                Done
              </Button>
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
