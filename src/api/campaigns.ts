import { queryOptions, useMutation, useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { effectiveBuyStatus } from '../domain/rollup.ts'
import { foldPendingVersions } from '../domain/pending-versions.ts'
import { refreshHistory } from './audit-logs.ts'
import { apiRequest } from './client.ts'
import type { RequestLane } from './request-budget.ts'
import { campaignListResponseSchema, campaignResponseSchema, type Campaign } from './schemas/campaign.ts'
import {
  campaignCascadeResponseSchema,
  campaignStatusChangeResponseSchema,
  type ExecuteBody,
} from './schemas/execute.ts'
import { adcpStatusOutputSchema } from './schemas/status.ts'
import type { UpdateCampaignBody } from './schemas/update.ts'

export interface CampaignListFilters {
  advertiserId?: string
  name?: string
  status?: string[]
  mediaBuyStatus?: string[]
  cursor?: string
  take?: number
  skip?: number
}

export const campaignKeys = {
  all: ['campaigns'] as const,
  lists: () => [...campaignKeys.all, 'list'] as const,
  list: (filters: CampaignListFilters) => [...campaignKeys.lists(), filters] as const,
  details: () => [...campaignKeys.all, 'detail'] as const,
  detail: (id: string) => [...campaignKeys.details(), id] as const,
  adcpStatus: (id: string) => [...campaignKeys.detail(id), 'adcp-status'] as const,
}

export const CAMPAIGN_LIST_POLL_MS = 60_000

/**
 * A refresh of a polled read may take a copy another tab fetched, up to three quarters of the poll interval old: two
 * tabs polling the same thing then cost the platform one request, and one tab never gets its own last answer back.
 */
export function pollMaxAgeSeconds(intervalMs: number): number {
  return Math.floor((intervalMs * 0.75) / 1000)
}

const FIRST_READ_MAX_AGE_S = 15

interface ReadOptions {
  lane?: RequestLane
  /** How often the read is polled; refreshes may then be answered from a shared copy (see pollMaxAgeSeconds). */
  pollMs?: number
}

export function campaignListQueryOptions(filters: CampaignListFilters, read: ReadOptions = {}) {
  return queryOptions({
    queryKey: campaignKeys.list(filters),
    // How it is read (lane, poll interval) travels in meta: readers of one list share its key and its cache entry.
    meta: { ...read },
    queryFn: ({ signal, client, queryKey, meta }) => {
      const { lane, pollMs } = (meta ?? {}) as ReadOptions
      return apiRequest('/campaigns', {
        query: { ...queryKey[2] },
        schema: campaignListResponseSchema,
        signal,
        lane,
        label: 'list page',
        // A first read takes a copy at most 15 s old (a second tab opening right after the first costs nothing); a
        // refresh, one up to three quarters of its poll interval.
        maxAgeSeconds: pollMs
          ? client.getQueryData(queryKey)
            ? pollMaxAgeSeconds(pollMs)
            : FIRST_READ_MAX_AGE_S
          : undefined,
      })
    },
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

// The list says when a campaign changed (its updatedAt); a detail fetched for that reason must be at least that new.
const expectedUpdatedAt = new Map<string, number>()

async function fetchCampaign(
  campaignId: string,
  { signal, lane, current }: { signal: AbortSignal; lane: RequestLane; current: Campaign | undefined },
): Promise<Campaign> {
  const path = `/campaigns/${encodeURIComponent(campaignId)}`
  const read = (maxAgeSeconds?: number) =>
    apiRequest(path, { schema: campaignResponseSchema, signal, lane, label: 'campaign', maxAgeSeconds }).then((r) =>
      foldPendingVersions(r.campaign),
    )
  // A read may take a copy another tab fetched a moment ago (15 s on a first read, ¾ of the poll interval on a
  // refresh); if that copy predates what the list announced,
  // ask once more for the platform's own answer.
  const campaign = await read(current ? pollMaxAgeSeconds(campaignPollInterval(current)) : FIRST_READ_MAX_AGE_S)
  const expected = expectedUpdatedAt.get(campaignId)
  if (expected === undefined || Date.parse(campaign.updatedAt) >= expected) {
    expectedUpdatedAt.delete(campaignId)
    return campaign
  }
  expectedUpdatedAt.delete(campaignId)
  return read()
}

/** The campaign page's own data: the buyer is looking at it, so it goes first. */
export function campaignDetailQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: campaignKeys.detail(campaignId),
    queryFn: ({ signal, client, queryKey }) =>
      fetchCampaign(campaignId, { signal, lane: 'user', current: client.getQueryData<Campaign>(queryKey) }),
  })
}

/** D4: while a buy waits on its seller, the sellers are asked for its live status at most this often. */
export const AUTO_SYNC_MS = 30_000

/** Whether any buy (or a pending version of one) waits on its seller's approval. */
export function hasBuysPendingApproval(campaign: Campaign): boolean {
  return (campaign.mediaBuys ?? []).some((b) => effectiveBuyStatus(b) === 'PENDING_APPROVAL')
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
  queryClient.setQueryData(campaignKeys.detail(campaign.campaignId), foldPendingVersions(campaign))
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
    // Accepted or refused, the platform wrote a History row for it (D10).
    onSettled: () => refreshHistory(queryClient, campaignId),
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
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) }),
        refreshHistory(queryClient, campaignId),
      ]),
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
        refreshHistory(queryClient, campaignId),
      ]),
  })
}

// ——— Campaigns on screen in lists (rows, inbox items, tiles) ———

/**
 * A campaign's detail for something on screen in a list. Same cache entry as the campaign page, but never stale by
 * age: the list (polled every 60 s) says when a campaign changed, and `refreshChangedCampaignRows` re-fetches only
 * those. Asked only for what is on screen (see useOnScreenDetails), after the buyer's own requests, a few at a time.
 */
export function campaignRowDetailQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: campaignKeys.detail(campaignId),
    queryFn: ({ signal, client, queryKey }) =>
      fetchCampaign(campaignId, { signal, lane: 'screen', current: client.getQueryData<Campaign>(queryKey) }),
    staleTime: Infinity,
  })
}

/** Marks stale the cached details whose list summary moved past them; rows on screen then re-fetch. */
export function refreshChangedCampaignRows(
  queryClient: QueryClient,
  summaries: readonly { campaignId: string; updatedAt: string }[],
): number {
  let changed = 0
  for (const summary of summaries) {
    const cached = queryClient.getQueryData<Campaign>(campaignKeys.detail(summary.campaignId))
    const announced = Date.parse(summary.updatedAt)
    if (!cached || announced <= Date.parse(cached.updatedAt)) continue
    changed += 1
    expectedUpdatedAt.set(summary.campaignId, announced)
    void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(summary.campaignId), exact: true })
  }
  return changed
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

/**
 * The details a list screen needs for what is on it now: one observer per campaign, in screen order (so they are
 * fetched top to bottom), each re-fetched only when the list says it changed. What scrolls away stops costing
 * anything: a fetch still waiting for its turn is dropped.
 */
export function useOnScreenDetails(campaignIds: readonly string[]): void {
  useQueries({ queries: campaignIds.map((id) => campaignRowDetailQueryOptions(id)), combine: ignoreResults })
}
const ignoreResults = () => null

/** A detail as far as the cache has it, without asking for it: cells of rows read what useOnScreenDetails fetched. */
export function cachedCampaignDetailQueryOptions(campaignId: string) {
  return { ...campaignRowDetailQueryOptions(campaignId), enabled: false }
}
