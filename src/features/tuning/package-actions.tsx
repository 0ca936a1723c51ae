import type { Campaign, CampaignMediaBuy, CampaignPackage } from '@/api/schemas/campaign'
import { Button } from '@/components/ui/button'
import { checkBuy } from '@/domain/actions'
import { CancelDialog } from './cancel-dialogs'
import { closeTuningDialog, openTuningDialog, useTuningDialog } from './dialog-store'

/** Slot: cancel one package (packageIds), with the reason when it cannot be. */
export function PackageActions({
  campaign,
  buy,
  pkg,
}: {
  campaign: Campaign
  buy: CampaignMediaBuy
  pkg: CampaignPackage
}) {
  const dialog = useTuningDialog()
  const check = checkBuy(buy, 'cancel_packages')
  const why = pkg.status === 'canceled' ? 'This package is already canceled.' : check.reason
  const mine =
    dialog?.kind === 'cancel-packages' && dialog.buyId === buy.mediaBuyId && dialog.packageId === pkg.packageId
  if (pkg.status === 'canceled') return null
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Cancel package ${pkg.packageId}`}
        aria-disabled={why ? true : undefined}
        title={why}
        onClick={() =>
          why
            ? undefined
            : openTuningDialog({
                kind: 'cancel-packages',
                campaignId: campaign.campaignId,
                buyId: buy.mediaBuyId,
                packageId: pkg.packageId,
              })
        }
      >
        Cancel package
      </Button>
      {mine ? (
        <CancelDialog
          scope="packages"
          packageId={pkg.packageId}
          campaign={campaign}
          buy={buy}
          onClose={closeTuningDialog}
        />
      ) : null}
    </>
  )
}
