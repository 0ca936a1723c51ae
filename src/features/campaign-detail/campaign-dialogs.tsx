import { Fragment, useState } from 'react'
import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'
import { DialogOpener } from '@/components/ui/dialog'
import { canResubmit } from '@/domain/campaign-actions'
import { dialogTrigger, type CampaignDialogTarget } from './campaign-search'
import { useCloseCampaignDialog } from './dialog-url'
import { canExecute, ExecuteDialog } from './execution/execute-button'
import { ResubmitDialog } from './execution/resubmit'
import { campaignRoute } from './route-api'
import { BudgetPacingDialog } from './tuning/budget-pacing-dialog'
import { BulkEditDialog } from './tuning/bulk-edit-dialog'
import { ArchiveDialog, CancelDialog } from './tuning/cancel-dialogs'
import { CampaignBudgetDialog } from './tuning/campaign-budget-dialog'
import { CascadeDialog } from './tuning/cascade-dialog'
import { CreativesDialog } from './tuning/creatives-dialog'
import { FrequencyCapsDialog } from './tuning/frequency-caps-dialog'
import { GoalsDialog } from './tuning/goals-dialog'
import { CloseGuardProvider, useCloseGuard } from './tuning/close-guard'
import { OutcomePlaceContext, type OutcomePlace } from './tuning/outcome-store'

/**
 * Every dialog of the campaign page, mounted once beside the tree: the URL's `dialog` says which is open and for
 * which buy, package or buys. A target that is not (or no longer) on the campaign leaves it closed.
 */
export function CampaignDialogs({ campaign, onBulkClosed }: { campaign: Campaign; onBulkClosed: () => void }) {
  const { dialog, dialogBuy, dialogPackage, dialogBuys } = campaignRoute.useSearch()
  const close = useCloseCampaignDialog()
  const guard = useCloseGuard()
  if (!dialog) return null
  const target: CampaignDialogTarget = { dialog, dialogBuy, dialogPackage, dialogBuys }
  const buy = campaign.mediaBuys?.find((b) => b.mediaBuyId === dialogBuy)
  const content = dialogFor(target, campaign, buy, close, () => {
    close()
    onBulkClosed()
  })
  if (!content) return null
  return (
    <DialogOpener.Provider value={dialogTrigger(target)}>
      <OutcomePlaceContext.Provider value={placeOf(target, buy)}>
        <CloseGuardProvider value={guard}>
          {/* A new target is a new form. */}
          <Fragment key={JSON.stringify(target)}>{content}</Fragment>
        </CloseGuardProvider>
      </OutcomePlaceContext.Provider>
    </DialogOpener.Provider>
  )
}

/** Where the outcome of a change is told: the row it was made from, or the header for the campaign's own actions. */
function placeOf(target: CampaignDialogTarget, buy: CampaignMediaBuy | undefined): OutcomePlace | undefined {
  if (target.dialog === 'bulk') return target.dialogBuys?.length ? { buyIds: target.dialogBuys } : undefined
  if (!buy) return undefined
  return { buyIds: [buy.mediaBuyId], packageId: target.dialogPackage }
}

function dialogFor(
  target: CampaignDialogTarget,
  campaign: Campaign,
  buy: CampaignMediaBuy | undefined,
  onClose: () => void,
  onBulkClose: () => void,
) {
  switch (target.dialog) {
    case 'campaign-budget':
      return campaign.budget ? <CampaignBudgetDialog campaign={campaign} onClose={onClose} /> : null
    case 'execute':
      return <Execute campaign={campaign} onClose={onClose} />
    case 'cascade':
      return <CascadeDialog campaign={campaign} onClose={onClose} />
    case 'frequency-caps':
      return <FrequencyCapsDialog campaign={campaign} onClose={onClose} />
    case 'bulk': {
      const buyIds = (target.dialogBuys ?? []).filter((id) => campaign.mediaBuys?.some((b) => b.mediaBuyId === id))
      return buyIds.length ? <BulkEditDialog campaign={campaign} buyIds={buyIds} onClose={onBulkClose} /> : null
    }
  }
  if (!buy) return null
  switch (target.dialog) {
    case 'budget':
      return <BudgetPacingDialog campaign={campaign} buy={buy} onClose={onClose} />
    case 'goals':
      return <GoalsDialog campaign={campaign} buy={buy} onClose={onClose} />
    case 'creatives':
      return <CreativesDialog campaign={campaign} buy={buy} onClose={onClose} />
    case 'cancel-buy':
      return <CancelDialog scope="buy" campaign={campaign} buy={buy} onClose={onClose} />
    case 'cancel-packages': {
      const pkg = target.dialogPackage
      if (pkg && !buy.packages?.some((p) => p.packageId === pkg)) return null
      return <CancelDialog scope="packages" packageId={pkg} campaign={campaign} buy={buy} onClose={onClose} />
    }
    case 'archive':
      return <ArchiveDialog campaign={campaign} buy={buy} onClose={onClose} />
    case 'resubmit':
      return <Resubmit campaign={campaign} buy={buy} onClose={onClose} />
  }
}

/** Offered while there is something to send; once sent, the dialog closes by itself. */
function Execute({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const [allowed] = useState(() => canExecute(campaign))
  return allowed ? <ExecuteDialog campaign={campaign} onClose={onClose} /> : null
}

/** Offered while the buy is failed or rejected; once sent, the dialog stays to tell what happened. */
function Resubmit({ campaign, buy, onClose }: { campaign: Campaign; buy: CampaignMediaBuy; onClose: () => void }) {
  const [allowed] = useState(() => canResubmit(campaign.status, buy.status))
  if (!allowed) return null
  return <ResubmitDialog campaign={campaign} buy={buy} onClose={onClose} linkToCampaign={false} />
}
