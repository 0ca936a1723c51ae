import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from './client.ts'
import { campaignKeys } from './campaigns.ts'
import { refreshHistory } from './audit-logs.ts'
import { attachPropertyListResponseSchema, campaignPropertyListsResponseSchema } from './schemas/property-list.ts'

export const propertyListKeys = {
  campaign: (campaignId: string) => [...campaignKeys.detail(campaignId), 'property-lists'] as const,
}

/** The lists a campaign's packages carry (one request for all of them). */
export function campaignPropertyListsQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: propertyListKeys.campaign(campaignId),
    queryFn: ({ signal }) =>
      apiRequest(`/campaigns/${encodeURIComponent(campaignId)}/property-lists`, {
        schema: campaignPropertyListsResponseSchema,
        signal,
      }),
    staleTime: 60_000,
  })
}

/** Attach an advertiser include list to every active buy of the campaign (D9: no re-execute). */
export function useAttachPropertyList(campaignId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (propertyListId: string) =>
      apiRequest(`/campaigns/${encodeURIComponent(campaignId)}/property-lists`, {
        method: 'POST',
        body: { propertyListId },
        schema: attachPropertyListResponseSchema,
      }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: propertyListKeys.campaign(campaignId) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId), exact: true }),
        refreshHistory(queryClient, campaignId),
      ]),
  })
}
