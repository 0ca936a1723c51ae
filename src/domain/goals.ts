import type { MediaBuyOptimizationGoalInput } from '../api/schemas/shared-shapes.ts'

// Optimization goal rules (CONTRACT §3.6 and the product brief): which targets fit which goals, and why not.

/** The ten metrics of the product brief, in its order; `reach` exists upstream but the brief does not offer it. */
export const BRIEF_METRICS = [
  'clicks',
  'views',
  'completed_views',
  'viewed_seconds',
  'attention_seconds',
  'attention_score',
  'engagements',
  'follows',
  'saves',
  'profile_visits',
] as const

export type TargetKind = 'none' | 'cost_per' | 'per_ad_spend' | 'maximize_value' | 'threshold_rate'

export interface TargetOption {
  kind: TargetKind
  allowed: boolean
  reason?: string
}

export const TARGET_LABELS: Record<TargetKind, string> = {
  none: 'No target (maximize volume)',
  cost_per: 'Cost per',
  per_ad_spend: 'Return on ad spend',
  maximize_value: 'Maximize value',
  threshold_rate: 'Minimum rate',
}

/** Every target kind, with whether it fits this goal and why not. */
export function targetOptions(goal: { kind: 'event' | 'metric'; hasValueField?: boolean }): TargetOption[] {
  const isEvent = goal.kind === 'event'
  return [
    { kind: 'none', allowed: true },
    { kind: 'cost_per', allowed: true },
    isEvent
      ? goal.hasValueField
        ? { kind: 'per_ad_spend', allowed: true }
        : { kind: 'per_ad_spend', allowed: false, reason: 'Needs a value field on at least one event source' }
      : { kind: 'per_ad_spend', allowed: false, reason: 'Only for event goals' },
    isEvent ? { kind: 'maximize_value', allowed: true } : { kind: 'maximize_value', allowed: false, reason: 'Only for event goals' },
    isEvent ? { kind: 'threshold_rate', allowed: false, reason: 'Only for metric goals' } : { kind: 'threshold_rate', allowed: true },
  ]
}

export interface GoalProblem {
  path: (string | number)[]
  message: string
}

/** Cross-field rules a schema cannot express; each problem names the field it belongs to. */
export function goalProblems(goal: MediaBuyOptimizationGoalInput): GoalProblem[] {
  const problems: GoalProblem[] = []
  if (goal.kind === 'event') {
    goal.event_sources.forEach((source, i) => {
      if (source.event_type === 'custom' && !source.custom_event_name?.trim())
        problems.push({ path: ['event_sources', i, 'custom_event_name'], message: 'Name the custom event' })
    })
    if (goal.target?.kind === 'per_ad_spend' && !goal.event_sources.some((s) => s.value_field?.trim()))
      problems.push({ path: ['target', 'kind'], message: 'Return on ad spend needs a value field on at least one event source' })
  } else {
    if (goal.view_duration_seconds !== undefined && goal.metric !== 'completed_views')
      problems.push({ path: ['view_duration_seconds'], message: 'A view duration applies only to completed views' })
  }
  return problems
}

/** Priorities 1..n in list order, as the API reads them (1 = highest). */
export function withPriorities<T extends { priority?: number }>(goals: readonly T[]): T[] {
  return goals.map((goal, index) => ({ ...goal, priority: index + 1 }))
}
