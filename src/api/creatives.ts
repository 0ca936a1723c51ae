import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from './client.ts'
import { creativeListResponseSchema } from './schemas/creative.ts'
import { campaignKeys } from './campaigns.ts'

export const creativeKeys = {
  list: (campaignId: string) => [...campaignKeys.detail(campaignId), 'creatives'] as const,
}

export function campaignCreativesQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: creativeKeys.list(campaignId),
    queryFn: ({ signal }) =>
      apiRequest(`/campaigns/${encodeURIComponent(campaignId)}/creatives`, {
        query: { take: 250 },
        schema: creativeListResponseSchema,
        signal,
      }),
    staleTime: 60_000,
  })
}
