import { memo, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react'
import clsx from 'clsx'
import type { FlatRow } from './flatten'
import type { TreeColumn } from './tree-grid'

const INDENT_REM = 1.25

export interface RowHandlers {
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
export const TreeGridRow = memo(TreeGridRowImpl) as typeof TreeGridRowImpl

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
