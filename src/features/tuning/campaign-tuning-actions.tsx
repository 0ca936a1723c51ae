import type { Campaign } from '@/api/schemas/campaign'
import { cascadeFor, checkCampaignEdit, checkCascade } from '@/domain/campaign-actions'
import { ActionsMenu } from './actions-menu'
import { CampaignBudgetDialog } from './campaign-budget-dialog'
import { CascadeDialog } from './cascade-dialog'
import { closeTuningDialog, openTuningDialog, useTuningDialog, type TuningDialogKind } from './dialog-store'
import { FrequencyCapsDialog } from './frequency-caps-dialog'
import { TuningOutcomeStatus } from './tuning-outcome'

/** Slot: campaign-wide tuning (budget, pause/reactivate, frequency caps). */
export function CampaignTuningActions({ campaign }: { campaign: Campaign }) {
  const dialog = useTuningDialog()
  const open = (kind: TuningDialogKind) => () => openTuningDialog({ kind, campaignId: campaign.campaignId })
  const mine = dialog?.campaignId === campaign.campaignId && !dialog.buyId && !dialog.buyIds
  const closed = checkCampaignEdit(campaign.status).reason
  const cascade = cascadeFor(campaign.status)
  return (
    <>
      <ActionsMenu
        label={`Campaign actions for ${campaign.name}`}
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
      {mine && dialog.kind === 'campaign-budget' ? (
        <CampaignBudgetDialog campaign={campaign} onClose={closeTuningDialog} />
      ) : null}
      {mine && dialog.kind === 'cascade' ? <CascadeDialog campaign={campaign} onClose={closeTuningDialog} /> : null}
      {mine && dialog.kind === 'frequency-caps' ? (
        <FrequencyCapsDialog campaign={campaign} onClose={closeTuningDialog} />
      ) : null}
    </>
  )
}
