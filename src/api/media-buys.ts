import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from './client.ts'
import { buyerMediaBuyResponseSchema, mediaBuyPackagesResponseSchema } from './schemas/media-buy.ts'

export const mediaBuyKeys = {
  all: ['media-buys'] as const,
  detail: (id: string) => [...mediaBuyKeys.all, id] as const,
  packages: (id: string) => [...mediaBuyKeys.detail(id), 'packages'] as const,
}

export function mediaBuyQueryOptions(mediaBuyId: string) {
  return queryOptions({
    queryKey: mediaBuyKeys.detail(mediaBuyId),
    queryFn: ({ signal }) =>
      apiRequest(`/media-buys/${encodeURIComponent(mediaBuyId)}`, { schema: buyerMediaBuyResponseSchema, signal }).then(
        (r) => r.mediaBuy,
      ),
  })
}

export function mediaBuyPackagesQueryOptions(mediaBuyId: string) {
  return queryOptions({
    queryKey: mediaBuyKeys.packages(mediaBuyId),
    queryFn: ({ signal }) =>
      apiRequest(`/media-buys/${encodeURIComponent(mediaBuyId)}/packages`, {
        schema: mediaBuyPackagesResponseSchema,
        signal,
      }),
  })
}
