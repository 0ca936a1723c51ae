import { Button } from '@/components/ui/button'
import { useOpenCampaignDialog } from '@/features/campaign-detail/dialog-url'

/** Change the selected buys in one request; the dialog opens through the URL with the buys in it. */
export function BulkEditBar({ selectedBuyIds }: { selectedBuyIds: string[] }) {
  const openDialog = useOpenCampaignDialog()
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={selectedBuyIds.length === 0}
      data-dialog-trigger="bulk"
      onClick={() => openDialog({ dialog: 'bulk', dialogBuys: selectedBuyIds })}
    >
      Edit pacing or budgets of {selectedBuyIds.length} selected
    </Button>
  )
}
