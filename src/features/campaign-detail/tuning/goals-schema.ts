import { z } from 'zod'
import { EVENT_TYPES, OPTIMIZATION_METRICS } from '@/api/schemas/common'
import type { GoalDraft } from '@/domain/goals'
import { parseAmount } from '@/domain/money'

// Goal targets and rates share the money fields' text rules (no exponents, NaN or pasted text), but not a currency's
// precision: a cost per view is often a fraction of a cent.
const positive = (text: string) => parseAmount(text).ok

const goalSchema = z
  .object({
    kind: z.enum(['event', 'metric']),
    eventSources: z.array(
      z.object({
        eventSourceId: z.string(),
        eventType: z.enum(EVENT_TYPES),
        customEventName: z.string(),
        valueField: z.string(),
      }),
    ),
    attributionDays: z
      .string()
      .refine((t) => t.trim() === '' || (Number.isInteger(Number(t)) && Number(t) >= 1), 'Whole days, 1 or more'),
    metric: z.enum(OPTIMIZATION_METRICS),
    viewDurationSeconds: z.string().refine((t) => t.trim() === '' || positive(t), 'Seconds, more than 0'),
    targetKind: z.enum(['none', 'cost_per', 'per_ad_spend', 'maximize_value', 'threshold_rate']),
    targetValue: z.string(),
  })
  .superRefine((g, ctx) => {
    if (g.kind === 'event') {
      g.eventSources.forEach((s, i) => {
        if (!s.eventSourceId.trim())
          ctx.addIssue({
            code: 'custom',
            path: ['eventSources', i, 'eventSourceId'],
            message: 'Enter the event source id',
          })
        if (s.eventType === 'custom' && !s.customEventName.trim())
          ctx.addIssue({
            code: 'custom',
            path: ['eventSources', i, 'customEventName'],
            message: 'Name the custom event',
          })
      })
      if (g.targetKind === 'threshold_rate')
        ctx.addIssue({ code: 'custom', path: ['targetKind'], message: 'A minimum rate is only for metric goals' })
      if (g.targetKind === 'per_ad_spend' && !g.eventSources.some((s) => s.valueField.trim()))
        ctx.addIssue({
          code: 'custom',
          path: ['targetKind'],
          message: 'Return on ad spend needs a value field on at least one event source',
        })
    } else if (g.targetKind === 'per_ad_spend' || g.targetKind === 'maximize_value') {
      ctx.addIssue({ code: 'custom', path: ['targetKind'], message: 'Only event goals can use this target' })
    }
    if (['cost_per', 'per_ad_spend', 'threshold_rate'].includes(g.targetKind) && !positive(g.targetValue))
      ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'Enter a target value above 0' })
  })

export const goalsFormSchema = z.object({ goals: z.array(goalSchema) })
export type GoalsFormValues = { goals: GoalDraft[] }
