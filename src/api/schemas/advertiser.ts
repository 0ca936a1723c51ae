import { z } from 'zod'

export const advertiserSummarySchema = z.looseObject({
  id: z.coerce.string(),
  name: z.string(),
  status: z.string(),
  sandbox: z.boolean().optional(),
  primaryCurrency: z.string().nullish(),
  currencyLocked: z.boolean().optional(),
  linkedAccountCount: z.number().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
})
export type AdvertiserSummary = z.infer<typeof advertiserSummarySchema>

export const advertiserListResponseSchema = z.looseObject({
  items: z.array(advertiserSummarySchema),
  total: z.number(),
  hasMore: z.boolean(),
  nextOffset: z.number().nullish(),
})
export type AdvertiserListResponse = z.infer<typeof advertiserListResponseSchema>
