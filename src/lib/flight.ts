const DAY_MS = 86_400_000

export interface FlightProgress {
  /** 1-based day of the flight today, clamped to the flight. */
  day: number
  days: number
  fraction: number
  phase: 'before' | 'running' | 'after'
  text: string
}

export function flightProgress(startIso: string, endIso: string, now: number): FlightProgress | undefined {
  const start = Date.parse(startIso)
  const end = Date.parse(endIso)
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return undefined
  const days = Math.max(1, Math.round((end - start) / DAY_MS))
  if (now < start) {
    const inDays = Math.ceil((start - now) / DAY_MS)
    return { day: 0, days, fraction: 0, phase: 'before', text: `starts in ${inDays} d` }
  }
  if (now >= end) return { day: days, days, fraction: 1, phase: 'after', text: `ended · ${days} d` }
  const day = Math.min(days, Math.floor((now - start) / DAY_MS) + 1)
  return { day, days, fraction: (now - start) / (end - start), phase: 'running', text: `day ${day} of ${days}` }
}
