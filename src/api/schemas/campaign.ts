import { z } from 'zod'
import {
  campaignStatusSchema,
  ERROR_OWNERS,
  MEDIA_BUY_ERROR_CODES,
  mediaBuyStatusSchema,
  PENDING_AT,
  PENDING_REASONS,
} from './common.ts'
import { frequencyCapSchema, mediaBuyOptimizationGoalSchema, pacingPeriodsSchema } from './shared-shapes.ts'
import { propertyListsAggregateSchema } from './property-list.ts'

// Read-side shapes keep unknown fields (looseObject): the API grows every week and the screen must not break on it.
// Enumerated annotations are read as strings with the known values documented, so a new value upstream is shown, not rejected.

export const flightDatesSchema = z.looseObject({ startDate: z.string(), endDate: z.string() })
export type FlightDates = z.infer<typeof flightDatesSchema>

export const budgetSchema = z.looseObject({
  total: z.number(),
  currency: z.string(),
  dailyCap: z.number().nullish(),
  pacing: z.string().nullish(),
})
export type Budget = z.infer<typeof budgetSchema>

export const formatIdSchema = z.looseObject({
  id: z.string(),
  agent_url: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  duration_ms: z.number().optional(),
})

export const creativeRefSchema = z.looseObject({
  creativeId: z.string(),
  name: z.string(),
  formatId: formatIdSchema.optional(),
  status: z.string().optional(),
  sourceSyncStatus: z
    .array(
      z.looseObject({
        agentId: z.string().optional(),
        sourceId: z.string().nullish(),
        approvalStatus: z.string().nullish(),
        rejectionReason: z.string().nullish(),
      }),
    )
    .optional(),
  storefrontReviewStatus: z.string().nullish(),
})
export type CreativeRef = z.infer<typeof creativeRefSchema>

export const deliverySchema = z.looseObject({
  impressions: z.number(),
  spend: z.number(),
  clicks: z.number().nullable(),
})
export type Delivery = z.infer<typeof deliverySchema>

