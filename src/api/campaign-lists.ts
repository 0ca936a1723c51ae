import { useMemo } from 'react'
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query'
import { campaignListQueryOptions, type CampaignListFilters } from './campaigns.ts'
import { pollWithBackoff } from './polling.ts'
import type { CampaignListResponse, CampaignSummary } from './schemas/campaign.ts'

// Whole lists (every campaign that matches a filter), read page by page to the end: the platform's largest page is
// 250 campaigns (CONTRACT §1). The first page says how many there are, so the rest are asked for at once, by offset,
// after what is on screen. Nothing is cut off: the screen shows how many are loaded of how many there are.

export const LIST_PAGE_SIZE = 250

export type WholeListFilters = Omit<CampaignListFilters, 'cursor' | 'take' | 'skip'>

export interface PollPlan {
  /** The first page: it carries the total (nav counts, account counts) and what changed most recently. */
  firstPageMs: number
  /** Every further page. */
  restMs: number
}

/** One page of a whole list. The first page's key is the one the counts use, so a count and a list share it. */
export function listPageQueryOptions(filters: WholeListFilters, page: number, plan: PollPlan) {
  const pollMs = page === 0 ? plan.firstPageMs : plan.restMs
  return {
    ...campaignListQueryOptions(
      { ...filters, take: LIST_PAGE_SIZE, skip: page === 0 ? undefined : page * LIST_PAGE_SIZE },
      { lane: page === 0 ? 'user' : 'background', pollMs },
    ),
    staleTime: pollMs,
    refetchInterval: pollWithBackoff<CampaignListResponse>(pollMs),
  }
}

/** How many campaigns match: the first page's total, shared with the whole list of the same filter. */
export function listTotalQueryOptions(filters: WholeListFilters, plan: PollPlan) {
  return { ...listPageQueryOptions(filters, 0, plan), select: (data: CampaignListResponse) => data.total }
}

export interface WholeList {
  summaries: CampaignSummary[]
  /** The platform's count; null until the first page arrives. */
  total: number | null
  complete: boolean
  pending: boolean
  fetching: boolean
  error: Error | null
  /** When the oldest page was fetched. */
  updatedAt: number
  refetch: () => Promise<unknown>
}

interface PageState {
  data: CampaignListResponse | undefined
  fetching: boolean
  error: Error | null
  updatedAt: number
}

const pageState = (r: UseQueryResult<CampaignListResponse>): PageState => ({
  data: r.isPlaceholderData ? undefined : r.data,
  fetching: r.isFetching,
  error: r.error,
  updatedAt: r.dataUpdatedAt,
})
// Module-level, so useQueries keeps its result while no page changed.
const combineRest = (results: UseQueryResult<CampaignListResponse>[]) => ({
  pages: results.map(pageState),
  refetch: () => Promise.all(results.map((r) => r.refetch())),
})

function mergePages(pages: PageState[]): Omit<WholeList, 'refetch' | 'pending'> {
  const seen = new Map<string, CampaignSummary>()
  for (const page of pages)
    for (const c of page.data?.campaigns ?? []) if (!seen.has(c.campaignId)) seen.set(c.campaignId, c)
  const loaded = pages.filter((p) => p.data)
  return {
    summaries: [...seen.values()],
    total: pages[0].data?.total ?? null,
    complete: loaded.length === pages.length,
    fetching: pages.some((p) => p.fetching),
    error: pages.find((p) => p.error)?.error ?? null,
    updatedAt: loaded.length ? Math.min(...loaded.map((p) => p.updatedAt)) : 0,
  }
}

/**
 * Every campaign matching `filters`, to the end of the list; or, with `pageLimit`, the first pages only (a screen that
 * reads further as the buyer scrolls, so its cost does not grow with the account).
 */
export function useWholeCampaignList(
  filters: WholeListFilters,
  plan: PollPlan,
  { enabled = true, pageLimit = Infinity }: { enabled?: boolean; pageLimit?: number } = {},
): WholeList {
  const first = useQuery({ ...listPageQueryOptions(filters, 0, plan), enabled })
  const pageCount = Math.max(1, Math.min(pageLimit, Math.ceil((first.data?.total ?? 0) / LIST_PAGE_SIZE)))
  const rest = useQueries({
    queries: Array.from({ length: pageCount - 1 }, (_, i) => ({
      ...listPageQueryOptions(filters, i + 1, plan),
      enabled: enabled && first.data !== undefined,
    })),
    combine: combineRest,
  })
  const { data, isFetching, error, dataUpdatedAt, isPending, refetch } = first
  const merged = useMemo(
    () => mergePages([{ data, fetching: isFetching, error, updatedAt: dataUpdatedAt }, ...rest.pages]),
    [data, isFetching, error, dataUpdatedAt, rest.pages],
  )
  return useMemo(
    () => ({ ...merged, pending: isPending, refetch: () => Promise.all([refetch(), rest.refetch()]) }),
    [merged, isPending, refetch, rest],
  )
}
