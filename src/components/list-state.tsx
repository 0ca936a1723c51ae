import type { ReactNode } from 'react'

interface ListStateProps {
  /** The list's query: failed with nothing to show, still loading, or answered. */
  query: { isPending: boolean; isError: boolean; data?: unknown }
  /** What the list holds, in the plural ("notifications"). */
  what: string
  empty: boolean
  emptyText: string
  children: ReactNode
}

/**
 * The states of a list the page polls: could not be loaded (and is tried again), loading, empty in words, or the
 * list. A list that failed after it loaded keeps what it showed.
 */
export function ListState({ query, what, empty, emptyText, children }: ListStateProps) {
  if (query.isError && !query.data)
    return (
      <p role="alert" className="text-sm text-red-800 dark:text-red-300">
        {what.charAt(0).toUpperCase() + what.slice(1)} could not be loaded; they are tried again within a minute.
      </p>
    )
  if (query.isPending) return <p className="text-sm text-slate-700 dark:text-slate-300">Loading {what}…</p>
  if (empty)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">{emptyText}</p>
    )
  return children
}
