import { z } from 'zod'

export const PROPERTY_LIST_PURPOSES = ['include', 'exclude'] as const

export const campaignPropertyListSchema = z.looseObject({
  listId: z.string(),
  name: z.string(),
  purpose: z.enum(PROPERTY_LIST_PURPOSES),
  propertyCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  viaMediaBuys: z.array(z.looseObject({ mediaBuyId: z.string(), packageIds: z.array(z.string()) })),
})
export type CampaignPropertyList = z.infer<typeof campaignPropertyListSchema>

export const propertyListsSummarySchema = z.looseObject({
  totalLists: z.number(),
  includeCount: z.number(),
  excludeCount: z.number(),
})

/** The aggregate embedded in a campaign read with `includePropertyLists=true` (CONTRACT §3.7). */
export const propertyListsAggregateSchema = z.looseObject({
  propertyLists: z.array(campaignPropertyListSchema),
  summary: propertyListsSummarySchema,
})

/** `GET /campaigns/{id}/property-lists`. */
export const campaignPropertyListsResponseSchema = propertyListsAggregateSchema.extend({ campaignId: z.string() })
export type CampaignPropertyListsResponse = z.infer<typeof campaignPropertyListsResponseSchema>

export const attachPropertyListBodySchema = z.object({ propertyListId: z.string().min(1) })
export type AttachPropertyListBody = z.infer<typeof attachPropertyListBodySchema>

export const attachCascadeSummarySchema = z.looseObject({
  totalMediaBuys: z.number(),
  updatedCount: z.number(),
  failedCount: z.number(),
  skippedCount: z.number(),
})
export type AttachCascadeSummary = z.infer<typeof attachCascadeSummarySchema>

/** `POST /campaigns/{id}/property-lists`. */
export const attachPropertyListResponseSchema = z.looseObject({
  campaignId: z.string(),
  propertyListId: z.string(),
  cascade: attachCascadeSummarySchema,
})
export type AttachPropertyListResponse = z.infer<typeof attachPropertyListResponseSchema>
