import { z } from 'zod'
import { CAMPAIGN_STATUSES, MEDIA_BUY_STATUSES } from '@/api/schemas/common'
import type { CampaignListFilters } from '@/api/campaigns'

export const CAMPAIGN_PAGE_SIZE = 50

// 'ALL' is the API's own value for "every campaign status" (the default is ACTIVE+DRAFT+PAUSED).
export const CAMPAIGN_STATUS_FILTERS = [...CAMPAIGN_STATUSES, 'ALL'] as const

export const CAMPAIGN_SORTS = ['name', '-name', 'start', '-start', 'end', '-end', 'budget', '-budget'] as const
export type CampaignSort = (typeof CAMPAIGN_SORTS)[number]

// Every key falls back to "not set" when a hand-edited URL carries nonsense, so a bad link still opens the list.
export const campaignSearchSchema = z.object({
  q: z.string().trim().max(255).optional().catch(undefined),
  advertiserId: z.string().min(1).optional().catch(undefined),
  status: z.array(z.enum(CAMPAIGN_STATUS_FILTERS)).optional().catch(undefined),
  mediaBuyStatus: z.array(z.enum(MEDIA_BUY_STATUSES)).optional().catch(undefined),
  cursor: z.string().min(1).optional().catch(undefined),
  // Cursors of the pages before this one ('' = the first page), so Previous works from a deep link too.
  back: z.array(z.string()).optional().catch(undefined),
  // The API has no sort parameter: rows of the current page are sorted here. '-' means descending.
  sort: z.enum(CAMPAIGN_SORTS).optional().catch(undefined),
  // Open rows of the tree: campaign and media-buy ids.
  expanded: z.array(z.string().min(1)).max(500).optional().catch(undefined),
})
export type CampaignSearch = z.infer<typeof campaignSearchSchema>

export function filtersFromSearch(search: CampaignSearch): CampaignListFilters {
  return {
    name: search.q || undefined,
    advertiserId: search.advertiserId,
    status: search.status?.length ? search.status : undefined,
    mediaBuyStatus: search.mediaBuyStatus?.length ? search.mediaBuyStatus : undefined,
    cursor: search.cursor,
    take: CAMPAIGN_PAGE_SIZE,
  }
}
