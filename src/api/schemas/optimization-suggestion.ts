import { z } from 'zod'

/** /optimization-suggestions (CONTRACT §12, D12). Field names as the spec's `OptimizationSuggestion*` schemas. */
export const SUGGESTION_STATUSES = [
  'CREATED',
  'CREATED_FAILED',
  'INGESTED',
  'INGESTED_FAIL',
  'HIL_WAITING',
  'HIL_APPROVED',
  'HIL_REJECTED',
  'APPLIED',
  'APPLIED_FAIL',
  'REJECTED',
  'EXPIRED',
] as const
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number]

/** The one status in which a suggestion waits for a person; approve and reject answer 409 in any other. */
export const SUGGESTION_WAITING: SuggestionStatus = 'HIL_WAITING'

export const PACING_RECOMMENDATION_STATUSES = ['on_pace', 'under_spending', 'over_spending'] as const
export type PacingRecommendationStatus = (typeof PACING_RECOMMENDATION_STATUSES)[number]

/** Largest `limit` the list accepts; `offset` pages on, `hasMore` says when to. */
export const SUGGESTIONS_MAX_LIMIT = 100
export const SUGGESTION_REASON_MAX = 1000

export const optimizationSuggestionListItemSchema = z.looseObject({
  suggestionId: z.string(),
  campaignId: z.string(),
  mediaBuyId: z.string(),
  optimizationMetric: z.string().nullable(),
  status: z.string(),
  productAdjustmentCount: z.number(),
  bidAdjustmentCount: z.number(),
  createdAt: z.string(),
  statusUpdatedAt: z.string(),
})
export type OptimizationSuggestionListItem = z.infer<typeof optimizationSuggestionListItemSchema>

export const optimizationSuggestionListSchema = z.looseObject({
  suggestions: z.array(optimizationSuggestionListItemSchema),
  totalCount: z.number(),
  hasMore: z.boolean(),
})
export type OptimizationSuggestionList = z.infer<typeof optimizationSuggestionListSchema>

export const pacingRecommendationSchema = z.looseObject({
  status: z.string(),
  errorRatio: z.number(),
  currentDailyRate: z.number(),
  recommendedDailySpend: z.number(),
  message: z.string(),
})
export type PacingRecommendation = z.infer<typeof pacingRecommendationSchema>

export const optimizationSuggestionDetailSchema = z.looseObject({
  suggestionId: z.string(),
  optimizerRunId: z.string().nullable(),
  campaignId: z.string(),
  mediaBuyId: z.string(),
  suggestionTimestamp: z.string().nullable(),
  modelVersion: z.string().nullable(),
  optimizationMetric: z.string().nullable(),
  mediaBuyScalingFactor: z.number().nullable(),
  mediaBuyScalingRationale: z.string().nullable(),
  pacingRecommendation: pacingRecommendationSchema.nullable(),
  status: z.string(),
  statusReason: z.string().nullable(),
  statusError: z.string().nullable(),
  createdAt: z.string(),
  statusUpdatedAt: z.string(),
})
export type OptimizationSuggestionDetail = z.infer<typeof optimizationSuggestionDetailSchema>

/** POST /optimization-suggestions/{id}/approve and /reject. */
export const optimizationSuggestionStatusSchema = z.looseObject({ suggestionId: z.string(), status: z.string() })
export type OptimizationSuggestionStatus = z.infer<typeof optimizationSuggestionStatusSchema>

/** POST /optimization-suggestions/{id}/reject: the body is required, the reason optional. */
export const rejectSuggestionBodySchema = z.object({
  reason: z.string().max(SUGGESTION_REASON_MAX, `At most ${SUGGESTION_REASON_MAX} characters`).optional(),
})
export type RejectSuggestionBody = z.infer<typeof rejectSuggestionBodySchema>
