import type { MediaBuyOptimizationGoalInput } from '../api/schemas/shared-shapes.ts'
import { EVENT_TYPES, OPTIMIZATION_METRICS, type EventType, type OptimizationMetric } from '../api/schemas/common.ts'
import { parseAmount } from './money.ts'

// Optimization goal rules (CONTRACT §3.6 and the product brief): which targets fit which goals, and why not.

/** The ten metrics of the product brief; `reach` exists upstream (Aug 2026) but the brief does not offer it. */
export const BRIEF_METRICS = OPTIMIZATION_METRICS.filter(
  (metric): metric is Exclude<OptimizationMetric, 'reach'> => metric !== 'reach',
)

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
    isEvent
      ? { kind: 'maximize_value', allowed: true }
      : { kind: 'maximize_value', allowed: false, reason: 'Only for event goals' },
    isEvent
      ? { kind: 'threshold_rate', allowed: false, reason: 'Only for metric goals' }
      : { kind: 'threshold_rate', allowed: true },
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
      problems.push({
        path: ['target', 'kind'],
        message: 'Return on ad spend needs a value field on at least one event source',
      })
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

/** A goal as a form holds it: flat, every field present, strings for what the buyer types. */
export interface GoalDraft {
  kind: 'event' | 'metric'
  eventSources: { eventSourceId: string; eventType: EventType; customEventName: string; valueField: string }[]
  attributionDays: string
  metric: OptimizationMetric
  viewDurationSeconds: string
  targetKind: TargetKind
  targetValue: string
}

/** The snake_case goal the API takes; fields that do not apply to the kind are dropped, never sent empty. */
export function buildGoal(draft: GoalDraft): MediaBuyOptimizationGoalInput {
  const parsed = parseAmount(draft.targetValue)
  const value = parsed.ok ? parsed.value : Number.NaN
  const kind = draft.targetKind
  if (draft.kind === 'event') {
    const days = Number(draft.attributionDays)
    const target =
      kind === 'maximize_value'
        ? { kind }
        : kind === 'cost_per' || kind === 'per_ad_spend'
          ? { kind, value }
          : undefined
    return {
      kind: 'event',
      event_sources: draft.eventSources.map((s) => ({
        event_source_id: s.eventSourceId.trim(),
        event_type: s.eventType,
        ...(s.eventType === 'custom' && s.customEventName.trim()
          ? { custom_event_name: s.customEventName.trim() }
          : {}),
        ...(s.valueField.trim() ? { value_field: s.valueField.trim() } : {}),
      })),
      ...(target ? { target } : {}),
      ...(draft.attributionDays.trim() && days > 0
        ? { attribution_window: { post_click: { interval: days, unit: 'days' as const } } }
        : {}),
    }
  }
  const target = kind === 'cost_per' || kind === 'threshold_rate' ? { kind, value } : undefined
  return {
    kind: 'metric',
    metric: draft.metric,
    ...(draft.metric === 'completed_views' && draft.viewDurationSeconds.trim()
      ? { view_duration_seconds: Number(draft.viewDurationSeconds.replace(/,/g, '')) }
      : {}),
    ...(target ? { target } : {}),
  }
}

/** The form's starting point for a goal read from the API (unknown kinds are kept out of the editor by the caller). */
export function goalDraftOf(goal: Record<string, unknown>): GoalDraft | null {
  const blank = emptyGoalDraft(goal.kind === 'event' ? 'event' : 'metric')
  const target = goal.target as { kind?: TargetKind; value?: number } | undefined
  const base = {
    ...blank,
    targetKind: target?.kind ?? 'none',
    targetValue: target?.value != null ? String(target.value) : '',
  }
  if (goal.kind === 'metric') {
    return {
      ...base,
      metric: isMetric(goal.metric) ? goal.metric : 'clicks',
      viewDurationSeconds: goal.view_duration_seconds != null ? String(goal.view_duration_seconds) : '',
    }
  }
  if (goal.kind === 'event' && Array.isArray(goal.event_sources)) {
    const window = goal.attribution_window as { post_click?: { interval?: number; unit?: string } } | undefined
    return {
      ...base,
      eventSources: (goal.event_sources as Record<string, string | undefined>[]).map((s) => ({
        eventSourceId: s.event_source_id ?? '',
        eventType: isEventType(s.event_type) ? s.event_type : 'purchase',
        customEventName: s.custom_event_name ?? '',
        valueField: s.value_field ?? '',
      })),
      attributionDays: window?.post_click?.unit === 'days' ? String(window.post_click.interval ?? '') : '',
    }
  }
  return null
}

export function emptyGoalDraft(kind: 'event' | 'metric'): GoalDraft {
  return {
    kind,
    eventSources: [{ eventSourceId: '', eventType: 'purchase', customEventName: '', valueField: '' }],
    attributionDays: '',
    metric: 'clicks',
    viewDurationSeconds: '',
    targetKind: 'none',
    targetValue: '',
  }
}

const isMetric = (v: unknown): v is OptimizationMetric => OPTIMIZATION_METRICS.some((m) => m === v)
const isEventType = (v: unknown): v is EventType => EVENT_TYPES.some((t) => t === v)
