import { buyDateIssues } from './buy-dates.ts'

const flight = { start: '2026-12-01T00:00:00Z', end: '2026-12-31T00:00:00Z' }
const fields = (input: Parameters<typeof buyDateIssues>[0]) => buyDateIssues(input).map((i) => i.field)

describe('a buy’s dates against its campaign flight', () => {
  it('accepts dates inside the flight, the flight’s own first and last day included', () => {
    expect(fields({ flight, current: {}, start: flight.start, end: flight.end })).toEqual([])
    expect(fields({ flight, current: {}, start: '2026-12-05T00:00:00Z', end: '2026-12-20T00:00:00Z' })).toEqual([])
  })

  it('refuses a start or an end outside the flight, on its own field, naming the flight', () => {
    const issues = buyDateIssues({ flight, current: {}, start: '2026-11-30T00:00:00Z', end: '2027-01-01T00:00:00Z' })
    expect(issues.map((i) => i.field)).toEqual(['start_time', 'end_time'])
    expect(issues[0].message).toContain('2026-12-01 – 2026-12-31')
  })

  it('refuses an end before the start, on the end', () => {
    const issues = buyDateIssues({ flight, current: {}, start: '2026-12-20T00:00:00Z', end: '2026-12-10T00:00:00Z' })
    expect(issues).toEqual([{ field: 'end_time', message: 'The end must be after the start (2026-12-20).' }])
    expect(fields({ flight, current: {}, start: '2026-12-10T00:00:00Z', end: '2026-12-10T00:00:00Z' })).toEqual([
      'end_time',
    ])
  })

  it('compares a changed date with the buy’s other date as it is now', () => {
    const current = { start: '2026-12-15T00:00:00Z', end: '2026-12-25T00:00:00Z' }
    expect(fields({ flight, current, end: '2026-12-10T00:00:00Z' })).toEqual(['end_time'])
    expect(fields({ flight, current, start: '2026-12-28T00:00:00Z' })).toEqual(['start_time'])
    expect(fields({ flight, current, start: '2026-12-20T00:00:00Z' })).toEqual([])
  })

  it('reads an ASAP start as the flight start', () => {
    expect(fields({ flight, current: { start: 'asap' }, end: '2026-12-02T00:00:00Z' })).toEqual([])
    expect(fields({ flight, current: {}, start: 'asap', end: '2026-12-02T00:00:00Z' })).toEqual([])
  })
})
