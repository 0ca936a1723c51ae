import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { advertiserListQueryOptions } from '@/api/advertisers'

// Advertiser names are a nicety on the list: if they fail to load, rows fall back to the id.
export function useAdvertisers() {
  const query = useQuery(advertiserListQueryOptions())
  const advertisers = useMemo(() => query.data?.items ?? [], [query.data])
  const names = useMemo(() => new Map(advertisers.map((a) => [a.id, a.name])), [advertisers])
  return { advertisers, names, loading: query.isPending }
}
