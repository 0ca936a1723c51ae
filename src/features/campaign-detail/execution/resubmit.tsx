import { useState } from 'react'
import { Link } from '@tanstack/react-router'
import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'
import { canResubmit } from '@/domain/campaign-actions'
import { Alert } from '@/components/ui/alert'
import { ExecuteProblem } from './execute-problem'
import { Button, buttonClasses } from '@/components/ui/button'
import { Dialog, DialogContent } from '@/components/ui/dialog'
import { describeNothingToExecute } from './execute-messages'
import { useLastResult } from './result-store'
import { useGuardedExecute } from './use-execute'
import { useOpenCampaignDialog } from '@/features/campaign-detail/dialog-url'

const sellerOf = (buy: CampaignMediaBuy) =>
  [...new Set((buy.products ?? []).map((p) => p.salesAgentName).filter(Boolean))].join(', ') || 'its seller'

/** What sending again does for this buy, in the buyer's words. */
function resubmitText(buy: CampaignMediaBuy): string {
  return buy.status === 'FAILED'
    ? `Executing the campaign again retries “${buy.name}” at ${sellerOf(buy)}, with its current products and budgets. Buys already sent are not sent twice.`
    : `Executing the campaign again sends the products of “${buy.name}” to ${sellerOf(buy)} as a new buy, on the terms selected for the campaign; this rejected one stays, for the record. A seller that declined those terms may decline them again.`
}

/** Send a failed or rejected buy again, through execute; the seller's reason stays in view. */
export function ResubmitDialog({
  campaign,
  buy,
  onClose,
  linkToCampaign = true,
}: {
  campaign: Campaign
  buy: CampaignMediaBuy
  onClose: () => void
  /** Off on the campaign page itself. */
  linkToCampaign?: boolean
}) {
  const { execute, pending, error } = useGuardedExecute(campaign.campaignId)
  const [done, setDone] = useState(false)
  const last = useLastResult(campaign.campaignId)
  const result = done ? last?.result : undefined
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent title={`Send again: ${buy.name}`} description={resubmitText(buy)}>
        {buy.sourceMessage ? (
          <figure className="rounded-md border-l-4 border-red-600 bg-red-50 p-3 text-sm dark:border-red-400 dark:bg-slate-800">
            <figcaption className="font-medium">{sellerOf(buy)} said</figcaption>
            <blockquote className="mt-1 whitespace-pre-wrap">{buy.sourceMessage}</blockquote>
          </figure>
        ) : null}
        <ExecuteProblem error={error} />
        {result ? (
          <Alert tone={result.success ? 'success' : 'warning'} className="mt-3">
            {result.reason === 'no_media_buys_to_execute'
              ? describeNothingToExecute(campaign)
              : result.success
                ? `Sent: ${result.mediaBuysExecuted ?? 0} buy(s) went to their sellers. The campaign shows what they answer.`
                : `${result.errors?.length ?? 0} buy(s) failed again; the campaign lists why.`}
          </Alert>
        ) : null}
        <div className="mt-6 flex flex-wrap justify-end gap-2">
          {linkToCampaign ? (
            <Link
              to="/campaigns/$campaignId"
              params={{ campaignId: campaign.campaignId }}
              className={buttonClasses({ variant: 'ghost' })}
            >
              Open campaign
            </Link>
          ) : null}
          <Button variant="secondary" onClick={onClose}>
            {result ? 'Close' : 'Cancel'}
          </Button>
          {result ? null : (
            <Button disabled={pending} aria-busy={pending} onClick={() => execute(false, () => setDone(true))}>
              {pending ? 'Executing…' : 'Execute again'}
            </Button>
          )}
        </div>
      </DialogContent>
    </Dialog>
  )
}

/** "Send again" in the row of a failed or rejected buy; the dialog opens through the URL. */
export function ResubmitBuyButton({ campaign, buy }: { campaign: Campaign; buy: CampaignMediaBuy }) {
  const openDialog = useOpenCampaignDialog()
  if (!canResubmit(campaign.status, buy.status)) return null
  return (
    <Button
      size="sm"
      variant="secondary"
      onClick={() => openDialog({ dialog: 'resubmit', dialogBuy: buy.mediaBuyId })}
      aria-label={`Send again: ${buy.name}`}
      data-dialog-trigger={`resubmit:${buy.mediaBuyId}`}
    >
      Send again
    </Button>
  )
}
