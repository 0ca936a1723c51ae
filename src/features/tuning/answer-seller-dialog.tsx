import type { AnswerDialogProps } from '@/components/needs-you-slots'
import { BudgetPacingDialog } from './budget-pacing-dialog'
import { ArchiveDialog, CancelDialog } from './cancel-dialogs'
import { CreativesDialog } from './creatives-dialog'
import { GoalsDialog } from './goals-dialog'
import { ReplyDialog } from './reply-dialog'

/** Slot for the Needs you inbox: the tuning form that fits the seller's question, with a reply (D5), or cancel. */
export function AnswerSellerDialog({ campaign, buy, kind, onClose }: AnswerDialogProps) {
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
      // Sent again through execute: the route puts that dialog in the inbox's resubmit slot.
      return null
  }
}
