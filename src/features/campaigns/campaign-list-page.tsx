import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { campaignListQueryOptions } from '@/api/campaigns'
import { ErrorView } from '@/components/error-view'
import { Freshness } from '@/components/freshness'
import { PageHeader } from '@/components/page-header'
import { StatusLegend } from '@/components/status-legend'
import { Spinner } from '@/components/ui/spinner'
import { useDocumentTitle } from '@/lib/use-document-title'
import { CampaignEmpty } from './campaign-empty'
import { CampaignListSkeleton } from './campaign-list-skeleton'
import { CampaignFilters } from './campaign-filters'
import { CampaignPagination } from './campaign-pagination'
import { filtersFromSearch } from './campaign-search'
import { CampaignTable } from './campaign-table'
import { campaignListRoute } from './route-api'
import { useAdvertisers } from './use-advertiser-names'

export function CampaignListPage() {
  useDocumentTitle('Campaigns')
  const search = campaignListRoute.useSearch()
  const filters = filtersFromSearch(search)
  // The loader has the first page ready; after a filter change the previous rows stay until the new ones arrive.
  const list = useQuery({ ...campaignListQueryOptions(filters), placeholderData: keepPreviousData })
  const { advertisers, names } = useAdvertisers()
  const loadingNext = list.isPlaceholderData
  const filtered = Boolean(filters.name || filters.advertiserId || filters.status || filters.mediaBuyStatus)

  return (
    <>
      <PageHeader
        title="Campaigns"
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Freshness updatedAt={list.dataUpdatedAt} isFetching={list.isFetching} />
            {loadingNext ? <Spinner label="Loading campaigns" /> : null}
          </span>
        }
      />
      <CampaignFilters advertisers={advertisers} />
      {list.isError && !list.data ? (
        <ErrorView error={list.error} what="the campaign list" onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <CampaignListSkeleton />
      ) : list.data.campaigns.length === 0 ? (
        <CampaignEmpty filtered={filtered} />
      ) : (
        <div aria-busy={loadingNext}>
          <CampaignTable campaigns={list.data.campaigns} advertiserNames={names} caption="Campaigns" />
          <CampaignPagination
            nextCursor={list.data.nextCursor}
            shown={list.data.campaigns.length}
            total={list.data.total}
          />
        </div>
      )}
      <div className="mt-6">
        <StatusLegend />
      </div>
    </>
  )
}
