import { expandableSiblings, flattenTree, type TreeNode } from './flatten'
import { treeKeyAction } from './tree-keys'

const tree: TreeNode<string>[] = [
  {
    id: 'a',
    data: 'A',
    children: [
      { id: 'a1', data: 'A1' },
      { id: 'a2', data: 'A2', children: [{ id: 'a2x', data: 'x' }] },
    ],
  },
  { id: 'b', data: 'B', expandable: true },
]

describe('tree flattening and keys', () => {
  it('flattens only open branches, with level, set size and position', () => {
    const rows = flattenTree(tree, new Set(['a']))
    expect(rows.map((r) => [r.id, r.level, r.setSize, r.posInSet, r.expanded])).toEqual([
      ['a', 1, 2, 1, true],
      ['a1', 2, 2, 1, false],
      ['a2', 2, 2, 2, false],
      ['b', 1, 2, 2, false],
    ])
  })

  it('follows the WAI-ARIA treegrid keys', () => {
    const rows = flattenTree(tree, new Set(['a']))
    expect(treeKeyAction('ArrowDown', rows, 0)).toEqual({ type: 'focus', index: 1 })
    expect(treeKeyAction('ArrowRight', rows, 0)).toEqual({ type: 'focus', index: 1 })
    expect(treeKeyAction('ArrowLeft', rows, 0)).toEqual({ type: 'toggle', id: 'a', expand: false })
    expect(treeKeyAction('ArrowLeft', rows, 2)).toEqual({ type: 'focus', index: 0 })
    expect(treeKeyAction('ArrowRight', rows, 2)).toEqual({ type: 'toggle', id: 'a2', expand: true })
    expect(treeKeyAction('Enter', rows, 3)).toEqual({ type: 'toggle', id: 'b', expand: true })
    expect(treeKeyAction(' ', rows, 1)).toEqual({ type: 'none' })
    expect(treeKeyAction('End', rows, 0)).toEqual({ type: 'focus', index: 3 })
    expect(expandableSiblings(rows, rows[0])).toEqual(['a', 'b'])
  })

  it('flattens a campaign of 50 buys × 40 packages, all open, in well under 100 ms', () => {
    const big: TreeNode<number>[] = Array.from({ length: 50 }, (_, b) => ({
      id: `mb_${b}`,
      data: b,
      children: Array.from({ length: 40 }, (_, p) => ({ id: `mb_${b}/pkg_${p}`, data: p })),
    }))
    const started = performance.now()
    const rows = flattenTree(big, new Set(big.map((n) => n.id)))
    expect(performance.now() - started).toBeLessThan(100)
    expect(rows).toHaveLength(50 * 41)
  })
})
