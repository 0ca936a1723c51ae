import type { Db } from './db/open.ts'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

// The simulated "now" lives in the database, so a test that ticks the clock sees the same world every run and a
// restarted server continues where it stopped.
export interface Clock {
  now(): Date
  nowIso(): string
  set(at: Date): void
  /**
   * How much faster than real time sellers act (review delays, report cadence). 1 everywhere except the auto clock,
   * which runs "now" at wall-clock pace and speeds the sellers up instead (SANDBOX_SPEED) so a demo stays lively.
   */
  speed(): number
  setSpeed(factor: number): void
}

export function createClock(db: Db): Clock {
  const read = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'now'")
  const write = db.prepare(
    "INSERT INTO meta (key, value) VALUES ('now', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  )
  const now = (): Date => {
    const row = read.get()
    return row ? new Date(row.value) : new Date()
  }
  let speed = 1
  return {
    now,
    nowIso: () => now().toISOString(),
    set: (at) => void write.run(at.toISOString()),
    speed: () => speed,
    setSpeed: (factor) => {
      speed = factor > 0 && Number.isFinite(factor) ? factor : 1
    },
  }
}

export function isoDate(at: Date | string): string {
  return (typeof at === 'string' ? at : at.toISOString()).slice(0, 10)
}

export function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
}

export function addMs(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms)
}
