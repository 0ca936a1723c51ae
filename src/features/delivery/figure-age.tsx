import clsx from 'clsx'
import type { ReactNode } from 'react'
import { formatDateTime, formatRelativeTime } from '@/lib/format'

/** Past twice its expected refresh a figure is stale: it fades and says so, and raises no alarm. */
export function isStale(updatedAt: number, now: number, expectedRefreshMs: number): boolean {
  return !updatedAt || now - updatedAt > 2 * expectedRefreshMs
}

export function FigureAge({
  updatedAt,
  now,
  expectedRefreshMs,
  label = 'updated',
}: {
  updatedAt: number
  now: number
  expectedRefreshMs: number
  label?: string
}) {
  if (!updatedAt) return <span className="text-xs text-slate-600 dark:text-slate-400">not loaded yet</span>
  const stale = isStale(updatedAt, now, expectedRefreshMs)
  return (
    <span data-slot="figure-age" data-stale={stale || undefined} className="text-xs text-slate-600 dark:text-slate-400">
      {label}{' '}
      <time dateTime={new Date(updatedAt).toISOString()} title={formatDateTime(updatedAt)}>
        {formatRelativeTime(updatedAt, now)}
      </time>
      {stale ? <strong className="ml-1 font-semibold text-amber-800 dark:text-amber-300">stale</strong> : null}
    </span>
  )
}

/** Figures older than their expected refresh fade (the "stale" word beside them carries the meaning). */
export function Fade({ stale, children, className }: { stale: boolean; children: ReactNode; className?: string }) {
  return (
    <div data-stale={stale || undefined} className={clsx('transition-opacity', stale && 'opacity-50', className)}>
      {children}
    </div>
  )
}
