import { describe, expect, it } from 'vitest'
import { changeLineText, describeChanges } from './audit-changes'

const ctx = {
  currency: 'EUR',
  locale: 'en-US',
  names: new Map([
    ['mb_1', 'Summit Audio'],
    ['pkg_2', 'Homepage takeover'],
  ]),
}

describe('describeChanges (History rows, D10)', () => {
  it('formats a package budget as money in the campaign currency, naming the buy and the package', () => {
    const [line] = describeChanges({ 'mediaBuys[mb_1].packages[pkg_2].budget': { from: 5000, to: 7500.5 } }, ctx)
    expect(line).toMatchObject({
      field: 'Budget',
      context: 'Buy Summit Audio · Package Homepage takeover',
      kind: 'money',
      from: '€5,000.00',
      to: '€7,500.50',
    })
    expect(changeLineText(line)).toBe('Buy Summit Audio · Package Homepage takeover: budget €5,000.00 → €7,500.50')
  })

  it('reads dotted paths and a campaign budget total the same way', () => {
    const lines = describeChanges(
      { 'budget.total': { from: 10000, to: 8000 }, 'packages.pkg_2.budget': { from: 1, to: 2 } },
      ctx,
    )
    expect(lines.map(changeLineText)).toEqual([
      'Budget €10,000.00 → €8,000.00',
      'Package Homepage takeover: budget €1.00 → €2.00',
    ])
  })

  it('formats calendar days as dates and instants with their time', () => {
    const [day, instant] = describeChanges(
      {
        'flightDates.endDate': { from: '2026-03-31', to: '2026-04-30T00:00:00Z' },
        'mediaBuys[mb_1].startTime': { from: '2026-03-01T09:30:00Z', to: null },
      },
      ctx,
    )
    expect(day).toMatchObject({ field: 'End', kind: 'date', from: 'Mar 31, 2026', to: 'Apr 30, 2026' })
    expect(instant.field).toBe('Start')
    expect(instant.from).toMatch(/Mar 1, 2026/)
    expect(instant.to).toBe('none')
  })

  it('shows statuses with their D2 labels and enums as labels, never as raw codes', () => {
    const lines = describeChanges(
      {
        'mediaBuys[mb_1].status': { from: 'PENDING_APPROVAL', to: 'ACTIVE' },
        'mediaBuys[mb_1].packages[pkg_2].pacing': { from: 'EVEN', to: 'FRONT_LOADED' },
        'mediaBuys[mb_1].status2': { from: 'SOMETHING_NEW', to: 'x' },
      },
      ctx,
    )
    expect(lines[0]).toMatchObject({ kind: 'status', from: 'Pending approval', to: 'Active' })
    expect(lines[1]).toMatchObject({ field: 'Pacing', from: 'Even', to: 'Front loaded' })
    expect(lines[2].from).toBe('Something new')
  })

  it('renders an unknown shape field by field: arrays, nested objects, booleans and money objects in words', () => {
    const lines = describeChanges(
      {
        creativeIds: ['cr_1', 'cr_2'],
        frequencyCaps: [{ max_impressions: 3, window: { interval: 1, unit: 'day' } }],
        paused: true,
        budget: { total: 1200, currency: 'USD' },
      },
      ctx,
    )
    expect(lines.map((l) => [l.field, l.from, l.to])).toEqual([
      ['Creatives', undefined, 'cr_1, cr_2'],
      ['Frequency caps', undefined, 'max impressions: 3, window: (interval: 1, unit: day)'],
      ['Paused', undefined, 'yes'],
      ['Budget', undefined, '$1,200.00'],
    ])
    expect(changeLineText(lines[2])).toBe('Paused set to yes')
    expect(lines.some((l) => /[{}"]/.test(l.to))).toBe(false)
  })

  it('says a field was set when it had no value before, and marks a proposed (pending) change', () => {
    const lines = describeChanges(
      { name: { from: null, to: 'Spring' }, 'pendingChange.budget': { from: 30000, to: 34000 } },
      ctx,
    )
    expect(lines.map(changeLineText)).toEqual(['Name set to Spring', 'Proposed: budget €30,000.00 → €34,000.00'])
  })

  it('has nothing to say for a row without changes', () => {
    expect(describeChanges(null, ctx)).toEqual([])
    expect(describeChanges({}, ctx)).toEqual([])
  })
})
