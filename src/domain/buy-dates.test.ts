import { buyDateIssues, dayStartIso, utcDay } from './buy-dates.ts'

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
    expect(issues).toEqual([
      { field: 'start_time', message: 'The start must fall within the campaign flight (2026-12-01 – 2026-12-31).' },
      { field: 'end_time', message: 'The end must fall within the campaign flight (2026-12-01 – 2026-12-31).' },
    ])
  })

  it('says only that a date is outside the flight, not also that it is on the wrong side of the other date', () => {
    const current = { start: '2026-12-05T00:00:00Z', end: '2026-12-25T00:00:00Z' }
    expect(fields({ flight, current, start: '2027-01-05T00:00:00Z' })).toEqual(['start_time'])
    expect(fields({ flight, current, end: '2026-11-20T00:00:00Z' })).toEqual(['end_time'])
  })

  it('checks nothing while the campaign flight is not known', () => {
    const bad = { current: {}, start: '2020-01-01T00:00:00Z', end: '2030-01-01T00:00:00Z' }
    expect(buyDateIssues({ ...bad, flight: { start: '', end: flight.end } })).toEqual([])
    expect(buyDateIssues({ ...bad, flight: { start: flight.start, end: 'not a date' } })).toEqual([])
  })

  it('says nothing about the dates a buy already has when the change leaves them alone', () => {
    const current = { start: '2026-12-20T00:00:00Z', end: '2026-12-10T00:00:00Z' }
    expect(buyDateIssues({ flight, current })).toEqual([])
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
    expect(buyDateIssues({ flight, current, start: '2026-12-28T00:00:00Z' })).toEqual([
      { field: 'start_time', message: 'The start must be before the end (2026-12-25).' },
    ])
    expect(fields({ flight, current, start: '2026-12-20T00:00:00Z' })).toEqual([])
  })

  it('reads an ASAP start as the flight start', () => {
    expect(fields({ flight, current: { start: 'asap' }, end: '2026-12-02T00:00:00Z' })).toEqual([])
    expect(fields({ flight, current: {}, start: 'asap', end: '2026-12-02T00:00:00Z' })).toEqual([])
  })
})

describe('calendar days and the instants the API takes for them', () => {
  it('reads the UTC day of an instant and sends a day as its start, 00:00 UTC', () => {
    expect(utcDay('2026-12-04T23:30:00Z')).toBe('2026-12-04')
    expect(dayStartIso('2026-12-04')).toBe('2026-12-04T00:00:00Z')
  })
})
