import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import clsx from 'clsx'
import { useScrollMargin, useVisibleKeys } from '../use-window-list'
import { expandableSiblings, type FlatRow } from './flatten'
import { treeKeyAction } from './tree-keys'
import { TreeGridRow, type RowHandlers } from './tree-grid-row'

export interface TreeColumn {
  id: string
  header: ReactNode
  /** A CSS grid track, e.g. 'minmax(14rem, 2fr)'. */
  width: string
  align?: 'start' | 'end'
}

type TreeGridProps<T> = {
  label: string
  columns: readonly TreeColumn[]
  rows: readonly FlatRow<T>[]
  /** The row's accessible name: what a buyer (and an e2e test) calls it. */
  rowLabel: (row: FlatRow<T>) => string
  renderCell: (row: FlatRow<T>, column: TreeColumn) => ReactNode
  onExpandedChange: (ids: string[], expand: boolean) => void
  estimateSize?: (row: FlatRow<T>) => number
  rowClassName?: (row: FlatRow<T>) => string | undefined
  /** The ids of the rows inside the viewport (not the overscan), top to bottom, whenever they change. */
  onVisibleRowsChange?: (ids: readonly string[]) => void
  /** Below this width the grid scrolls sideways instead of squeezing its columns (a CSS length). */
  minWidth: string
  /** What a row says across its whole width under its cells (a notice); the strip takes no room when empty. */
  renderRowFooter?: (row: FlatRow<T>) => ReactNode
}

/**
 * One ARIA tree-grid for every hierarchy on screen (campaign → buy → package): a flat row model, virtualized
 * against the window so DOM rows stay bounded by the viewport, with roving tabindex on rows and the WAI-ARIA keys.
 * Controls inside a row keep their own Tab stops; the arrow keys act only when the row itself has focus.
 */
export function TreeGrid<T>({
  label,
  columns,
  rows,
  rowLabel,
  renderCell,
  onExpandedChange,
  estimateSize = () => 52,
  rowClassName,
  onVisibleRowsChange,
  minWidth,
  renderRowFooter,
}: TreeGridProps<T>) {
  const bodyRef = useRef<HTMLDivElement>(null)
  const pendingFocus = useRef<string | null>(null)
  const [activeId, setActiveId] = useState<string | null>(null)
  const gridTemplateColumns = columns.map((c) => c.width).join(' ')

  const scrollMargin = useScrollMargin(bodyRef)

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (index) => estimateSize(rows[index]),
    getItemKey: (index) => rows[index].id,
    overscan: 8,
    scrollMargin,
  })

  const current = rows.some((r) => r.id === activeId) ? activeId : (rows[0]?.id ?? null)

  // Keyboard moves may target a row that is not rendered yet: focus it once the virtualizer has drawn it.
  useEffect(() => {
    const id = pendingFocus.current
    if (!id || !bodyRef.current) return
    const element = [...bodyRef.current.children].find((el) => el instanceof HTMLElement && el.dataset.rowId === id)
    if (element instanceof HTMLElement) {
      element.focus()
      pendingFocus.current = null
    }
  })

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return
    const action = treeKeyAction(event.key, rows, index)
    if (action.type === 'none') return
    event.preventDefault()
    if (action.type === 'focus') {
      const target = rows[action.index]
      setActiveId(target.id)
      pendingFocus.current = target.id
      virtualizer.scrollToIndex(action.index, { align: 'auto' })
    } else if (action.type === 'toggle') {
      onExpandedChange([action.id], action.expand)
    } else {
      onExpandedChange(expandableSiblings(rows, rows[index]), true)
    }
  }

  // Rows are memoized: while scrolling only the rows entering the window render, not every row on screen.
  // The handlers they get are stable; they read the latest rows and callbacks through a ref.
  const latest = useRef({ rows, onKeyDown, onExpandedChange })
  useLayoutEffect(() => {
    latest.current = { rows, onKeyDown, onExpandedChange }
  })
  const [handlers] = useState<RowHandlers>(() => ({
    keyDown: (event, index) => latest.current.onKeyDown(event, index),
    focus: (id) => setActiveId(id),
    toggle: (id, expand) => latest.current.onExpandedChange([id], expand),
  }))

  const items = virtualizer.getVirtualItems()
  const offset = virtualizer.options.scrollMargin
  useVisibleKeys(virtualizer, (index) => rows[index].id, onVisibleRowsChange)
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div role="treegrid" aria-label={label} aria-rowcount={rows.length + 1} className="text-sm" style={{ minWidth }}>
        <div role="rowgroup">
          <div
            role="row"
            aria-rowindex={1}
            className="grid border-b border-slate-200 bg-slate-100 dark:border-slate-800 dark:bg-slate-800/60"
            style={{ gridTemplateColumns }}
          >
            {columns.map((column) => (
              <div
                key={column.id}
                role="columnheader"
                className={clsx(
                  'px-3 py-2 text-xs font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300',
                  column.align === 'end' && 'text-right',
                )}
              >
                {column.header}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" ref={bodyRef} className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]
            return (
              <TreeGridRow
                key={row.id}
                row={row}
                index={item.index}
                top={item.start - offset}
                current={row.id === current}
                columns={columns}
                gridTemplateColumns={gridTemplateColumns}
                rowLabel={rowLabel}
                renderCell={renderCell}
                rowClassName={rowClassName}
                renderRowFooter={renderRowFooter}
                measureRef={virtualizer.measureElement}
                handlers={handlers}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}
