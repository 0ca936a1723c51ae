import { useQueries } from '@tanstack/react-query'
import { campaignPollInterval, campaignRowDetailQueryOptions } from '@/api/campaigns'
import type { Campaign } from '@/api/schemas/campaign'

export interface RowDetail {
  data?: Campaign
  isError: boolean
}

/**
 * Details of the campaigns opened in the tree. An open campaign is on screen in full, so it polls as the campaign
 * page does (CONTRACT D4: 15 s while buys are in flight, 60 s otherwise); closed rows wait for the list to say
 * they changed.
 */
export function useExpandedDetails(campaignIds: readonly string[]): ReadonlyMap<string, RowDetail> {
  return useQueries({
    queries: campaignIds.map((id) => ({
      ...campaignRowDetailQueryOptions(id),
      refetchInterval: (query: { state: { data?: Campaign } }) => campaignPollInterval(query.state.data),
    })),
    combine: (results) =>
      new Map(campaignIds.map((id, i) => [id, { data: results[i]?.data, isError: results[i]?.isError ?? false }])),
  })
}
