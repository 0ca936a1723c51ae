import { createFileRoute, notFound } from '@tanstack/react-router'
import { campaignDetailQueryOptions } from '@/api/campaigns'
import { isApiError } from '@/api/errors'
import { NotFound } from '@/components/not-found'
import { RouteError } from '@/components/route-error'
import { CampaignPage, type CampaignSection } from '@/features/campaign-detail/campaign-page'
import { campaignPageSearchSchema } from '@/features/campaign-detail/campaign-search'
import { DeliveryOverview } from '@/features/delivery/delivery-overview'
import { HistoryPanel } from '@/features/history/history-panel'
import { CreativesSection } from '@/features/creatives/creatives-section'
import { PropertyListsSection } from '@/features/property-lists/property-lists-section'
import { historySearchSchema } from '@/features/history/history-search'
import { CampaignSuggestions } from '@/features/suggestions/campaign-suggestions'

// Other features meet the campaign page here: panels above its buys, sections below them, in this order.
const panels: CampaignSection[] = [CampaignSuggestions]
const sections: CampaignSection[] = [DeliveryOverview, CreativesSection, PropertyListsSection, HistoryPanel]

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
  component: () => <CampaignPage panels={panels} sections={sections} />,
})
