import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query'
import { apiRequest } from './client.ts'
import { listBuyerActivityResponseSchema } from './schemas/audit-log.ts'

// D10: a campaign's or a buy's History is one GET /audit-logs a page; the delivery chart's timeline marks read the
// campaign's first page, so the two share one request. History is asked for again when the campaign's own detail
// (polled anyway, D4) says it changed, or when the buyer's change went through, never on a clock of its own.

export interface AuditLogFilters {
  campaignId: string
  /** One buy (or any resource) by id. */
  resourceId?: string
  actorOrigin?: string
  actions?: string[]
  resourceTypes?: string[]
  /** Omitted: only what succeeded (the platform's default feed). */
  outcome?: string
  take: number
  skip?: number
}

/** Rows a History page shows; also what the timeline reads. */
export const HISTORY_PAGE_SIZE = 50

export const auditLogKeys = {
  all: ['audit-logs'] as const,
  campaign: (campaignId: string) => [...auditLogKeys.all, campaignId] as const,
  list: (filters: AuditLogFilters) => [...auditLogKeys.campaign(filters.campaignId), filters] as const,
}

/** The campaign's newest changes, unfiltered: History's first page and the delivery timeline's marks. */
export function campaignHistoryFilters(campaignId: string): AuditLogFilters {
  return { campaignId, take: HISTORY_PAGE_SIZE }
}

export function auditLogQueryOptions(filters: AuditLogFilters) {
  return queryOptions({
    queryKey: auditLogKeys.list(filters),
    queryFn: ({ signal }) =>
      apiRequest('/audit-logs', {
        query: { ...filters, skip: filters.skip || undefined },
        schema: listBuyerActivityResponseSchema,
        signal,
        label: 'history',
      }),
    // Fresh until the campaign says otherwise (see refreshHistoryAfter).
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    // 403 (no admin key) and 404 (an older platform) will not pass by themselves.
    retry: false,
  })
}

/**
 * The campaign changed (its updatedAt moved past what History was read with) or the buyer's change went through:
 * History pages of the campaign are read again by whoever shows them.
 */
export function refreshHistory(queryClient: QueryClient, campaignId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: auditLogKeys.campaign(campaignId) })
}
