import { createFileRoute, notFound } from '@tanstack/react-router'
import { campaignDetailQueryOptions } from '@/api/campaigns'
import { isApiError } from '@/api/errors'
import type { CampaignSlots } from '@/components/campaign-slots'
import { NotFound } from '@/components/not-found'
import { RouteError } from '@/components/route-error'
import { CampaignPage } from '@/features/campaign-detail/campaign-page'
import { DeliveryOverview } from '@/features/delivery/delivery-overview'
import { campaignPageSearchSchema } from '@/features/campaign-detail/campaign-search'
import { ExecuteButton } from '@/features/execution/execute-button'
import { ExecutePanel } from '@/features/execution/execute-panel'
import { HistoryPanel } from '@/features/history/history-panel'
import { CampaignSuggestions } from '@/features/suggestions/campaign-suggestions'
import { CreativesSection } from '@/features/creatives/creatives-section'
import { PropertyListsSection } from '@/features/property-lists/property-lists-section'
import { historySearchSchema } from '@/features/history/history-search'
import { ResubmitBuyButton } from '@/features/execution/resubmit'
import { BulkEditBar } from '@/features/tuning/bulk-edit-bar'
import { BuyActionsMenu } from '@/features/tuning/buy-actions-menu'
import { CampaignTuningActions } from '@/features/tuning/campaign-tuning-actions'
import { PackageActions } from '@/features/tuning/package-actions'
import { BuyTuningOutcome, PackageTuningOutcome } from '@/features/tuning/tuning-outcome'

// Features meet here: each puts its components into a slot of the campaign page.
const slots: CampaignSlots = {
  campaignActions: [ExecuteButton, CampaignTuningActions],
  panels: [ExecutePanel, CampaignSuggestions],
  sections: [DeliveryOverview, CreativesSection, PropertyListsSection, HistoryPanel],
  buyActions: [ResubmitBuyButton, BuyActionsMenu],
  packageActions: [PackageActions],
  buyNotices: [BuyTuningOutcome],
  packageNotices: [PackageTuningOutcome],
  bulkActions: [BulkEditBar],
}

export const Route = createFileRoute('/campaigns/$campaignId')({
  validateSearch: campaignPageSearchSchema.extend(historySearchSchema.shape),
  loader: async ({ context: { queryClient }, params: { campaignId } }) => {
    try {
      return await queryClient.ensureQueryData(campaignDetailQueryOptions(campaignId))
    } catch (error) {
      if (isApiError(error) && error.status === 404) throw notFound()
      throw error
    }
  },
  errorComponent: (props) => <RouteError {...props} what="this campaign" />,
  notFoundComponent: () => <NotFound what="campaign" />,
  component: () => <CampaignPage slots={slots} />,
})
