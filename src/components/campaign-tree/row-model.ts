import type {
  Campaign,
  CampaignMediaBuy,
  CampaignPackage,
  CampaignSummary,
  MediaBuyPendingChange,
} from '@/api/schemas/campaign'
import type { TreeNode } from '@/components/tree-grid/flatten'
import { effectiveBuyStatus } from '@/domain/rollup'
import { statusRank } from '@/domain/status'
import { packageName } from '@/domain/labels'

export type TreeRowData =
  | { kind: 'campaign'; summary: CampaignSummary }
  | { kind: 'buy'; campaign: Campaign; buy: CampaignMediaBuy }
  | { kind: 'change'; campaign: Campaign; buy: CampaignMediaBuy; change: MediaBuyPendingChange }
  | { kind: 'package'; campaign: Campaign; buy: CampaignMediaBuy; pkg: CampaignPackage }
  | { kind: 'note'; text: string; tone?: 'error' }

export type TreeRowNode = TreeNode<TreeRowData>

/** How a campaign's buys are ordered: as the platform lists them, by name, or most restrictive status first. */
export type BuyOrder = 'listed' | 'name' | 'status'

/** The buys of a campaign as tree nodes in the order asked for; each buy holds its pending change and packages. */
export function buyNodes(campaign: Campaign, order: BuyOrder = 'listed'): TreeRowNode[] {
  const buys = campaign.mediaBuys ?? []
  const ordered = buys.map((buy, index) => ({ buy, index, rank: statusRank(effectiveBuyStatus(buy)) }))
  if (order === 'status') ordered.sort((a, b) => a.rank - b.rank || a.index - b.index)
  if (order === 'name') ordered.sort((a, b) => a.buy.name.localeCompare(b.buy.name) || a.index - b.index)
  return ordered.map(({ buy }) => {
    const children: TreeRowNode[] = []
    if (buy.pendingChange) {
      children.push({
        id: `${buy.mediaBuyId}/change`,
        data: { kind: 'change', campaign, buy, change: buy.pendingChange },
      })
    }
    for (const pkg of buy.packages ?? []) {
      children.push({ id: `${buy.mediaBuyId}/${pkg.packageId}`, data: { kind: 'package', campaign, buy, pkg } })
    }
    if (!buy.packages?.length) {
      children.push({
        id: `${buy.mediaBuyId}/none`,
        data: { kind: 'note', text: 'No packages yet: the seller creates them when the buy is executed.' },
      })
    }
    return { id: buy.mediaBuyId, data: { kind: 'buy', campaign, buy }, children }
  })
}

/**
 * Nodes in the order of `ids` (an order taken earlier), those not in it after them as given: rows do not move
 * under the buyer when a status or a name changes; only a new choice of order moves them.
 */
export function keepOrder<T extends { id: string }>(nodes: readonly T[], ids: readonly string[]): T[] {
  const position = new Map(ids.map((id, i) => [id, i]))
  const at = (node: T, i: number) => position.get(node.id) ?? ids.length + i
  return nodes
    .map((node, i) => ({ node, key: at(node, i) }))
    .sort((a, b) => a.key - b.key)
    .map((e) => e.node)
}

export function noteNode(id: string, text: string, tone?: 'error'): TreeRowNode {
  return { id, data: { kind: 'note', text, tone } }
}

/** The accessible name of a row: what a buyer calls it (and what e2e tests look rows up by). */
export function treeRowLabel(data: TreeRowData): string {
  switch (data.kind) {
    case 'campaign':
      return data.summary.name
    case 'buy':
      return data.buy.name
    case 'change':
      return `Pending change to ${data.buy.name}`
    case 'package':
      return `Package ${packageName(data.buy, data.pkg)}`
    case 'note':
      return data.text
  }
}

/** Rows with reasons or several figures are taller; measurement corrects the estimate after render. */
export function estimateRowSize(data: TreeRowData): number {
  if (data.kind === 'note') return 40
  if (data.kind === 'package' || data.kind === 'change') return 56
  return 64
}
