import { z } from 'zod'
import { campaignStatusSchema, mediaBuyStatusSchema } from './common.ts'

export const executeBodySchema = z.strictObject({ debug: z.boolean().optional() })
export type ExecuteBody = z.infer<typeof executeBodySchema>

export const executeDebugSchema = z.looseObject({
  request: z.unknown().optional(),
  response: z.unknown().optional(),
  debugLogs: z.array(z.unknown()).optional(),
  error: z.string().optional(),
})
export type ExecuteDebug = z.infer<typeof executeDebugSchema>

export const executionErrorSchema = z.looseObject({
  mediaBuyId: z.string(),
  salesAgentId: z.string(),
  message: z.string(),
  debug: executeDebugSchema.optional(),
})
export type ExecutionError = z.infer<typeof executionErrorSchema>

export const executeWarningSchema = z.union([
  z.looseObject({
    type: z.literal('creatives_dropped'),
    mediaBuyId: z.string(),
    dropped: z.array(z.looseObject({ creativeId: z.string(), formatId: z.string(), reason: z.string() })),
  }),
  z.looseObject({ type: z.literal('stale_draft'), mediaBuyIds: z.array(z.string()), hint: z.string() }),
  // A warning type added upstream is kept and shown generically.
  z.looseObject({ type: z.string() }),
])
export type ExecuteWarning = z.infer<typeof executeWarningSchema>

export const campaignStatusChangeResponseSchema = z.looseObject({
  campaignId: z.string(),
  previousStatus: campaignStatusSchema,
  newStatus: campaignStatusSchema,
  success: z.boolean(),
  mediaBuysExecuted: z.number().optional(),
  reason: z.string().optional(),
  errors: z.array(executionErrorSchema).optional(),
  warnings: z.array(executeWarningSchema).optional(),
})
export type CampaignStatusChangeResponse = z.infer<typeof campaignStatusChangeResponseSchema>

export const mediaBuyCascadeResultSchema = z.looseObject({
  mediaBuyId: z.string(),
  name: z.string(),
  previousStatus: mediaBuyStatusSchema,
  newStatus: mediaBuyStatusSchema.optional(),
  success: z.boolean(),
  error: z.string().optional(),
})

export const campaignCascadeResponseSchema = z.looseObject({
  campaignId: z.string(),
  campaignName: z.string(),
  previousStatus: campaignStatusSchema,
  newStatus: campaignStatusSchema,
  mediaBuyResults: z.array(mediaBuyCascadeResultSchema),
  totalMediaBuys: z.number(),
  successCount: z.number(),
  failureCount: z.number(),
})
export type CampaignCascadeResponse = z.infer<typeof campaignCascadeResponseSchema>
