import clsx from 'clsx'
import { formatDateTime, formatRelativeTime } from '@/lib/format'
import { useNow } from '@/lib/use-now'

// Past this age a figure is shown faded: the buyer should not act on it without a refresh.
const STALE_AFTER_MS = 2 * 60_000

type FreshnessProps = {
  // Epoch ms of the last successful fetch (TanStack Query's dataUpdatedAt); 0 means never.
  updatedAt: number
  isFetching?: boolean
  className?: string
}

export function Freshness({ updatedAt, isFetching = false, className }: FreshnessProps) {
  const now = useNow(1000)
  if (!updatedAt) return null
  const stale = now - updatedAt > STALE_AFTER_MS
  return (
    <span
      data-slot="freshness"
      data-stale={stale || undefined}
      className={clsx('text-xs text-slate-600 dark:text-slate-400', stale && 'italic', className)}
    >
      updated{' '}
      <time dateTime={new Date(updatedAt).toISOString()} title={formatDateTime(updatedAt)}>
        {formatRelativeTime(updatedAt, now)}
      </time>
      {stale ? ' (may be out of date)' : null}
      {isFetching ? ' · refreshing…' : null}
    </span>
  )
}
