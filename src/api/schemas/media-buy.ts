import { z } from 'zod'
import { mediaBuyStatusSchema } from './common.ts'
import { deliverySchema, mediaBuyPendingChangeSchema } from './campaign.ts'
import { mediaBuyOptimizationGoalSchema } from './shared-shapes.ts'

/** GET /media-buys/{id}: identity, status and the why-fields; no packages, products or creatives. */
export const buyerMediaBuySchema = z.looseObject({
  mediaBuyId: z.string(),
  campaignId: z.string().optional(),
  name: z.string(),
  status: mediaBuyStatusSchema,
  pendingAt: z.string().optional(),
  pendingReason: z.string().optional(),
  pendingSince: z.string().optional(),
  errorCode: z.string().optional(),
  errorOwner: z.string().optional(),
  sourceMessage: z.string().optional(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
  optimizationGoals: z.array(mediaBuyOptimizationGoalSchema).optional(),
  pendingChange: mediaBuyPendingChangeSchema.nullish(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
})
export type BuyerMediaBuy = z.infer<typeof buyerMediaBuySchema>

export const buyerMediaBuyResponseSchema = z.looseObject({ mediaBuy: buyerMediaBuySchema })

export const buyerPackageSchema = z.looseObject({
  packageId: z.string(),
  productId: z.string().nullable(),
  productName: z.string().optional(),
  status: z.string(),
  pacingPeriod: z.looseObject({ index: z.number(), label: z.string().optional() }).optional(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
  budget: z.number().nullable(),
  budgetCurrency: z.string().optional(),
  pacing: z.string().nullish(),
  delivery: deliverySchema.optional(),
})
export type BuyerPackage = z.infer<typeof buyerPackageSchema>

export const mediaBuyPackagesResponseSchema = z.looseObject({
  mediaBuyId: z.string(),
  isPaced: z.boolean(),
  packageCount: z.number(),
  packages: z.array(buyerPackageSchema),
})
