import { z } from 'zod'
import { ATTRIBUTION_MODELS, DURATION_UNITS, EVENT_TYPES, isoDateSchema, OPTIMIZATION_METRICS } from './common.ts'

// Shapes used both when reading a campaign and when writing an update.

export const durationSchema = z.strictObject({
  interval: z.number().int().min(1),
  unit: z.enum(DURATION_UNITS),
})
export type Duration = z.infer<typeof durationSchema>

const positiveMoney = z.number().positive().finite()

const eventTargetSchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('cost_per'), value: positiveMoney }),
  z.looseObject({ kind: z.literal('per_ad_spend'), value: positiveMoney }),
  z.looseObject({ kind: z.literal('maximize_value') }),
])
const metricTargetSchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('cost_per'), value: positiveMoney }),
  z.looseObject({ kind: z.literal('threshold_rate'), value: z.number().positive().finite() }),
])

export const eventSourceSchema = z.looseObject({
  event_source_id: z.string().min(1),
  event_type: z.enum(EVENT_TYPES),
  custom_event_name: z.string().min(1).max(255).optional(),
  value_field: z.string().min(1).max(255).optional(),
  value_factor: z.number().finite().optional(),
})

/** Media-buy level goals (AdCP snake_case). Open objects, as in the OpenAPI; the cross-field rules live in src/domain. */
export const eventGoalSchema = z.looseObject({
  kind: z.literal('event'),
  event_sources: z.array(eventSourceSchema).min(1),
  target: eventTargetSchema.optional(),
  attribution_window: z
    .looseObject({
      post_click: durationSchema.optional(),
      post_view: durationSchema.optional(),
      model: z.enum(ATTRIBUTION_MODELS).optional(),
    })
    .optional(),
  priority: z.number().int().min(1).optional(),
})

export const metricGoalSchema = z.looseObject({
  kind: z.literal('metric'),
  metric: z.enum(OPTIMIZATION_METRICS),
  reach_unit: z.enum(['individuals', 'households', 'devices', 'accounts', 'cookies', 'custom']).optional(),
  target_frequency: z
    .looseObject({ min: z.number().optional(), max: z.number().optional(), window: durationSchema })
    .optional(),
  view_duration_seconds: z.number().positive().optional(),
  target: metricTargetSchema.optional(),
  priority: z.number().int().min(1).optional(),
})

export const mediaBuyOptimizationGoalInputSchema = z.discriminatedUnion('kind', [eventGoalSchema, metricGoalSchema])
export type MediaBuyOptimizationGoalInput = z.infer<typeof mediaBuyOptimizationGoalInputSchema>

/** On read, goals of kinds this dashboard does not edit (vendor_metric) still pass through. */
export const mediaBuyOptimizationGoalSchema = z.looseObject({ kind: z.string(), priority: z.number().optional() })
export type MediaBuyOptimizationGoal = z.infer<typeof mediaBuyOptimizationGoalSchema>

export const pacingPeriodSchema = z.looseObject({
  label: z.string().min(1).max(100),
  start: isoDateSchema,
  end: isoDateSchema,
  weight: z.number().min(0).max(10).optional(),
  budget: z.number().min(0).optional(),
})
export const pacingPeriodsSchema = z.looseObject({
  mode: z.enum(['weight', 'budget']),
  periods: z.array(pacingPeriodSchema).min(1).max(52),
})
export type PacingPeriods = z.infer<typeof pacingPeriodsSchema>

export const frequencyCapInputSchema = z.strictObject({
  max_impressions: z.number().int().min(1),
  window: durationSchema,
})
export type FrequencyCapInput = z.infer<typeof frequencyCapInputSchema>

export const frequencyCapSchema = z.looseObject({
  id: z.string().optional(),
  max_impressions: z.number(),
  window: z.looseObject({ interval: z.number(), unit: z.string() }),
  targetLevel: z.string().optional(),
  targetId: z.string().optional(),
})
export type FrequencyCap = z.infer<typeof frequencyCapSchema>
