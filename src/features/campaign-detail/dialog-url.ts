import { OPENED_DIALOG, useCloseUrlDialog } from '@/lib/url-dialog'
import { withDialog, type CampaignDialogTarget } from './campaign-search'
import { campaignRoute } from './route-api'

/** Opens a dialog of the campaign page: a new history entry with the dialog in its search params. */
export function useOpenCampaignDialog(): (target: CampaignDialogTarget) => void {
  const navigate = campaignRoute.useNavigate()
  return (target) =>
    void navigate({ search: (prev) => withDialog(prev, target), state: OPENED_DIALOG, resetScroll: false })
}

export function useCloseCampaignDialog(): () => void {
  const navigate = campaignRoute.useNavigate()
  return useCloseUrlDialog(
    () => void navigate({ search: (prev) => withDialog(prev), replace: true, resetScroll: false }),
  )
}
