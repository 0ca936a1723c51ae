import { useEffect, useState } from 'react'
import { formatDateTime, formatRelativeTime } from '@/lib/format'

/** How often an age label must redraw to stay true: every second in its first minute, then more calmly. */
function tickFor(ageMs: number): number {
  if (ageMs < 60_000) return 1_000
  if (ageMs < 3_600_000) return 15_000
  return 60_000
}

/**
 * "12 s ago" that keeps counting on its own. Only the label redraws on its tick, not the list around it, so a long
 * list of ages costs one small render per label per tick.
 */
export function TimeAgo({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now())
  const interval = tickFor(now - at)
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), interval)
    return () => window.clearInterval(id)
  }, [interval])
  if (Number.isNaN(at)) return <>not reported</>
  return (
    <time dateTime={new Date(at).toISOString()} title={formatDateTime(at)}>
      {formatRelativeTime(at, now)}
    </time>
  )
}
