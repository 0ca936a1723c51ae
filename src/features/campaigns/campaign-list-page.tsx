import { useEffect } from 'react'
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { CAMPAIGN_LIST_POLL_MS, campaignListQueryOptions, refreshChangedCampaignRows } from '@/api/campaigns'
import { pollWithBackoff } from '@/api/polling'
import { LiveAnnouncer } from '@/components/live-announcer'
import { RefreshProblem } from '@/components/refresh-problem'
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
import { CampaignTreeList } from './campaign-tree-list'
import { AccountCounts } from './account-counts'
import { sortCampaigns } from './campaign-sort'
import { campaignListRoute } from './route-api'
import { useAdvertisers } from './use-advertiser-names'

export function CampaignListPage() {
  useDocumentTitle('Campaigns')
  const search = campaignListRoute.useSearch()
  const filters = filtersFromSearch(search)
  // The loader has the first page ready; after a filter change the previous rows stay until the new ones arrive.
  const list = useQuery({
    ...campaignListQueryOptions(filters),
    placeholderData: keepPreviousData,
    refetchInterval: pollWithBackoff(CAMPAIGN_LIST_POLL_MS),
  })
  // A row's detail is fetched again only when the list says the campaign changed since.
  const queryClient = useQueryClient()
  useEffect(() => {
    if (list.data && !list.isPlaceholderData) refreshChangedCampaignRows(queryClient, list.data.campaigns)
  }, [list.data, list.isPlaceholderData, queryClient])
  const { advertisers, names, loading: namesLoading } = useAdvertisers()
  const loadingNext = list.isPlaceholderData
  const filtered = Boolean(filters.name || filters.advertiserId || filters.status || filters.mediaBuyStatus)

  return (
    <>
      <LiveAnnouncer />
      <PageHeader
        title="Campaigns"
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Freshness updatedAt={list.dataUpdatedAt} isFetching={list.isFetching} />
            {loadingNext ? <Spinner label="Loading campaigns" /> : null}
          </span>
        }
      />
      <AccountCounts />
      <CampaignFilters advertisers={advertisers} />
      <RefreshProblem
        error={list.error}
        hasData={Boolean(list.data)}
        updatedAt={list.dataUpdatedAt}
        what="the campaign list"
        onRetry={() => void list.refetch()}
        isFetching={list.isFetching}
      />
      {list.isError && !list.data ? (
        <ErrorView error={list.error} what="the campaign list" onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <CampaignListSkeleton />
      ) : list.data.campaigns.length === 0 ? (
        <CampaignEmpty filtered={filtered} />
      ) : (
        <div aria-busy={loadingNext}>
          <CampaignTreeList
            campaigns={sortCampaigns(list.data.campaigns, search.sort)}
            advertiserNames={names}
            namesLoading={namesLoading}
          />
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
