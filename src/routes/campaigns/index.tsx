import { createFileRoute } from '@tanstack/react-router'
import { advertiserListQueryOptions } from '@/api/advertisers'
import { campaignListQueryOptions } from '@/api/campaigns'
import { RouteError } from '@/components/route-error'
import { CampaignListPage } from '@/features/campaigns/campaign-list-page'
import { CampaignListSkeleton } from '@/features/campaigns/campaign-list-skeleton'
import { campaignSearchSchema, filtersFromSearch } from '@/features/campaigns/campaign-search'

export const Route = createFileRoute('/campaigns/')({
  validateSearch: campaignSearchSchema,
  loaderDeps: ({ search }) => ({ filters: filtersFromSearch(search) }),
  loader: async ({ context: { queryClient }, deps: { filters }, cause }) => {
    // Names are a nicety: start them, but do not hold the list for them.
    void queryClient.prefetchQuery(advertiserListQueryOptions())
    // A filter or page change on the list itself keeps the current rows on screen while the next ones load
    // (the page shows them as loading), instead of blanking the screen and the filter being typed in.
    if (cause === 'stay') void queryClient.prefetchQuery(campaignListQueryOptions(filters))
    else await queryClient.ensureQueryData(campaignListQueryOptions(filters))
  },
  pendingComponent: CampaignListSkeleton,
  errorComponent: (props) => <RouteError {...props} what="the campaign list" />,
  component: CampaignListPage,
})
