import { useEffect } from 'react'
import { queryOptions, useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query'
import {
  CAMPAIGN_LIST_POLL_MS,
  campaignListQueryOptions,
  campaignRowDetailQueryOptions,
  refreshChangedCampaignRows,
} from './campaigns.ts'
import type { Campaign, CampaignListResponse, CampaignSummary } from './schemas/campaign.ts'
import { deriveInbox, type Inbox } from './needs-you-items.ts'

/** One list call per section (API mediaBuyStatus filter, every campaign status), never every campaign. */
export const NEEDS_YOU_LISTS: readonly (readonly string[])[] = [
  ['INPUT_REQUIRED'],
  ['FAILED', 'REJECTED'],
  ['PENDING_APPROVAL'],
]

/** Polled every 60 s (paused while the tab is hidden): three small requests a minute, far inside the rate limit. */
export function needsYouListQueryOptions(statuses: readonly string[]) {
  return queryOptions({
    ...campaignListQueryOptions({
      mediaBuyStatus: [...statuses],
      status: ['ALL'],
      take: 100,
    }),
    staleTime: CAMPAIGN_LIST_POLL_MS,
    refetchInterval: CAMPAIGN_LIST_POLL_MS,
  })
}

interface Lists {
  summaries: CampaignSummary[]
  pending: boolean
  fetching: boolean
  error: Error | null
  updatedAt: number
  refetch: () => Promise<unknown>
}

function combineLists(results: UseQueryResult<CampaignListResponse>[]): Lists {
  const seen = new Map<string, CampaignSummary>()
  for (const r of results) for (const c of r.data?.campaigns ?? []) seen.set(c.campaignId, c)
  return {
    summaries: [...seen.values()],
    pending: results.some((r) => r.isPending),
    fetching: results.some((r) => r.isFetching),
    error: results.find((r) => r.error)?.error ?? null,
    updatedAt: Math.min(...results.map((r) => r.dataUpdatedAt)),
    refetch: () => Promise.all(results.map((r) => r.refetch())),
  }
}

function combineDetails(results: UseQueryResult<Campaign>[]) {
  return {
    campaigns: results.flatMap((r) => (r.data ? [r.data] : [])),
    loading: results.filter((r) => r.isPending).length,
    failed: results.filter((r) => r.isError).length,
  }
}

export interface NeedsYouInbox extends Inbox {
  lists: Omit<Lists, 'summaries'>
  /** Campaigns whose details are still loading or failed; their items are not listed yet. */
  loadingCampaigns: number
  failedCampaigns: number
}

/**
 * The inbox: the section lists, then each matching campaign's detail (the tree's cache entries, re-fetched only when
 * the list says the campaign changed), and the items derived from those details.
 */
export function useNeedsYouInbox(): NeedsYouInbox {
  const queryClient = useQueryClient()
  const { summaries, ...lists } = useQueries({
    queries: NEEDS_YOU_LISTS.map(needsYouListQueryOptions),
    combine: combineLists,
  })
  useEffect(() => {
    refreshChangedCampaignRows(queryClient, summaries)
  }, [queryClient, summaries])
  const details = useQueries({
    queries: summaries.map((s) => campaignRowDetailQueryOptions(s.campaignId)),
    combine: combineDetails,
  })
  return {
    ...deriveInbox(details.campaigns),
    lists,
    loadingCampaigns: details.loading,
    failedCampaigns: details.failed,
  }
}
