import { useState } from 'react'
import type { Campaign } from '@/api/schemas/campaign'
import { useOpenCampaignDialog } from '@/features/campaign-detail/dialog-url'
import { hasWorkToExecute } from '@/domain/campaign-actions'
import { ExecuteProblem } from './execute-problem'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent } from '@/components/ui/dialog'
import { Switch } from '@/components/ui/switch'
import { useGuardedExecute } from './use-execute'

/** Execute is offered while there is something to send. */
export const canExecute = (campaign: Campaign) =>
  hasWorkToExecute(
    campaign.status,
    (campaign.mediaBuys ?? []).map((b) => b.status),
  )

/** Execute in the header, while there is something to send; its dialog opens through the URL. */
export function ExecuteButton({ campaign }: { campaign: Campaign }) {
  const openDialog = useOpenCampaignDialog()
  const { pending } = useGuardedExecute(campaign.campaignId)
  if (!canExecute(campaign)) return null
  return (
    <Button disabled={pending} data-dialog-trigger="execute" onClick={() => openDialog({ dialog: 'execute' })}>
      {pending ? 'Executing…' : 'Execute'}
    </Button>
  )
}

/** Execute, with or without debug logs; closes once the campaign was sent. */
export function ExecuteDialog({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const [debug, setDebug] = useState(false)
  const { execute, pending, error } = useGuardedExecute(campaign.campaignId)
  return (
    <Dialog open onOpenChange={(next) => (next ? undefined : onClose())}>
      <DialogContent
        title="Execute campaign"
        description="Sends every draft media buy to its seller. Buys already sent are never sent again, so executing twice is safe."
      >
        <div className="flex items-center gap-3">
          <Switch id="execute-debug" checked={debug} onCheckedChange={setDebug} aria-describedby="execute-debug-hint" />
          <label htmlFor="execute-debug" className="text-sm font-medium">
            Include debug logs
          </label>
        </div>
        <p id="execute-debug-hint" className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Adds the AdCP request, the seller's response and the transport log to each failure.
        </p>
        <ExecuteProblem error={error} className="mt-4" />
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={pending} aria-busy={pending} onClick={() => execute(debug, onClose)}>
            {pending ? 'Executing…' : 'Execute now'}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  )
}
