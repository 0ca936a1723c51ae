// Baseline for npm run bench: the same rows as the campaign page's tree with every buy open (50 buys × 40
// packages), with the same cells, in a plain non-virtualized <table>. The bench divides our figures by these.
import { useState } from 'react'
import { createRoot } from 'react-dom/client'
import { flushSync } from 'react-dom'
import { API_BASE } from '@/api/client'
import { campaignResponseSchema, type Campaign } from '@/api/schemas/campaign'
import { TREE_COLUMNS } from '@/components/campaign-tree/columns'
import { buyNodes, type TreeRowData } from '@/components/campaign-tree/row-model'
import { renderSubtreeCell } from '@/components/campaign-tree/subtree-cell'
import { expandableIds, flattenTree, type FlatRow } from '@/components/tree-grid/flatten'
import './baseline.css'

declare global {
  interface Window {
    /** Set once the campaign is loaded and parsed; calling it renders every row. */
    benchRender?: () => void
    benchError?: string
  }
}

function PlainTable({ rows, now }: { rows: readonly FlatRow<TreeRowData>[]; now: number }) {
  return (
    <table className="min-w-[72rem] text-sm">
      <thead>
        <tr>
          {TREE_COLUMNS.map((c) => (
            <th key={c.id} className="px-3 py-2 text-left text-xs font-semibold uppercase">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-bench-row="" className="border-b border-slate-200">
            {TREE_COLUMNS.map((c) => (
              <td key={c.id} className="px-3 py-2 align-top">
                {row.data.kind === 'campaign' ? null : renderSubtreeCell(row.data, c.id, { now })}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function App({ campaign }: { campaign: Campaign }) {
  const [rows, setRows] = useState<readonly FlatRow<TreeRowData>[]>([])
  window.benchRender = () => {
    const nodes = buyNodes(campaign)
    setRows(flattenTree(nodes, new Set(expandableIds(nodes))))
  }
  return <PlainTable rows={rows} now={Date.now()} />
}

async function start() {
  const id = new URLSearchParams(location.search).get('campaign') ?? ''
  const res = await fetch(`${API_BASE}/campaigns/${encodeURIComponent(id)}`)
  const body: unknown = await res.json()
  const parsed = campaignResponseSchema.parse((body as { data: unknown }).data)
  const root = document.getElementById('root')
  if (!root) throw new Error('no #root')
  flushSync(() => createRoot(root).render(<App campaign={parsed.campaign} />))
}

start().catch((error: unknown) => {
  window.benchError = String(error)
})
