import type { Campaign } from '@/api/schemas/campaign'
import { Button } from '@/components/ui/button'
import { BulkEditDialog } from './bulk-edit-dialog'
import { closeTuningDialog, openTuningDialog, useTuningDialog } from './dialog-store'

/** Slot: change the selected buys in one request. */
export function BulkEditBar({
  campaign,
  selectedBuyIds,
  clearSelection,
}: {
  campaign: Campaign
  selectedBuyIds: string[]
  clearSelection: () => void
}) {
  const dialog = useTuningDialog()
  const mine = dialog?.kind === 'bulk' && dialog.campaignId === campaign.campaignId
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        disabled={selectedBuyIds.length === 0}
        onClick={() => openTuningDialog({ kind: 'bulk', campaignId: campaign.campaignId, buyIds: selectedBuyIds })}
      >
        Edit pacing or budgets of {selectedBuyIds.length} selected
      </Button>
      {mine ? (
        <BulkEditDialog
          campaign={campaign}
          buyIds={dialog.buyIds ?? []}
          onClose={() => {
            closeTuningDialog()
            clearSelection()
          }}
        />
      ) : null}
    </>
  )
}
