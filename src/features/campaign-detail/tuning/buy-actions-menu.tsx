import type { CampaignMediaBuy } from '@/api/schemas/campaign'
import { checkBuy } from '@/domain/actions'
import type { CampaignDialogKind } from '@/features/campaign-detail/campaign-search'
import { useOpenCampaignDialog } from '@/features/campaign-detail/dialog-url'
import { ActionsMenu } from './actions-menu'
import { budgetTarget } from './budget-pacing-dialog'

const reason = (check: { allowed: boolean; reason?: string }) => (check.allowed ? undefined : check.reason)

/** The tuning actions of one media buy; each opens its dialog through the URL. */
export function BuyActionsMenu({ buy }: { buy: CampaignMediaBuy }) {
  const openDialog = useOpenCampaignDialog()
  const open = (dialog: CampaignDialogKind) => () => openDialog({ dialog, dialogBuy: buy.mediaBuyId })
  const livePackages = (buy.packages ?? []).filter((p) => p.status !== 'canceled').length
  const budget = budgetTarget(buy)
  const cancelPackages = checkBuy(buy, 'cancel_packages')
  return (
    <ActionsMenu
      label={`Actions for ${buy.name}`}
      dialogTrigger={`buy:${buy.mediaBuyId}`}
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
          disabledReason: reason(cancelPackages) ?? (livePackages === 0 ? 'This buy has no live packages.' : undefined),
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
  )
}
