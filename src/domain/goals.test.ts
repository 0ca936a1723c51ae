import { buildGoal, emptyGoalDraft, goalDraftOf, goalProblems, targetOptions, withPriorities, type GoalDraft } from './goals.ts'
import { mediaBuyOptimizationGoalInputSchema } from '../api/schemas/shared-shapes.ts'

const allowedKinds = (goal: Parameters<typeof targetOptions>[0]) =>
  targetOptions(goal)
    .filter((o) => o.allowed)
    .map((o) => o.kind)

describe('optimization goal rules', () => {
  it('offers per_ad_spend and maximize_value for event goals only, threshold_rate for metric goals only', () => {
    expect(allowedKinds({ kind: 'event', hasValueField: true })).toEqual(['none', 'cost_per', 'per_ad_spend', 'maximize_value'])
    expect(allowedKinds({ kind: 'metric' })).toEqual(['none', 'cost_per', 'threshold_rate'])
  })

  it('explains why per_ad_spend is unavailable without a value field', () => {
    const roas = targetOptions({ kind: 'event', hasValueField: false }).find((o) => o.kind === 'per_ad_spend')
    expect(roas).toMatchObject({ allowed: false, reason: expect.stringMatching(/value field/) })
  })

  it('flags a custom event without a name and ROAS without a value field, on the right fields', () => {
    expect(
      goalProblems({
        kind: 'event',
        event_sources: [{ event_source_id: 'es_1', event_type: 'custom' }],
        target: { kind: 'per_ad_spend', value: 4 },
      }).map((p) => p.path.join('.')),
    ).toEqual(['event_sources.0.custom_event_name', 'target.kind'])
  })

  it('accepts a view duration only on completed views', () => {
    expect(goalProblems({ kind: 'metric', metric: 'completed_views', view_duration_seconds: 15 })).toEqual([])
    expect(goalProblems({ kind: 'metric', metric: 'clicks', view_duration_seconds: 15 })[0].path).toEqual(['view_duration_seconds'])
  })

  it('numbers priorities in list order', () => {
    expect(withPriorities([{ priority: 3 }, {}]).map((g) => g.priority)).toEqual([1, 2])
  })
})

describe('goal payload builder (snake_case, only the fields that apply)', () => {
  const event = (over: Partial<GoalDraft> = {}): GoalDraft => ({
    ...emptyGoalDraft('event'),
    eventSources: [{ eventSourceId: 'es_1', eventType: 'purchase', customEventName: 'ignored', valueField: '' }],
    ...over,
  })
  const metric = (over: Partial<GoalDraft> = {}): GoalDraft => ({ ...emptyGoalDraft('metric'), ...over })
  const valid = (goal: unknown) => expect(mediaBuyOptimizationGoalInputSchema.safeParse(goal).success).toBe(true)

  it('event goal with a CPA target and an attribution window; custom name only for custom events', () => {
    const goal = buildGoal(event({ targetKind: 'cost_per', targetValue: '12.5', attributionDays: '7' }))
    expect(goal).toEqual({
      kind: 'event',
      event_sources: [{ event_source_id: 'es_1', event_type: 'purchase' }],
      target: { kind: 'cost_per', value: 12.5 },
      attribution_window: { post_click: { interval: 7, unit: 'days' } },
    })
    valid(goal)
  })

  it('reads a target typed with thousands groups the way money fields do', () => {
    expect(buildGoal(event({ targetKind: 'cost_per', targetValue: '1,250.5' })).target).toEqual({ kind: 'cost_per', value: 1250.5 })
  })

  it('event goal with ROAS keeps the value field; custom events carry their name', () => {
    const goal = buildGoal(
      event({
        eventSources: [{ eventSourceId: 'es_2', eventType: 'custom', customEventName: ' signup_done ', valueField: 'revenue' }],
        targetKind: 'per_ad_spend',
        targetValue: '4',
      }),
    )
    expect(goal).toEqual({
      kind: 'event',
      event_sources: [{ event_source_id: 'es_2', event_type: 'custom', custom_event_name: 'signup_done', value_field: 'revenue' }],
      target: { kind: 'per_ad_spend', value: 4 },
    })
    expect(goalProblems(goal)).toEqual([])
    valid(goal)
  })

  it('maximize_value has no value; no target sends no target', () => {
    expect(buildGoal(event({ targetKind: 'maximize_value', targetValue: '9' })).target).toEqual({ kind: 'maximize_value' })
    expect(buildGoal(event()).target).toBeUndefined()
    expect(buildGoal(metric()).target).toBeUndefined()
  })

  it('metric goal with a threshold rate; view duration only for completed views', () => {
    const goal = buildGoal(metric({ metric: 'clicks', targetKind: 'threshold_rate', targetValue: '0.02', viewDurationSeconds: '15' }))
    expect(goal).toEqual({ kind: 'metric', metric: 'clicks', target: { kind: 'threshold_rate', value: 0.02 } })
    valid(goal)
    const views = buildGoal(metric({ metric: 'completed_views', viewDurationSeconds: '15', targetKind: 'cost_per', targetValue: '0.05' }))
    expect(views).toEqual({ kind: 'metric', metric: 'completed_views', view_duration_seconds: 15, target: { kind: 'cost_per', value: 0.05 } })
    valid(views)
  })

  it('reads goals back into drafts, round-tripping', () => {
    const goal = buildGoal(metric({ metric: 'attention_score', targetKind: 'threshold_rate', targetValue: '60' }))
    expect(buildGoal(goalDraftOf(goal)!)).toEqual(goal)
    const ev = buildGoal(event({ targetKind: 'cost_per', targetValue: '3', attributionDays: '30' }))
    expect(buildGoal(goalDraftOf(ev)!)).toEqual(ev)
    expect(goalDraftOf({ kind: 'vendor_metric' })).toBeNull()
  })
})
