// A media buy's dates against its campaign's flight (CONTRACT §4.2, §12: checked on PUT). One rule for the form,
// which refuses bad dates on their field before sending, and for the sandbox, which refuses them on the API.
//
// Flight dates are calendar days sent as midnight UTC; a buy's dates are the same kind of instant. The API compares
// instants, so the boundary of a day is 00:00 UTC whatever the buyer's own time zone.

/** The calendar day (UTC) of an ISO instant: `2026-12-04T00:00:00Z` → `2026-12-04`. */
export const utcDay = (iso: string): string => iso.slice(0, 10)

/** The instant the API takes for a calendar day: its start, 00:00 UTC. */
export const dayStartIso = (day: string): string => `${day}T00:00:00Z`

export interface BuyDatesInput {
  /** The campaign flight, ISO instants. */
  flight: { start: string; end: string }
  /** The buy's dates now (start may be 'asap'); the one not being changed is compared with the one that is. */
  current: { start?: string | null; end?: string | null }
  /** The new start ('asap' or ISO), when it changes. */
  start?: string
  /** The new end (ISO), when it changes. */
  end?: string
}

export interface BuyDateIssue {
  field: 'start_time' | 'end_time'
  message: string
}

const time = (iso: string | null | undefined) => {
  const t = iso && iso !== 'asap' ? Date.parse(iso) : NaN
  return Number.isNaN(t) ? undefined : t
}

/** What is wrong with a buy's new dates, per field; empty when they may be sent. */
export function buyDateIssues(input: BuyDatesInput): BuyDateIssue[] {
  const flightStart = time(input.flight.start)
  const flightEnd = time(input.flight.end)
  if (flightStart === undefined || flightEnd === undefined) return []
  const flight = `${utcDay(input.flight.start)} – ${utcDay(input.flight.end)}`
  const issues: BuyDateIssue[] = []
  const outside = (t: number) => t < flightStart || t > flightEnd

  const start = time(input.start)
  if (start !== undefined && outside(start))
    issues.push({ field: 'start_time', message: `The start must fall within the campaign flight (${flight}).` })
  const end = time(input.end)
  if (end !== undefined && outside(end))
    issues.push({ field: 'end_time', message: `The end must fall within the campaign flight (${flight}).` })
  if (issues.length) return issues

  // The pair as it would be after the change: what is sent, else what the buy has (an ASAP start is the flight's).
  if (start === undefined && end === undefined) return issues
  const startAfter = start ?? time(input.current.start) ?? flightStart
  const endAfter = end ?? time(input.current.end) ?? flightEnd
  if (endAfter <= startAfter) {
    const startDay = new Date(startAfter).toISOString().slice(0, 10)
    const endDay = new Date(endAfter).toISOString().slice(0, 10)
    issues.push(
      end !== undefined
        ? { field: 'end_time', message: `The end must be after the start (${startDay}).` }
        : { field: 'start_time', message: `The start must be before the end (${endDay}).` },
    )
  }
  return issues
}
