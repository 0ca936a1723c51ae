import { flightProgress } from './flight'

const start = '2026-03-01T00:00:00Z'
const end = '2026-03-31T00:00:00Z'
const at = (iso: string) => Date.parse(iso)

describe('flightProgress', () => {
  it('counts the day of the flight', () => {
    expect(flightProgress(start, end, at('2026-03-12T10:00:00Z'))).toMatchObject({
      day: 12,
      days: 30,
      text: 'day 12 of 30',
    })
  })
  it('says when a flight has not started or has ended', () => {
    expect(flightProgress(start, end, at('2026-02-27T00:00:00Z'))?.text).toBe('starts in 2 d')
    expect(flightProgress(start, end, at('2026-04-02T00:00:00Z'))?.phase).toBe('after')
  })
  it('gives up on nonsense dates', () => {
    expect(flightProgress('soon', end, 0)).toBeUndefined()
  })
})
