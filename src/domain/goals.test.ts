import {
  buildGoal,
  emptyGoalDraft,
  goalDraftOf,
  goalProblems,
  targetOptions,
  withPriorities,
  type GoalDraft,
} from './goals.ts'
import {
  mediaBuyOptimizationGoalInputSchema,
  type MediaBuyOptimizationGoalInput,
} from '../api/schemas/shared-shapes.ts'

const allowedKinds = (goal: Parameters<typeof targetOptions>[0]) =>
  targetOptions(goal)
    .filter((o) => o.allowed)
    .map((o) => o.kind)

describe('optimization goal rules', () => {
  it('offers per_ad_spend and maximize_value for event goals only, threshold_rate for metric goals only', () => {
    expect(allowedKinds({ kind: 'event', hasValueField: true })).toEqual([
      'none',
      'cost_per',
      'per_ad_spend',
      'maximize_value',
    ])
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
    expect(goalProblems({ kind: 'metric', metric: 'clicks', view_duration_seconds: 15 })[0].path).toEqual([
      'view_duration_seconds',
    ])
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
    expect(buildGoal(event({ targetKind: 'cost_per', targetValue: '1,250.5' })).target).toEqual({
      kind: 'cost_per',
      value: 1250.5,
    })
  })

  it('event goal with ROAS keeps the value field; custom events carry their name', () => {
    const goal = buildGoal(
      event({
        eventSources: [
          { eventSourceId: 'es_2', eventType: 'custom', customEventName: ' signup_done ', valueField: 'revenue' },
        ],
        targetKind: 'per_ad_spend',
        targetValue: '4',
      }),
    )
    expect(goal).toEqual({
      kind: 'event',
      event_sources: [
        { event_source_id: 'es_2', event_type: 'custom', custom_event_name: 'signup_done', value_field: 'revenue' },
      ],
      target: { kind: 'per_ad_spend', value: 4 },
    })
    expect(goalProblems(goal)).toEqual([])
    valid(goal)
  })

  it('maximize_value has no value; no target sends no target', () => {
    expect(buildGoal(event({ targetKind: 'maximize_value', targetValue: '9' })).target).toEqual({
      kind: 'maximize_value',
    })
    expect(buildGoal(event()).target).toBeUndefined()
    expect(buildGoal(metric()).target).toBeUndefined()
  })

  it('metric goal with a threshold rate; view duration only for completed views', () => {
    const goal = buildGoal(
      metric({ metric: 'clicks', targetKind: 'threshold_rate', targetValue: '0.02', viewDurationSeconds: '15' }),
    )
    expect(goal).toEqual({ kind: 'metric', metric: 'clicks', target: { kind: 'threshold_rate', value: 0.02 } })
    valid(goal)
    const views = buildGoal(
      metric({ metric: 'completed_views', viewDurationSeconds: '15', targetKind: 'cost_per', targetValue: '0.05' }),
    )
    expect(views).toEqual({
      kind: 'metric',
      metric: 'completed_views',
      view_duration_seconds: 15,
      target: { kind: 'cost_per', value: 0.05 },
    })
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

describe('goal rules, field by field', () => {
  it('lists every target kind with why it does not fit', () => {
    const eventNoValue = [
      { kind: 'none', allowed: true },
      { kind: 'cost_per', allowed: true },
      { kind: 'per_ad_spend', allowed: false, reason: 'Needs a value field on at least one event source' },
      { kind: 'maximize_value', allowed: true },
      { kind: 'threshold_rate', allowed: false, reason: 'Only for metric goals' },
    ]
    expect(targetOptions({ kind: 'event' })).toEqual(eventNoValue)
    expect(targetOptions({ kind: 'event', hasValueField: true })[2]).toEqual({ kind: 'per_ad_spend', allowed: true })
    expect(targetOptions({ kind: 'metric', hasValueField: true })).toEqual([
      { kind: 'none', allowed: true },
      { kind: 'cost_per', allowed: true },
      { kind: 'per_ad_spend', allowed: false, reason: 'Only for event goals' },
      { kind: 'maximize_value', allowed: false, reason: 'Only for event goals' },
      { kind: 'threshold_rate', allowed: true },
    ])
  })

  it('a blank custom name or value field counts as missing; one value field among the sources is enough', () => {
    type EventGoal = Extract<MediaBuyOptimizationGoalInput, { kind: 'event' }>
    const event = (sources: EventGoal['event_sources'], target?: EventGoal['target']) =>
      goalProblems({ kind: 'event', event_sources: sources, ...(target ? { target } : {}) })
    expect(event([{ event_source_id: 'es', event_type: 'custom', custom_event_name: '  ' }])).toEqual([
      { path: ['event_sources', 0, 'custom_event_name'], message: 'Name the custom event' },
    ])
    expect(event([{ event_source_id: 'es', event_type: 'purchase' }])).toEqual([])
    const roas = { kind: 'per_ad_spend' as const, value: 3 }
    expect(
      event(
        [
          { event_source_id: 'a', event_type: 'purchase' },
          { event_source_id: 'b', event_type: 'purchase', value_field: 'value' },
        ],
        roas,
      ),
    ).toEqual([])
    expect(event([{ event_source_id: 'a', event_type: 'purchase', value_field: ' ' }], roas)).toEqual([
      { path: ['target', 'kind'], message: 'Return on ad spend needs a value field on at least one event source' },
    ])
    expect(goalProblems({ kind: 'metric', metric: 'clicks', view_duration_seconds: 5 })).toEqual([
      { path: ['view_duration_seconds'], message: 'A view duration applies only to completed views' },
    ])
    expect(goalProblems({ kind: 'metric', metric: 'clicks' })).toEqual([])
  })

  it('builds trimmed values and leaves out blank or zero ones', () => {
    const draft: GoalDraft = {
      ...emptyGoalDraft('event'),
      eventSources: [
        { eventSourceId: ' es_1 ', eventType: 'custom', customEventName: ' signup ', valueField: ' amount ' },
        { eventSourceId: 'es_2', eventType: 'purchase', customEventName: 'ignored', valueField: '  ' },
      ],
      attributionDays: '0',
    }
    expect(buildGoal(draft)).toEqual({
      kind: 'event',
      event_sources: [
        { event_source_id: 'es_1', event_type: 'custom', custom_event_name: 'signup', value_field: 'amount' },
        { event_source_id: 'es_2', event_type: 'purchase' },
      ],
    })
    expect(buildGoal({ ...draft, attributionDays: '  ' })).not.toHaveProperty('attribution_window')
    expect(buildGoal({ ...draft, attributionDays: '7' })).toMatchObject({
      attribution_window: { post_click: { interval: 7, unit: 'days' } },
    })
    const views: GoalDraft = { ...emptyGoalDraft('metric'), metric: 'completed_views', viewDurationSeconds: '1,500' }
    expect(buildGoal(views)).toEqual({ kind: 'metric', metric: 'completed_views', view_duration_seconds: 1500 })
    expect(buildGoal({ ...views, viewDurationSeconds: ' ' })).toEqual({ kind: 'metric', metric: 'completed_views' })
  })

  it('reads unknown or missing values from the API as the form defaults', () => {
    expect(emptyGoalDraft('metric')).toEqual({
      kind: 'metric',
      eventSources: [{ eventSourceId: '', eventType: 'purchase', customEventName: '', valueField: '' }],
      attributionDays: '',
      metric: 'clicks',
      viewDurationSeconds: '',
      targetKind: 'none',
      targetValue: '',
    })
    expect(goalDraftOf({ kind: 'metric', metric: 'dwell_time_v9', view_duration_seconds: null })).toEqual(
      emptyGoalDraft('metric'),
    )
    expect(goalDraftOf({ kind: 'metric', metric: 'clicks', target: { kind: 'cost_per', value: 0 } })).toMatchObject({
      targetKind: 'cost_per',
      targetValue: '0',
    })
    expect(
      goalDraftOf({
        kind: 'event',
        event_sources: [{ event_type: 'teleport' }],
        attribution_window: { post_click: { interval: 3, unit: 'hours' } },
      }),
    ).toEqual({
      ...emptyGoalDraft('event'),
      eventSources: [{ eventSourceId: '', eventType: 'purchase', customEventName: '', valueField: '' }],
      attributionDays: '',
    })
    expect(
      goalDraftOf({
        kind: 'event',
        event_sources: [{ event_source_id: 'es', event_type: 'lead' }],
        attribution_window: { post_click: { unit: 'days' } },
      }),
    ).toMatchObject({
      eventSources: [{ eventSourceId: 'es', eventType: 'lead' }],
      attributionDays: '',
    })
    expect(goalDraftOf({ kind: 'event' })).toBeNull()
    expect(goalDraftOf({ kind: 'reach', event_sources: [] })).toBeNull()
  })
})

describe('a goal read back into the form, and written from it', () => {
  it('opens a completed-views goal on its view duration', () => {
    const draft = goalDraftOf({ kind: 'metric', metric: 'completed_views', view_duration_seconds: 15 })
    expect(draft).toMatchObject({ metric: 'completed_views', viewDurationSeconds: '15' })
  })

  it('opens an event goal whose window names only post-view with no attribution days', () => {
    const draft = goalDraftOf({
      kind: 'event',
      event_sources: [{ event_source_id: 'es_1', event_type: 'purchase' }],
      attribution_window: { post_view: { interval: 1, unit: 'days' } },
    })
    expect(draft?.attributionDays).toBe('')
  })

  it('writes the custom event name and the attribution days without the spaces the buyer typed', () => {
    const draft: GoalDraft = {
      ...emptyGoalDraft('event'),
      eventSources: [
        { eventSourceId: 'es_1', eventType: 'custom', customEventName: '  newsletter_signup ', valueField: '' },
      ],
      attributionDays: ' 7 ',
    }
    expect(buildGoal(draft)).toEqual({
      kind: 'event',
      event_sources: [{ event_source_id: 'es_1', event_type: 'custom', custom_event_name: 'newsletter_signup' }],
      attribution_window: { post_click: { interval: 7, unit: 'days' } },
    })
  })
})

it('leaves out a custom event name of spaces only, rather than sending an empty one', () => {
  const draft: GoalDraft = {
    ...emptyGoalDraft('event'),
    eventSources: [{ eventSourceId: 'es_1', eventType: 'custom', customEventName: '   ', valueField: '' }],
  }
  expect(buildGoal(draft)).toEqual({
    kind: 'event',
    event_sources: [{ event_source_id: 'es_1', event_type: 'custom' }],
  })
})
