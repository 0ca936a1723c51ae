import type { BuyerAuditLog } from '@/api/schemas/audit-log'
import type { TimeseriesEntry } from '@/api/schemas/reporting'
import { changeLineText, describeChanges, type ChangeContext } from '@/components/audit-changes'
import { statusWord } from '@/domain/status'

export interface TimelineMarker {
  date: string // YYYY-MM-DD
  kind: 'status' | 'budget'
  label: string
}

const ORIGIN_NOTE: Record<string, string> = { agent: ' (agent)', autonomous: ' (autonomous)', system: '' }

/**
 * Budget and status changes from the campaign's History (D10): every change the platform recorded, including those
 * made before the page was opened, by anyone. Only what took effect is marked.
 */
export function historyMarkers(rows: readonly BuyerAuditLog[], ctx: ChangeContext): TimelineMarker[] {
  const out: TimelineMarker[] = []
  for (const row of rows) {
    if (row.outcome && row.outcome !== 'succeeded') continue
    const date = new Date(row.timestamp)
    if (Number.isNaN(date.getTime())) continue
    const day = date.toISOString().slice(0, 10)
    for (const line of describeChanges(row.changes, ctx)) {
      const kind = line.kind === 'money' ? 'budget' : line.kind === 'status' ? 'status' : undefined
      if (!kind) continue
      const who = !line.context && row.resourceName ? `${row.resourceName}: ` : ''
      const text = changeLineText(line)
      out.push({ date: day, kind, label: `${who}${text}${ORIGIN_NOTE[row.actorOrigin ?? ''] ?? ''}` })
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date))
}

/**
 * Status changes read from daily delivery, for when History cannot be read (a key without the admin role): the
 * timeseries rows carry each buy's status per day, so a change from one reported day to the next is marked that day.
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
