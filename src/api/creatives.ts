import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from './client.ts'
import {
  creativeListResponseSchema,
  creativeManifestSchema,
  type CreativeListResponse,
  type UpdateCreativeBody,
} from './schemas/creative.ts'
import { campaignKeys, pollMaxAgeSeconds } from './campaigns.ts'
import { refreshHistory } from './audit-logs.ts'

export const creativeKeys = {
  list: (campaignId: string) => [...campaignKeys.detail(campaignId), 'creatives'] as const,
  detail: (campaignId: string, creativeId: string) => [...creativeKeys.list(campaignId), creativeId] as const,
}

/** While a seller reviews a new version, the list (one request for every manifest) is read again this often. */
export const CREATIVE_REVIEW_POLL_MS = 30_000

export const hasPendingReview = (list: CreativeListResponse | undefined) =>
  (list?.manifests ?? []).some((m) => (m.platform_links ?? []).some((l) => l.approval_status === 'pending_review'))

export function campaignCreativesQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: creativeKeys.list(campaignId),
    queryFn: ({ signal, client, queryKey }) => {
      const polled = hasPendingReview(client.getQueryData<CreativeListResponse>(queryKey))
      return apiRequest(`/campaigns/${encodeURIComponent(campaignId)}/creatives`, {
        query: { take: 250 },
        schema: creativeListResponseSchema,
        signal,
        ...(polled
          ? { lane: 'screen' as const, label: 'creatives', maxAgeSeconds: pollMaxAgeSeconds(CREATIVE_REVIEW_POLL_MS) }
          : {}),
      })
    },
    staleTime: 60_000,
  })
}

/** One manifest in full (its brief text is not on the list row): read once when its editor opens. */
export function creativeDetailQueryOptions(campaignId: string, creativeId: string) {
  return queryOptions({
    queryKey: creativeKeys.detail(campaignId, creativeId),
    queryFn: ({ signal }) =>
      apiRequest(`/campaigns/${encodeURIComponent(campaignId)}/creatives/${encodeURIComponent(creativeId)}`, {
        schema: creativeManifestSchema,
        signal,
      }),
    staleTime: Infinity,
    gcTime: 0,
  })
}

/** PUT a manifest's metadata; the platform re-syncs it to the buys that use its format (D9). */
export function useUpdateCreative(campaignId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ creativeId, body }: { creativeId: string; body: UpdateCreativeBody }) =>
      apiRequest(`/campaigns/${encodeURIComponent(campaignId)}/creatives/${encodeURIComponent(creativeId)}`, {
        method: 'PUT',
        body,
        schema: creativeManifestSchema,
      }),
    onSuccess: (manifest) => {
      queryClient.setQueryData<CreativeListResponse>(creativeKeys.list(campaignId), (list) =>
        list
          ? {
              ...list,
              manifests: list.manifests.map((m) =>
                m.creative_id === manifest.creative_id
                  ? {
                      ...m,
                      name: manifest.name,
                      updated_at: manifest.updated_at,
                      platform_links: manifest.platform_links ?? m.platform_links,
                    }
                  : m,
              ),
            }
          : list,
      )
      return queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId), exact: true })
    },
    onSettled: () => refreshHistory(queryClient, campaignId),
  })
}
