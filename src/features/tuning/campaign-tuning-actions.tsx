import type { Campaign } from '@/api/schemas/campaign'
import { ActionsMenu } from './actions-menu'
import { CampaignBudgetDialog } from './campaign-budget-dialog'
import { CascadeDialog } from './cascade-dialog'
import { closeTuningDialog, openTuningDialog, useTuningDialog, type TuningDialogKind } from './dialog-store'
import { FrequencyCapsDialog } from './frequency-caps-dialog'
import { TuningOutcomeStatus } from './tuning-outcome'

const cascadeReason = (status: string) =>
  status === 'ACTIVE' || status === 'PAUSED'
    ? undefined
    : `A ${status.toLowerCase()} campaign can be neither paused nor reactivated.`

/** Slot: campaign-wide tuning (budget, pause/reactivate, frequency caps). */
export function CampaignTuningActions({ campaign }: { campaign: Campaign }) {
  const dialog = useTuningDialog()
  const open = (kind: TuningDialogKind) => () => openTuningDialog({ kind, campaignId: campaign.campaignId })
  const mine = dialog?.campaignId === campaign.campaignId && !dialog.buyId && !dialog.buyIds
  const closed = campaign.status === 'ARCHIVED' ? 'An archived campaign cannot be changed.' : undefined
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
            label: campaign.status === 'PAUSED' ? 'Reactivate campaign' : 'Pause campaign',
            onSelect: open('cascade'),
            disabledReason: cascadeReason(campaign.status),
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
