import { z } from 'zod'
import { MAX_MONEY } from '../../domain/money.ts'
import { BUDGET_PACINGS, currencySchema, isoDateTimeSchema, PACKAGE_PACINGS } from './common.ts'
import { frequencyCapInputSchema, mediaBuyOptimizationGoalInputSchema, pacingPeriodsSchema } from './shared-shapes.ts'

// Write-side shapes: strict where the API is strict (additionalProperties:false), so a typo is refused, not ignored.

const money = z
  .number()
  .positive('Must be more than 0')
  .finite('Must be a finite amount')
  .max(MAX_MONEY, 'Must be at most 1,000,000,000,000')

export const packageUpdateSchema = z.strictObject({
  packageId: z.string().min(1),
  budget: money.optional(),
  pacing: z.enum(PACKAGE_PACINGS).optional(),
  bidPrice: money.nullable().optional(),
  startTime: isoDateTimeSchema.optional(),
  endTime: isoDateTimeSchema.optional(),
  targetingOverlay: z
    .strictObject({
      audience_include: z.array(z.string()).optional(),
      audience_exclude: z.array(z.string()).optional(),
    })
    .optional(),
})
export type PackageUpdate = z.infer<typeof packageUpdateSchema>

export const productUpdateSchema = z.strictObject({
  productId: z.string().min(1),
  pricingOptionId: z.string().optional(),
  budget: money.optional(),
  pacing: z.enum(PACKAGE_PACINGS).optional(),
  bidPrice: money.nullable().optional(),
  remove: z.boolean().optional(),
  pageId: z.string().optional(),
  pixelId: z.string().optional(),
})
export type ProductUpdate = z.infer<typeof productUpdateSchema>

/** The longest reason or reply to a seller the platform accepts. */
export const MAX_REASON_LENGTH = 1000

export const MEDIA_BUY_ACTIONS = ['update', 'cancel', 'delete'] as const
export type MediaBuyActionKind = (typeof MEDIA_BUY_ACTIONS)[number]

export const mediaBuyActionSchema = z
  .strictObject({
    mediaBuyId: z.string().min(1),
    action: z.enum(MEDIA_BUY_ACTIONS).optional(),
    reason: z.string().max(MAX_REASON_LENGTH).optional(),
    packageIds: z.array(z.string().min(1)).min(1).optional(),
    name: z.string().min(1).max(255).optional(),
    packages: z.array(packageUpdateSchema).optional(),
    products: z.array(productUpdateSchema).optional(),
    pacingPeriods: pacingPeriodsSchema.nullable().optional(),
    start_time: z.union([z.literal('asap'), isoDateTimeSchema]).optional(),
    end_time: isoDateTimeSchema.optional(),
    optimization_goals: z.array(mediaBuyOptimizationGoalInputSchema).optional(),
    creative_ids: z.array(z.string().min(1)).optional(),
    updated_reason: z.string().max(MAX_REASON_LENGTH).optional(),
    suggestion_id: z.string().optional(),
  })
  .superRefine((entry, ctx) => {
    const action = entry.action ?? 'update'
    if (entry.creative_ids && action !== 'update') {
      ctx.addIssue({
        code: 'custom',
        path: ['creative_ids'],
        message: 'creative_ids is only valid with action "update"',
      })
    }
    if (entry.packageIds && action !== 'cancel') {
      ctx.addIssue({ code: 'custom', path: ['packageIds'], message: 'packageIds is only valid with action "cancel"' })
    }
    if (entry.reason !== undefined && action !== 'cancel') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason is only valid with action "cancel"' })
    }
  })
export type MediaBuyAction = z.infer<typeof mediaBuyActionSchema>

const flightDatesInputSchema = z
  .strictObject({ startDate: isoDateTimeSchema, endDate: isoDateTimeSchema })
  .refine((d) => d.startDate < d.endDate, { message: 'The end date must be after the start date', path: ['endDate'] })

export const updateCampaignBodySchema = z.looseObject({
  name: z.string().trim().min(1).max(255).optional(),
  brief: z.string().max(5000).optional(),
  flightDates: flightDatesInputSchema.optional(),
  budget: z
    .strictObject({
      total: money.optional(),
      currency: currencySchema.optional(),
      dailyCap: money.nullable().optional(),
      pacing: z.enum(BUDGET_PACINGS).optional(),
    })
    .optional(),
  frequencyCaps: z.array(frequencyCapInputSchema).optional(),
  pacingPeriods: pacingPeriodsSchema.nullable().optional(),
  mediaBuys: z.array(mediaBuyActionSchema).optional(),
  mode: z.enum(['discovery', 'performance']).optional(),
})
export type UpdateCampaignBody = z.infer<typeof updateCampaignBodySchema>

export const createCampaignBodySchema = z.looseObject({
  advertiserId: z.union([z.number().int(), z.string().regex(/^\d+$/)]),
  name: z.string().trim().min(1).max(255),
  mode: z.enum(['discovery', 'performance']),
  flightDates: flightDatesInputSchema,
  budget: z.strictObject({
    total: money,
    currency: currencySchema.optional(),
    dailyCap: money.optional(),
    pacing: z.enum(BUDGET_PACINGS).optional(),
  }),
  brief: z.string().max(5000).optional(),
  productIds: z.array(z.string()).optional(),
  frequencyCaps: z.array(frequencyCapInputSchema).optional(),
  pacingPeriods: pacingPeriodsSchema.optional(),
})
export type CreateCampaignBody = z.infer<typeof createCampaignBodySchema>
