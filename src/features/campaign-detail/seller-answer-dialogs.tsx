import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { campaignDetailQueryOptions } from '@/api/campaigns'
import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'
import { DialogOpener } from '@/components/ui/dialog'
import { canResubmit } from '@/domain/campaign-actions'
import { ResubmitDialog } from './execution/resubmit'
import { BudgetPacingDialog } from './tuning/budget-pacing-dialog'
import { ArchiveDialog, CancelDialog } from './tuning/cancel-dialogs'
import { CreativesDialog } from './tuning/creatives-dialog'
import { GoalsDialog } from './tuning/goals-dialog'
import { CloseGuardProvider, useCloseGuard } from './tuning/close-guard'
import { ReplyDialog } from './tuning/reply-dialog'

/**
 * How the buyer answers a seller from elsewhere than the campaign page (the Needs you inbox): the fitting change with
 * a reply (D5), a reply (and dates), cancel or archive; a failed or rejected buy is sent again (execute).
 */
export type SellerAnswerKind = 'budget' | 'creatives' | 'goals' | 'reply' | 'cancel' | 'archive' | 'resubmit'

interface Props {
  kind: SellerAnswerKind
  campaignId: string
  mediaBuyId: string
  /** The `data-dialog-trigger` of the button that opened it, where focus returns. */
  opener?: string
  onClose: () => void
}

/** The answer dialog for one buy, read from the cache (or asked for once); a buy that is not there leaves it closed. */
export function SellerAnswerDialogs({ kind, campaignId, mediaBuyId, opener, onClose }: Props) {
  const detail = useQuery({ ...campaignDetailQueryOptions(campaignId), staleTime: Infinity })
  const campaign = detail.data
  const buy = campaign?.mediaBuys?.find((b) => b.mediaBuyId === mediaBuyId)
  const guard = useCloseGuard()
  if (!campaign || !buy) return null
  return (
    <DialogOpener.Provider value={opener}>
      <CloseGuardProvider value={guard}>
        <AnswerDialog key={`${kind}:${campaignId}:${mediaBuyId}`} {...{ kind, campaign, buy, onClose }} />
      </CloseGuardProvider>
    </DialogOpener.Provider>
  )
}

function AnswerDialog({
  kind,
  campaign,
  buy,
  onClose,
}: Omit<Props, 'campaignId' | 'mediaBuyId' | 'opener'> & { campaign: Campaign; buy: CampaignMediaBuy }) {
  // Once sent again the buy is no longer failed or rejected; the dialog stays to tell what happened.
  const [resubmittable] = useState(() => canResubmit(campaign.status, buy.status))
  switch (kind) {
    case 'budget':
      return <BudgetPacingDialog campaign={campaign} buy={buy} onClose={onClose} reply />
    case 'creatives':
      return <CreativesDialog campaign={campaign} buy={buy} onClose={onClose} reply />
    case 'goals':
      return <GoalsDialog campaign={campaign} buy={buy} onClose={onClose} reply />
    case 'reply':
      return <ReplyDialog campaign={campaign} buy={buy} onClose={onClose} />
    case 'cancel':
      return <CancelDialog scope="buy" campaign={campaign} buy={buy} onClose={onClose} />
    case 'archive':
      return <ArchiveDialog campaign={campaign} buy={buy} onClose={onClose} />
    case 'resubmit':
      return resubmittable ? <ResubmitDialog campaign={campaign} buy={buy} onClose={onClose} /> : null
  }
}
