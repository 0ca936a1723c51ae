import { createFileRoute, notFound } from '@tanstack/react-router'
import { campaignDetailQueryOptions } from '@/api/campaigns'
import { isApiError } from '@/api/errors'
import { NotFound } from '@/components/not-found'
import { RouteError } from '@/components/route-error'
import { CampaignPage } from '@/features/campaign-detail/campaign-page'

export const Route = createFileRoute('/campaigns/$campaignId')({
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
  component: CampaignPage,
})
