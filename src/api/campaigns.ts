import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { effectiveBuyStatus } from '../domain/rollup.ts'
import { createLimiter } from '../lib/limit-concurrency.ts'
import { apiRequest } from './client.ts'
import { campaignListResponseSchema, campaignResponseSchema, type Campaign } from './schemas/campaign.ts'
import {
  campaignCascadeResponseSchema,
  campaignStatusChangeResponseSchema,
  type ExecuteBody,
} from './schemas/execute.ts'
import { adcpStatusOutputSchema } from './schemas/status.ts'
import { createCampaignBodySchema, type CreateCampaignBody, type UpdateCampaignBody } from './schemas/update.ts'

export interface CampaignListFilters {
  advertiserId?: string
  name?: string
  status?: string[]
  mediaBuyStatus?: string[]
  cursor?: string
  take?: number
}

export const campaignKeys = {
  all: ['campaigns'] as const,
  lists: () => [...campaignKeys.all, 'list'] as const,
  list: (filters: CampaignListFilters) => [...campaignKeys.lists(), filters] as const,
  details: () => [...campaignKeys.all, 'detail'] as const,
  detail: (id: string) => [...campaignKeys.details(), id] as const,
  adcpStatus: (id: string) => [...campaignKeys.detail(id), 'adcp-status'] as const,
}

export function campaignListQueryOptions(filters: CampaignListFilters) {
  return queryOptions({
    queryKey: campaignKeys.list(filters),
    queryFn: ({ signal }) =>
      apiRequest('/campaigns', { query: { ...filters }, schema: campaignListResponseSchema, signal }),
  })
}

const IN_FLIGHT = new Set(['PENDING_APPROVAL', 'INPUT_REQUIRED'])

/**
 * D4, for a campaign on screen: about every 15 s while a buy waits on a seller or the buyer (a pending version
 * counts), about every 60 s otherwise. Query pauses intervals while the tab is hidden and refetches on return.
 * Not part of the detail query options: rows of the list reuse them and must not poll one request per row.
 */
export function campaignPollInterval(campaign: Campaign | undefined): number {
  const inFlight = campaign?.mediaBuys?.some((b) => IN_FLIGHT.has(effectiveBuyStatus(b))) ?? false
  return inFlight ? 15_000 : 60_000
}

export function campaignDetailQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: campaignKeys.detail(campaignId),
    queryFn: ({ signal }) =>
      apiRequest(`/campaigns/${encodeURIComponent(campaignId)}`, { schema: campaignResponseSchema, signal }).then(
        (r) => r.campaign,
      ),
  })
}

/** Asks every sales agent live (CONTRACT §7): on demand, or at most every 30 s while buys are pending (D4). */
export function campaignAdcpStatusQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: campaignKeys.adcpStatus(campaignId),
    queryFn: ({ signal }) =>
      apiRequest(`/campaigns/${encodeURIComponent(campaignId)}/media-buy-status`, {
        schema: adcpStatusOutputSchema,
        signal,
      }),
    staleTime: 30_000,
  })
}

/** A mutation's answer is the campaign itself: put it in the cache and refresh the lists around it. */
function storeCampaign(queryClient: QueryClient, campaign: Campaign) {
  queryClient.setQueryData(campaignKeys.detail(campaign.campaignId), campaign)
  return queryClient.invalidateQueries({ queryKey: campaignKeys.lists() })
}

export function updateCampaign(campaignId: string, body: UpdateCampaignBody) {
  return apiRequest(`/campaigns/${encodeURIComponent(campaignId)}`, {
    method: 'PUT',
    body,
    schema: campaignResponseSchema,
  })
}

export function useUpdateCampaign(campaignId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: UpdateCampaignBody) => updateCampaign(campaignId, body),
    onSuccess: (result) => storeCampaign(queryClient, result.campaign),
  })
}

export function useCreateCampaign() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateCampaignBody) =>
      apiRequest('/campaigns', {
        method: 'POST',
        body: createCampaignBodySchema.parse(body),
        schema: campaignResponseSchema,
      }),
    onSuccess: (result) => storeCampaign(queryClient, result.campaign),
  })
}

export function useExecuteCampaign(campaignId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: [...campaignKeys.detail(campaignId), 'execute'],
    mutationFn: (body: ExecuteBody) =>
      apiRequest(`/campaigns/${encodeURIComponent(campaignId)}/execute`, {
        method: 'POST',
        body,
        schema: campaignStatusChangeResponseSchema,
        // Execute talks to every seller; give it longer than a read.
        timeoutMs: 120_000,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) }),
  })
}

export function useCampaignCascade(campaignId: string, action: 'pause' | 'reactivate') {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: [...campaignKeys.detail(campaignId), action],
    mutationFn: () =>
      apiRequest(`/campaigns/${encodeURIComponent(campaignId)}/${action}`, {
        method: 'POST',
        schema: campaignCascadeResponseSchema,
      }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.lists() }),
      ]),
  })
}

// ——— Rows of the campaign list (issue 3) ———

/** At most six row details in flight: a screen of rows fills in a few at a time, well inside 100 requests a minute. */
const rowDetailLimit = createLimiter(6)

/**
 * A campaign's detail for a row of the list. Same cache entry as the campaign page, but never stale by age: the
 * list (polled every 60 s) says when a campaign changed, and `refreshChangedCampaignRows` re-fetches only those.
 */
export function campaignRowDetailQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: campaignKeys.detail(campaignId),
    queryFn: ({ signal }) =>
      rowDetailLimit(
        () =>
          apiRequest(`/campaigns/${encodeURIComponent(campaignId)}`, { schema: campaignResponseSchema, signal }).then(
            (r) => r.campaign,
          ),
        signal,
      ),
    staleTime: Infinity,
  })
}

export const CAMPAIGN_LIST_POLL_MS = 60_000

/** Marks stale the cached details whose list summary moved past them; rows on screen then re-fetch. */
export function refreshChangedCampaignRows(
  queryClient: QueryClient,
  summaries: readonly { campaignId: string; updatedAt: string }[],
): number {
  let changed = 0
  for (const summary of summaries) {
    const cached = queryClient.getQueryData<Campaign>(campaignKeys.detail(summary.campaignId))
    if (!cached || Date.parse(summary.updatedAt) <= Date.parse(cached.updatedAt)) continue
    changed += 1
    void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(summary.campaignId), exact: true })
  }
  return changed
}

/** Whole-account questions ("how many campaigns have a buy that needs input?") cost one small request each. */
export function campaignCountQueryOptions(filters: Omit<CampaignListFilters, 'cursor' | 'take'>) {
  return queryOptions({
    ...campaignListQueryOptions({ ...filters, take: 1 }),
    select: (data) => data.total,
    staleTime: CAMPAIGN_LIST_POLL_MS,
    refetchInterval: CAMPAIGN_LIST_POLL_MS,
  })
}

/** "Sync with sellers": asks every agent now (CONTRACT §7), keeps the answer, and refreshes the campaign. */
export function useSyncWithSellers(campaignId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: [...campaignKeys.adcpStatus(campaignId), 'sync'],
    mutationFn: () => queryClient.fetchQuery({ ...campaignAdcpStatusQueryOptions(campaignId), staleTime: 0 }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId), exact: true }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.lists() }),
      ]),
  })
}
