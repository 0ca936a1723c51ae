import { goalProblems, targetOptions, withPriorities } from './goals.ts'

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
