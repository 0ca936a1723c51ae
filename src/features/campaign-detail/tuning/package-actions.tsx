import type { CampaignMediaBuy, CampaignPackage } from '@/api/schemas/campaign'
import { Button } from '@/components/ui/button'
import { checkBuy } from '@/domain/actions'
import { useOpenCampaignDialog } from '@/features/campaign-detail/dialog-url'

/** Cancel one package (packageIds), with the reason when it cannot be; the dialog opens through the URL. */
export function PackageActions({ buy, pkg }: { buy: CampaignMediaBuy; pkg: CampaignPackage }) {
  const openDialog = useOpenCampaignDialog()
  const check = checkBuy(buy, 'cancel_packages')
  const why = pkg.status === 'canceled' ? 'This package is already canceled.' : check.reason
  if (pkg.status === 'canceled') return null
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={`Cancel package ${pkg.packageId}`}
      aria-disabled={why ? true : undefined}
      title={why}
      data-dialog-trigger={`package:${buy.mediaBuyId}:${pkg.packageId}`}
      onClick={() =>
        why
          ? undefined
          : openDialog({ dialog: 'cancel-packages', dialogBuy: buy.mediaBuyId, dialogPackage: pkg.packageId })
      }
    >
      Cancel package
    </Button>
  )
}
