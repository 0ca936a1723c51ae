import type { FlatRow } from './flatten'

export type TreeAction =
  | { type: 'focus'; index: number }
  | { type: 'toggle'; id: string; expand: boolean }
  | { type: 'expandSiblings' }
  | { type: 'none' }

/**
 * WAI-ARIA treegrid keys, in row-focus mode: ↑/↓ move, → opens or goes to the first child, ← closes or goes to
 * the parent, Home/End jump, Enter/Space toggle, `*` expands every sibling.
 */
export function treeKeyAction<T>(key: string, rows: readonly FlatRow<T>[], index: number): TreeAction {
  const row = rows[index]
  if (!row) return { type: 'none' }
  switch (key) {
    case 'ArrowDown':
      return index < rows.length - 1 ? { type: 'focus', index: index + 1 } : { type: 'none' }
    case 'ArrowUp':
      return index > 0 ? { type: 'focus', index: index - 1 } : { type: 'none' }
    case 'Home':
      return { type: 'focus', index: 0 }
    case 'End':
      return { type: 'focus', index: rows.length - 1 }
    case 'ArrowRight':
      if (row.expandable && !row.expanded) return { type: 'toggle', id: row.id, expand: true }
      if (row.expanded && rows[index + 1]?.parentId === row.id) return { type: 'focus', index: index + 1 }
      return { type: 'none' }
    case 'ArrowLeft': {
      if (row.expanded) return { type: 'toggle', id: row.id, expand: false }
      const parent = row.parentId === undefined ? -1 : rows.findIndex((r) => r.id === row.parentId)
      return parent >= 0 ? { type: 'focus', index: parent } : { type: 'none' }
    }
    case 'Enter':
    case ' ':
      return row.expandable ? { type: 'toggle', id: row.id, expand: !row.expanded } : { type: 'none' }
    case '*':
      return { type: 'expandSiblings' }
    default:
      return { type: 'none' }
  }
}
