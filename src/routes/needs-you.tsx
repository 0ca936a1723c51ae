import { createFileRoute } from '@tanstack/react-router'
import { campaignListQueryOptions } from '@/api/campaigns'
import { RouteError } from '@/components/route-error'
import { NeedsYouPage } from '@/features/needs-you/needs-you-page'
import { NEEDS_YOU_SECTIONS, sectionFilters } from '@/features/needs-you/needs-you-sections'

export const Route = createFileRoute('/needs-you')({
  // Start both lists early; each section shows its own loading and error state.
  loader: ({ context: { queryClient } }) => {
    for (const section of NEEDS_YOU_SECTIONS)
      void queryClient.prefetchQuery(campaignListQueryOptions(sectionFilters(section)))
  },
  errorComponent: (props) => <RouteError {...props} what="the Needs you list" />,
  component: NeedsYouPage,
})
