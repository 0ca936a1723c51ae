import type { TimeseriesEntry } from '@/api/schemas/reporting'
import { statusWord } from '@/domain/status'

export interface TimelineMarker {
  date: string // YYYY-MM-DD
  kind: 'status' | 'budget'
  label: string
}

/**
 * Status changes on the timeline. The API has no change-history endpoint; the timeseries rows carry each buy's
 * status per day, so a change from one reported day to the next is a status change on that day.
 */
export function statusMarkers(rows: readonly TimeseriesEntry[]): TimelineMarker[] {
  const byBuy = new Map<string, { name: string; days: Map<string, string> }>()
  for (const r of rows) {
    const buy = byBuy.get(r.mediaBuyId) ?? { name: r.mediaBuyName, days: new Map<string, string>() }
    byBuy.set(r.mediaBuyId, buy)
    buy.days.set(r.date, r.mediaBuyStatus)
  }
  const out: TimelineMarker[] = []
  for (const { name, days } of byBuy.values()) {
    let previous: string | undefined
    for (const [date, status] of [...days.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (previous !== undefined && status !== previous)
        out.push({ date, kind: 'status', label: `${name}: ${statusWord(previous)} → ${statusWord(status)}` })
      previous = status
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date))
}

/** Markers on the same day are listed together (one line on the chart, every label in the text). */
export function groupMarkers(markers: readonly TimelineMarker[]): Map<string, TimelineMarker[]> {
  const out = new Map<string, TimelineMarker[]>()
  for (const m of markers) out.set(m.date, [...(out.get(m.date) ?? []), m])
  return out
}

/** The same change seen twice (in the day's rows and while watching) is marked once. */
export function dedupe(markers: readonly TimelineMarker[]): TimelineMarker[] {
  const seen = new Set<string>()
  return markers.filter((m) => {
    const key = `${m.date}|${m.kind}|${m.label}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
