import { useEffect, useMemo, useState } from 'react'
import type { Campaign } from '@/api/schemas/campaign'
import { TREE_COLUMNS, TREE_MIN_WIDTH } from '@/components/campaign-tree/columns'
import {
  buyNodes,
  estimateRowSize,
  keepOrder,
  treeRowLabel,
  type BuyOrder,
  type TreeRowData,
} from '@/components/campaign-tree/row-model'
import { renderSubtreeCell } from '@/components/campaign-tree/subtree-cell'
import { expandableIds, flattenTree, updateExpanded, type FlatRow } from '@/components/tree-grid/flatten'
import { TreeGrid } from '@/components/tree-grid/tree-grid'
import { TreeToolbar } from '@/components/tree-grid/tree-toolbar'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/select'
import { ResubmitBuyButton } from './execution/resubmit'
import { campaignRoute } from './route-api'
import { BulkEditBar } from './tuning/bulk-edit-bar'
import { BuyActionsMenu } from './tuning/buy-actions-menu'
import { PackageActions } from './tuning/package-actions'
import { BuyTuningOutcome, PackageTuningOutcome } from './tuning/tuning-outcome'

type Props = {
  campaign: Campaign
  now: number
  /** Buys picked for a bulk edit. */
  selected: readonly string[]
  onSelectedChange: (ids: string[]) => void
}

/** The campaign's buys → packages as one tree-grid; expanded rows in the URL, selected buys for bulk actions. */
export function BuyTree({ campaign, now, selected, onSelectedChange }: Props) {
  const search = campaignRoute.useSearch()
  const navigate = campaignRoute.useNavigate()
  const expanded = useMemo(() => new Set(search.expanded ?? []), [search.expanded])
  const order: BuyOrder = search.buyOrder ?? 'listed'
  const sorted = useMemo(() => buyNodes(campaign, order), [campaign, order])
  // The order is taken when the page opens or the buyer picks one, then kept: rows do not jump while the buyer works
  // (a status that changes under "most restrictive first" leaves its row where it is; new buys come last).
  const [taken, setTaken] = useState(() => ({ order, ids: sorted.map((n) => n.id) }))
  if (taken.order !== order) setTaken({ order, ids: sorted.map((n) => n.id) })
  const ids = taken.order === order ? taken.ids : sorted.map((n) => n.id)
  const nodes = useMemo(() => keepOrder(sorted, ids), [sorted, ids])
  const rows = useMemo(() => flattenTree(nodes, expanded), [nodes, expanded])
  const selectedBuyIds = selected.filter((id) => nodes.some((n) => n.id === id))
  const target = nodes.some((n) => n.id === search.mediaBuyId) ? search.mediaBuyId : undefined

  // A link to one buy (a notification, History): its row comes into view with the focus on it.
  useEffect(() => {
    if (!target) return
    const frame = requestAnimationFrame(() => {
      const row = document.querySelector(`[role="treegrid"] [data-row-id="${CSS.escape(target)}"]`)
      if (!(row instanceof HTMLElement)) return
      row.scrollIntoView({ block: 'center' })
      row.focus({ preventScroll: true })
    })
    return () => cancelAnimationFrame(frame)
  }, [target])

  const setExpanded = (ids: readonly string[], expand: boolean) =>
    void navigate({
      search: (prev) => ({ ...prev, expanded: updateExpanded(prev.expanded, ids, expand) }),
      replace: true,
      resetScroll: false,
    })
  const toggleSelected = (id: string, on: boolean) =>
    onSelectedChange(on ? [...new Set([...selected, id])] : selected.filter((p) => p !== id))

  const renderCell = (row: FlatRow<TreeRowData>, columnId: string) => {
    if (row.data.kind === 'campaign') return null
    return renderSubtreeCell(row.data, columnId, {
      now,
      buyLead: (_, buy) => (
        <input
          type="checkbox"
          aria-label={`Select ${buy.name}`}
          className="mt-1 size-4 shrink-0"
          checked={selectedBuyIds.includes(buy.mediaBuyId)}
          onChange={(event) => toggleSelected(buy.mediaBuyId, event.target.checked)}
        />
      ),
      buyActions: (c, buy) => (
        <>
          <ResubmitBuyButton campaign={c} buy={buy} />
          <BuyActionsMenu buy={buy} />
        </>
      ),
      packageActions: (_, buy, pkg) => <PackageActions buy={buy} pkg={pkg} />,
    })
  }

  const renderFooter = (row: FlatRow<TreeRowData>) => {
    const data = row.data
    if (data.kind === 'buy') return <BuyTuningOutcome campaign={campaign} buy={data.buy} />
    if (data.kind === 'package') return <PackageTuningOutcome campaign={campaign} buy={data.buy} pkg={data.pkg} />
    return null
  }

  if (nodes.length === 0) {
    return (
      <p className="text-slate-700 dark:text-slate-300">
        No media buys yet. Buys appear when the campaign is executed, one per sales agent.
      </p>
    )
  }
  return (
    <>
      <TreeToolbar
        label="Media buy tree"
        onExpandAll={() => setExpanded(expandableIds(nodes), true)}
        onCollapseAll={() =>
          void navigate({ search: (prev) => ({ ...prev, expanded: undefined }), replace: true, resetScroll: false })
        }
      >
        <span className="ml-auto flex items-center gap-2">
          <label htmlFor="buy-order" className="text-sm">
            Order buys
          </label>
          <Select
            id="buy-order"
            className="w-auto"
            value={order}
            onChange={(event) => {
              const next = event.target.value as BuyOrder
              void navigate({
                search: (prev) => ({ ...prev, buyOrder: next === 'listed' ? undefined : next }),
                replace: true,
                resetScroll: false,
              })
            }}
          >
            <option value="listed">As the platform lists them</option>
            <option value="status">Most restrictive status first</option>
            <option value="name">By name</option>
          </Select>
        </span>
      </TreeToolbar>
      {selectedBuyIds.length ? (
        <div
          role="region"
          aria-label="Selected media buys"
          className="mb-2 flex flex-wrap items-center gap-2 rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-sm dark:border-blue-800 dark:bg-blue-950"
        >
          <span className="font-medium">
            {selectedBuyIds.length === 1 ? '1 buy selected' : `${selectedBuyIds.length} buys selected`}
          </span>
          <BulkEditBar selectedBuyIds={selectedBuyIds} />
          <Button size="sm" variant="ghost" onClick={() => onSelectedChange([])}>
            Clear selection
          </Button>
        </div>
      ) : null}
      <TreeGrid
        label={`Media buys of ${campaign.name}`}
        columns={TREE_COLUMNS}
        minWidth={TREE_MIN_WIDTH}
        rows={rows}
        rowLabel={(row) => treeRowLabel(row.data)}
        renderCell={(row, column) => renderCell(row, column.id)}
        onExpandedChange={setExpanded}
        estimateSize={(row) => estimateRowSize(row.data)}
        rowClassName={(row) =>
          row.id === target ? 'outline-2 -outline-offset-2 outline-blue-700 dark:outline-blue-300' : undefined
        }
        renderRowFooter={renderFooter}
      />
    </>
  )
}
