import type { Campaign } from '@/api/schemas/campaign'
import { cascadeFor, checkCampaignEdit, checkCascade } from '@/domain/campaign-actions'
import type { CampaignDialogKind } from '@/features/campaign-detail/campaign-search'
import { useOpenCampaignDialog } from '@/features/campaign-detail/dialog-url'
import { ActionsMenu } from './actions-menu'
import { TuningOutcomeStatus } from './tuning-outcome'

/** Campaign-wide tuning (budget, pause/reactivate, frequency caps); each opens its dialog through the URL. */
export function CampaignTuningActions({ campaign }: { campaign: Campaign }) {
  const openDialog = useOpenCampaignDialog()
  const open = (dialog: CampaignDialogKind) => () => openDialog({ dialog })
  const closed = checkCampaignEdit(campaign.status).reason
  const cascade = cascadeFor(campaign.status)
  return (
    <>
      <ActionsMenu
        label={`Campaign actions for ${campaign.name}`}
        dialogTrigger="campaign"
        items={[
          {
            label: 'Campaign budget',
            onSelect: open('campaign-budget'),
            disabledReason: closed ?? (campaign.budget ? undefined : 'This campaign has no budget to edit.'),
          },
          {
            label: cascade === 'reactivate' ? 'Reactivate campaign' : 'Pause campaign',
            onSelect: open('cascade'),
            disabledReason: checkCascade(campaign.status, cascade).reason,
          },
          { label: 'Frequency caps', onSelect: open('frequency-caps'), disabledReason: closed },
        ]}
      />
      <TuningOutcomeStatus campaignId={campaign.campaignId} />
    </>
  )
}
