import { useMemo, useState } from 'react'
import { useOnScreenDetails } from '@/api/campaigns'
import { Link } from '@tanstack/react-router'
import type { CampaignSummary } from '@/api/schemas/campaign'
import { AdvertiserName } from '@/components/advertiser-name'
import { TREE_COLUMNS, TREE_MIN_WIDTH } from '@/components/campaign-tree/columns'
import { FlightCell, MoneyCell, Muted } from '@/components/campaign-tree/figure-cells'
import {
  buyNodes,
  estimateRowSize,
  noteNode,
  treeRowLabel,
  type TreeRowData,
  type TreeRowNode,
} from '@/components/campaign-tree/row-model'
import { renderSubtreeCell } from '@/components/campaign-tree/subtree-cell'
import { flattenTree, updateExpanded, type FlatRow } from '@/components/tree-grid/flatten'
import { TreeGrid } from '@/components/tree-grid/tree-grid'
import { TreeToolbar } from '@/components/tree-grid/tree-toolbar'
import { useSettledList } from '@/lib/use-settled-list'
import { useNow } from '@/lib/use-now'
import { CampaignCountsCell, CampaignSpendCell, CampaignStatusCell } from './campaign-row-cells'
import { campaignListRoute } from './route-api'
import { useExpandedDetails, type RowDetail } from './use-expanded-details'

type Props = {
  campaigns: readonly CampaignSummary[]
  advertiserNames: ReadonlyMap<string, string>
  /** The names are still on their way. */
  namesLoading?: boolean
}

function campaignChildren(id: string, detail: RowDetail | undefined): TreeRowNode[] {
  if (!detail?.data) {
    return [
      detail?.isError
        ? noteNode(`${id}/error`, 'Could not load the media buys of this campaign.', 'error')
        : noteNode(`${id}/loading`, 'Loading media buys…'),
    ]
  }
  const buys = buyNodes(detail.data)
  return buys.length ? buys : [noteNode(`${id}/none`, 'No media buys yet: they appear when the campaign is executed.')]
}

/** The campaign list as a tree-grid: campaign → media buys → packages, expanded rows kept in the URL. */
export function CampaignTreeList({ campaigns, advertiserNames, namesLoading = false }: Props) {
  const search = campaignListRoute.useSearch()
  const navigate = campaignListRoute.useNavigate()
  const now = useNow(60_000)
  const expanded = useMemo(() => new Set(search.expanded ?? []), [search.expanded])
  const openCampaignIds = useMemo(
    () => campaigns.filter((c) => expanded.has(c.campaignId)).map((c) => c.campaignId),
    [campaigns, expanded],
  )
  const details = useExpandedDetails(openCampaignIds)
  // Badges for the rows inside the viewport only, once scrolling settles: a fast scroll past 40 rows asks for none.
  const [visibleIds, setVisibleIds] = useState<readonly string[]>([])
  const settledIds = useSettledList(visibleIds)
  const campaignIds = useMemo(() => new Set(campaigns.map((c) => c.campaignId)), [campaigns])
  useOnScreenDetails(useMemo(() => settledIds.filter((id) => campaignIds.has(id)), [settledIds, campaignIds]))

  const nodes: TreeRowNode[] = campaigns.map((summary) => ({
    id: summary.campaignId,
    data: { kind: 'campaign', summary },
    expandable: true,
    children: expanded.has(summary.campaignId)
      ? campaignChildren(summary.campaignId, details.get(summary.campaignId))
      : undefined,
  }))
  const rows = flattenTree(nodes, expanded)

  const setExpanded = (ids: readonly string[], expand: boolean) =>
    void navigate({
      search: (prev) => ({ ...prev, expanded: updateExpanded(prev.expanded, ids, expand) }),
      replace: true,
      // Opening a row is not leaving the page: the buyer stays where they were in the list.
      resetScroll: false,
    })

  const renderCell = (row: FlatRow<TreeRowData>, columnId: string) => {
    if (row.data.kind !== 'campaign') return renderSubtreeCell(row.data, columnId, { now })
    const { summary } = row.data
    const currency = summary.budget?.currency ?? 'USD'
    switch (columnId) {
      case 'name':
        return (
          <Link
            to="/campaigns/$campaignId"
            params={{ campaignId: summary.campaignId }}
            className="font-medium text-blue-800 underline-offset-2 hover:underline dark:text-blue-300"
          >
            {summary.name}
          </Link>
        )
      case 'party':
        return (
          <AdvertiserName
            id={summary.advertiserId}
            name={advertiserNames.get(summary.advertiserId)}
            loading={namesLoading}
          />
        )
      case 'flight':
        return summary.flightDates ? (
          <FlightCell start={summary.flightDates.startDate} end={summary.flightDates.endDate} now={now} />
        ) : (
          <Muted>Not set</Muted>
        )
      case 'budget':
        return summary.budget ? <MoneyCell amount={summary.budget.total} currency={currency} /> : <Muted>Not set</Muted>
      case 'spend':
        return <CampaignSpendCell summary={summary} now={now} />
      case 'status':
        return <CampaignStatusCell summary={summary} />
      case 'details':
        return <CampaignCountsCell summary={summary} />
    }
    return null
  }

  return (
    <>
      <TreeToolbar
        label="Campaign tree"
        // Opening every campaign of the page fetches each detail once, a few at a time, within the rate limit.
        onExpandAll={() =>
          setExpanded(
            campaigns.map((c) => c.campaignId),
            true,
          )
        }
        onCollapseAll={() =>
          void navigate({ search: (prev) => ({ ...prev, expanded: undefined }), replace: true, resetScroll: false })
        }
      />
      <TreeGrid
        label="Campaigns"
        columns={TREE_COLUMNS}
        minWidth={TREE_MIN_WIDTH}
        rows={rows}
        rowLabel={(row) => treeRowLabel(row.data)}
        renderCell={(row, column) => renderCell(row, column.id)}
        onExpandedChange={setExpanded}
        estimateSize={(row) => estimateRowSize(row.data)}
        onVisibleRowsChange={setVisibleIds}
      />
    </>
  )
}
