import { z } from 'zod'

export const reportingMetricsSchema = z.looseObject({
  impressions: z.number(),
  spend: z.number().nullable(),
  clicks: z.number(),
  views: z.number().optional(),
  completedViews: z.number().optional(),
  conversions: z.number().optional(),
  leads: z.number().optional(),
  videoCompletions: z.number().optional(),
  conversionValue: z.number().nullish(),
  ecpm: z.number().nullish(),
  cpc: z.number().nullish(),
  ctr: z.number().nullish(),
  completionRate: z.number().nullish(),
  cpa: z.number().nullish(),
  roas: z.number().nullish(),
})
export type ReportingMetrics = z.infer<typeof reportingMetricsSchema>

export const timeseriesEntrySchema = z.looseObject({
  date: z.string(),
  advertiserId: z.string(),
  advertiserName: z.string(),
  currency: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  management: z.string().optional(),
  mediaBuyId: z.string(),
  mediaBuyName: z.string(),
  mediaBuyStatus: z.string(),
  packageId: z.string(),
  productId: z.string(),
  productName: z.string(),
  metrics: reportingMetricsSchema,
})
export type TimeseriesEntry = z.infer<typeof timeseriesEntrySchema>

export const reportingTimeseriesResponseSchema = z.looseObject({
  timeseries: z.array(timeseriesEntrySchema),
  totals: reportingMetricsSchema,
  totalsCurrency: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
})
export type ReportingTimeseriesResponse = z.infer<typeof reportingTimeseriesResponseSchema>

export const reportingSummaryResponseSchema = z.looseObject({
  advertisers: z.array(
    z.looseObject({
      advertiserId: z.string(),
      advertiserName: z.string(),
      currency: z.string(),
      metrics: reportingMetricsSchema,
      campaigns: z.array(z.looseObject({ campaignId: z.string(), metrics: reportingMetricsSchema.optional() })),
    }),
  ),
  totals: reportingMetricsSchema,
  totalsCurrency: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
})
export type ReportingSummaryResponse = z.infer<typeof reportingSummaryResponseSchema>
