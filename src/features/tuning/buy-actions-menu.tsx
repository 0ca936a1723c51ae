import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'
import { ActionsMenu } from './actions-menu'
import { BudgetPacingDialog, budgetTarget } from './budget-pacing-dialog'
import { checkBuy } from '@/domain/actions'
import { ArchiveDialog, CancelDialog } from './cancel-dialogs'
import { CreativesDialog } from './creatives-dialog'
import { closeTuningDialog, openTuningDialog, useTuningDialog, type TuningDialogKind } from './dialog-store'
import { GoalsDialog } from './goals-dialog'

const reason = (check: { allowed: boolean; reason?: string }) => (check.allowed ? undefined : check.reason)

/** Slot: the tuning actions of one media buy, and its dialogs when open. */
export function BuyActionsMenu({ campaign, buy }: { campaign: Campaign; buy: CampaignMediaBuy }) {
  const dialog = useTuningDialog()
  const open = (kind: TuningDialogKind) => () =>
    openTuningDialog({ kind, campaignId: campaign.campaignId, buyId: buy.mediaBuyId })
  const mine = dialog?.campaignId === campaign.campaignId && dialog.buyId === buy.mediaBuyId && !dialog.packageId
  const livePackages = (buy.packages ?? []).filter((p) => p.status !== 'canceled').length
  const budget = budgetTarget(buy)
  const cancelPackages = checkBuy(buy, 'cancel_packages')
  return (
    <>
      <ActionsMenu
        label={`Actions for ${buy.name}`}
        items={[
          {
            label: 'Edit budget and pacing',
            onSelect: open('budget'),
            disabledReason: budget ? undefined : reason(checkBuy(buy, 'edit_packages')),
          },
          { label: 'Optimization goals', onSelect: open('goals'), disabledReason: reason(checkBuy(buy, 'edit_goals')) },
          { label: 'Creatives', onSelect: open('creatives'), disabledReason: reason(checkBuy(buy, 'edit_creatives')) },
          {
            label: 'Cancel buy',
            onSelect: open('cancel-buy'),
            disabledReason: reason(checkBuy(buy, 'cancel')),
            danger: true,
          },
          {
            label: 'Cancel packages',
            onSelect: open('cancel-packages'),
            disabledReason:
              reason(cancelPackages) ?? (livePackages === 0 ? 'This buy has no live packages.' : undefined),
            danger: true,
          },
          {
            label: 'Archive',
            onSelect: open('archive'),
            disabledReason: reason(checkBuy(buy, 'archive')),
            danger: true,
          },
        ]}
      />
      {mine && dialog.kind === 'budget' ? (
        <BudgetPacingDialog campaign={campaign} buy={buy} onClose={closeTuningDialog} />
      ) : null}
      {mine && dialog.kind === 'goals' ? (
        <GoalsDialog campaign={campaign} buy={buy} onClose={closeTuningDialog} />
      ) : null}
      {mine && dialog.kind === 'creatives' ? (
        <CreativesDialog campaign={campaign} buy={buy} onClose={closeTuningDialog} />
      ) : null}
      {mine && dialog.kind === 'cancel-buy' ? (
        <CancelDialog scope="buy" campaign={campaign} buy={buy} onClose={closeTuningDialog} />
      ) : null}
      {mine && dialog.kind === 'cancel-packages' ? (
        <CancelDialog scope="packages" campaign={campaign} buy={buy} onClose={closeTuningDialog} />
      ) : null}
      {mine && dialog.kind === 'archive' ? (
        <ArchiveDialog campaign={campaign} buy={buy} onClose={closeTuningDialog} />
      ) : null}
    </>
  )
}
