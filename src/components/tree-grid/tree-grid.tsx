import {
  memo,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import clsx from 'clsx'
import { useScrollMargin, useVisibleKeys } from '../use-window-list'
import { expandableSiblings, type FlatRow } from './flatten'
import { treeKeyAction } from './tree-keys'

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

const INDENT_REM = 1.25

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

interface RowHandlers {
  keyDown: (event: KeyboardEvent<HTMLDivElement>, index: number) => void
  focus: (id: string) => void
  toggle: (id: string, expand: boolean) => void
}

type TreeGridRowProps<T> = {
  row: FlatRow<T>
  index: number
  top: number
  current: boolean
  columns: readonly TreeColumn[]
  gridTemplateColumns: string
  rowLabel: (row: FlatRow<T>) => string
  renderCell: (row: FlatRow<T>, column: TreeColumn) => ReactNode
  rowClassName?: (row: FlatRow<T>) => string | undefined
  renderRowFooter?: (row: FlatRow<T>) => ReactNode
  measureRef: (element: HTMLDivElement | null) => void
  handlers: RowHandlers
}

function TreeGridRowImpl<T>({
  row,
  index,
  top,
  current,
  columns,
  gridTemplateColumns,
  rowLabel,
  renderCell,
  rowClassName,
  renderRowFooter,
  measureRef,
  handlers,
}: TreeGridRowProps<T>) {
  const name = rowLabel(row)
  const style: CSSProperties = { gridTemplateColumns, transform: `translateY(${top}px)` }
  return (
    <div
      ref={measureRef}
      role="row"
      data-index={index}
      data-row-id={row.id}
      data-level={row.level}
      aria-label={name}
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-rowindex={index + 2}
      tabIndex={current ? 0 : -1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) handlers.focus(row.id)
      }}
      onKeyDown={(event) => handlers.keyDown(event, index)}
      className={clsx(
        'absolute top-0 left-0 grid w-full items-center border-b border-slate-200 dark:border-slate-800',
        'focus-visible:outline-offset-[-2px]',
        rowClassName?.(row),
      )}
      style={style}
    >
      {columns.map((column, columnIndex) => (
        <div
          key={column.id}
          role="gridcell"
          className={clsx('min-w-0 px-3 py-2', column.align === 'end' && 'text-right tabular-nums')}
          style={columnIndex === 0 ? { paddingLeft: `${0.75 + (row.level - 1) * INDENT_REM}rem` } : undefined}
        >
          {columnIndex === 0 ? (
            <div className="flex items-start gap-1">
              <ExpandToggle
                expandable={row.expandable}
                expanded={row.expanded}
                name={name}
                onToggle={() => handlers.toggle(row.id, !row.expanded)}
              />
              <div className="min-w-0 flex-1">{renderCell(row, column)}</div>
            </div>
          ) : (
            renderCell(row, column)
          )}
        </div>
      ))}
      {renderRowFooter ? (
        <div
          role="gridcell"
          aria-colspan={columns.length}
          className="px-3 pb-2 empty:hidden"
          style={{ gridColumn: '1 / -1' }}
        >
          {renderRowFooter(row)}
        </div>
      ) : null}
    </div>
  )
}

// memo() loses the type parameter; the cast restores it (the props are compared shallowly, whatever T is).
const TreeGridRow = memo(TreeGridRowImpl) as typeof TreeGridRowImpl

function ExpandToggle(props: { expandable: boolean; expanded: boolean; name: string; onToggle: () => void }) {
  if (!props.expandable) return <span aria-hidden="true" className="inline-block size-6 shrink-0" />
  return (
    <button
      type="button"
      // The row is the keyboard stop (→/←/Enter); the chevron is for the mouse.
      tabIndex={-1}
      aria-label={`${props.expanded ? 'Collapse' : 'Expand'} ${props.name}`}
      onClick={props.onToggle}
      className="inline-flex size-6 shrink-0 items-center justify-center rounded text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className={clsx('size-4 transition-transform motion-reduce:transition-none', props.expanded && 'rotate-90')}
      >
        <path
          d="M6 3.5l4.5 4.5L6 12.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </button>
  )
}
