import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from './client.ts'
import { advertiserListResponseSchema } from './schemas/advertiser.ts'

export const advertiserKeys = {
  all: ['advertisers'] as const,
  list: (status: 'ACTIVE' | 'ARCHIVED' | 'ALL') => [...advertiserKeys.all, 'list', status] as const,
}

/** Advertisers change rarely: one page of 100 names the advertisers of an ordinary account. */
export function advertiserListQueryOptions(status: 'ACTIVE' | 'ARCHIVED' | 'ALL' = 'ALL') {
  return queryOptions({
    queryKey: advertiserKeys.list(status),
    queryFn: ({ signal }) =>
      // Names change rarely: another tab's copy of the last five minutes will do.
      apiRequest('/advertisers', {
        query: { status, limit: 100 },
        schema: advertiserListResponseSchema,
        signal,
        maxAgeSeconds: 300,
      }),
    staleTime: 5 * 60_000,
  })
}
