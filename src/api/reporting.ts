import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from './client.ts'
import { reportingTimeseriesResponseSchema } from './schemas/reporting.ts'

export interface ReportingRange {
  campaignId: string
  startDate: string
  endDate: string
}

export const reportingKeys = {
  all: ['reporting'] as const,
  timeseries: (range: ReportingRange) => [...reportingKeys.all, 'timeseries', range] as const,
  summary: (range: ReportingRange) => [...reportingKeys.all, 'summary', range] as const,
}

export function campaignTimeseriesQueryOptions(range: ReportingRange) {
  return queryOptions({
    queryKey: reportingKeys.timeseries(range),
    queryFn: ({ signal }) =>
      apiRequest('/reporting/metrics', {
        query: { ...range, view: 'timeseries' },
        schema: reportingTimeseriesResponseSchema,
        signal,
      }),
  })
}