export const campaignPackageSchema = z.looseObject({
  packageId: z.string(),
  status: z.string(),
  productIds: z.array(z.string()).optional(),
  budget: z.number().nullish(),
  budgetCurrency: z.string().optional(),
  pacing: z.string().nullish(),
  bidPrice: z.number().nullish(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
  pacingPeriod: z.looseObject({ index: z.number(), label: z.string().optional() }).optional(),
  delivery: deliverySchema.optional(),
  creatives: z.array(creativeRefSchema).optional(),
})
export type CampaignPackage = z.infer<typeof campaignPackageSchema>

export const formatOptionSchema = z.looseObject({
  format_kind: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
})

export const mediaBuyProductSchema = z.looseObject({
  productId: z.string(),
  productName: z.string().optional(),
  publisherName: z.string().optional(),
  salesAgentName: z.string().optional(),
  budget: z.number().nullish(),
  budgetCurrency: z.string().optional(),
  pacing: z.string().nullish(),
  bidPrice: z.number().nullish(),
  formatOptions: z.array(formatOptionSchema).optional(),
})
export type MediaBuyProduct = z.infer<typeof mediaBuyProductSchema>

const liveProposed = <T extends z.ZodType>(value: T) =>
  z.looseObject({ live: value.optional(), proposed: value.optional() })

/** D6: the Aug-2026 shape of a change that waits for seller approval on top of a live buy. */
export const mediaBuyPendingChangeSchema = z.looseObject({
  status: mediaBuyStatusSchema,
  pendingAt: z.string().optional(),
  reason: z.string().optional(),
  since: z.string().optional(),
  differences: z
    .looseObject({
      endTime: liveProposed(z.string()).optional(),
      budget: liveProposed(z.number()).optional(),
      creatives: liveProposed(z.array(z.string())).optional(),
      // Beyond the published three (the sandbox lists them; a second pending entry yields them too): the proposed
      // goals, and each package's proposed terms.
      optimizationGoals: liveProposed(z.array(mediaBuyOptimizationGoalSchema)).optional(),
      packages: z
        .array(
          z.looseObject({
            packageId: z.string(),
            budget: liveProposed(z.number()).optional(),
            pacing: liveProposed(z.string()).optional(),
            bidPrice: liveProposed(z.number().nullable()).optional(),
          }),
        )
        .optional(),
    })
    .optional(),
})
export type MediaBuyPendingChange = z.infer<typeof mediaBuyPendingChangeSchema>

export const mediaBuyPerformanceSchema = z.looseObject({
  impressions: z.number(),
  spend: z.number(),
  clicks: z.number().nullish(),
  views: z.number().nullish(),
  completedViews: z.number().nullish(),
  conversions: z.number().nullish(),
  leads: z.number().nullish(),
  lastUpdated: z.string().optional(),
  windowStart: z.string().optional(),
  windowEnd: z.string().optional(),
})

export const campaignMediaBuySchema = z.looseObject({
  mediaBuyId: z.string(),
  name: z.string(),
  status: mediaBuyStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: z.number().optional(),
  validActions: z.array(z.string()).optional(),
  pendingAt: z.string().optional().describe(PENDING_AT.join('|')),
  pendingReason: z.string().optional().describe(PENDING_REASONS.join('|')),
  pendingSince: z.string().optional(),
  errorCode: z.string().optional().describe(MEDIA_BUY_ERROR_CODES.join('|')),
  errorOwner: z.string().optional().describe(ERROR_OWNERS.join('|')),
  sourceMessage: z.string().optional(),
  forwardedAt: z.string().optional(),
  buyerReference: z.string().optional(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
  budget_denomination: z.string().optional(),
  budget_breakdown: z
    .looseObject({
      media_budget: z.number(),
      fee_amount: z.number(),
      fee_rate_percent: z.number(),
      effective_gross_cpm: z.number().nullable(),
    })
    .optional(),
  products: z.array(mediaBuyProductSchema).optional(),
  pacingPeriods: pacingPeriodsSchema.nullish(),
  packages: z.array(campaignPackageSchema).optional(),
  optimizationGoals: z.array(mediaBuyOptimizationGoalSchema).optional(),
  performance: mediaBuyPerformanceSchema.optional(),
  creatives: z.array(creativeRefSchema).optional(),
  /** Explicit per-buy creative override; absent means auto-sync. */
  creativeIds: z.array(z.string()).nullish(),
  pendingChange: mediaBuyPendingChangeSchema.nullish(),
})
export type CampaignMediaBuy = z.infer<typeof campaignMediaBuySchema>

export const mediaBuyRefSchema = z.looseObject({
  mediaBuyId: z.string(),
  status: mediaBuyStatusSchema,
  pendingAt: z.string().optional(),
  pendingChange: z.looseObject({ status: mediaBuyStatusSchema, pendingAt: z.string().optional() }).nullish(),
})

export const campaignSchema = z.looseObject({
  campaignId: z.string(),
  advertiserId: z.coerce.string(),
  name: z.string(),
  status: campaignStatusSchema,
  mode: z.string().optional(),
  management: z.string().optional(),
  revision: z.number().optional(),
  mediaBuyRefs: z.array(mediaBuyRefSchema).optional(),
  brief: z.string().nullish(),
  flightDates: flightDatesSchema.optional(),
  budget: budgetSchema.optional(),
  allocatedBudget: z.number().optional(),
  unallocatedBudget: z.number().optional(),
  pacingPeriods: pacingPeriodsSchema.nullish(),
  constraints: z.record(z.string(), z.unknown()).optional(),
  performanceConfig: z.looseObject({ optimizationGoals: z.array(z.unknown()) }).nullish(),
  optimizationApplyMode: z.string().optional(),
  products: z.array(z.looseObject({ productId: z.string() })).optional(),
  mediaBuys: z.array(campaignMediaBuySchema).optional(),
  frequencyCaps: z.array(frequencyCapSchema).optional(),
  /** Only with `includePropertyLists=true` (CONTRACT §3.7). */
  propertyLists: propertyListsAggregateSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Campaign = z.infer<typeof campaignSchema>

export const campaignResponseSchema = z.looseObject({
  campaign: campaignSchema,
  warnings: z.array(z.unknown()).optional(),
})
export type CampaignResponse = z.infer<typeof campaignResponseSchema>

export const campaignSummarySchema = z.looseObject({
  campaignId: z.string(),
  advertiserId: z.coerce.string(),
  name: z.string(),
  status: campaignStatusSchema,
  mode: z.string().optional(),
  management: z.string().optional(),
  flightDates: flightDatesSchema.optional(),
  budget: budgetSchema.pick({ total: true, currency: true }).optional(),
  productCount: z.number().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type CampaignSummary = z.infer<typeof campaignSummarySchema>

export const campaignListResponseSchema = z.looseObject({
  campaigns: z.array(campaignSummarySchema),
  total: z.number(),
  hasMore: z.boolean(),
  nextCursor: z.string().nullish(),
})
export type CampaignListResponse = z.infer<typeof campaignListResponseSchema>
