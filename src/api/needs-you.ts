import { useEffect, useMemo, useReducer } from 'react'
import { useQueries, useQueryClient } from '@tanstack/react-query'
import { campaignKeys, refreshChangedCampaignRows } from './campaigns.ts'
import { listTotalQueryOptions, useWholeCampaignList, type PollPlan, type WholeList } from './campaign-lists.ts'
import type { Campaign, CampaignSummary } from './schemas/campaign.ts'
import type { MediaBuyStatus } from './schemas/common.ts'
import { FAILED_STATUSES, INPUT_STATUSES, WAITING_STATUSES } from '../domain/needs-you.ts'
import { campaignItems, type InboxItem, type InboxKind } from './needs-you-items.ts'

// The inbox is built from list calls alone (mediaBuyStatus filters, every campaign status), followed to the end:
// one entry per campaign and group, known without fetching a single campaign. A campaign's own detail, fetched when
// its entry is on screen or opened, then splits the entry into the buys and the seller's words.

export type NeedsYouGroupId = 'input' | 'failed' | 'waiting'

export interface NeedsYouGroup {
  id: NeedsYouGroupId
  statuses: readonly MediaBuyStatus[]
  needsBuyer: boolean
  /** Buy-level kinds that belong to the group once a campaign's detail is in. */
  kinds: readonly InboxKind[]
}

export const NEEDS_YOU_GROUPS: readonly NeedsYouGroup[] = [
  { id: 'input', statuses: INPUT_STATUSES, needsBuyer: true, kinds: ['input'] },
  { id: 'failed', statuses: FAILED_STATUSES, needsBuyer: true, kinds: ['failed', 'rejected', 'creative'] },
  { id: 'waiting', statuses: WAITING_STATUSES, needsBuyer: false, kinds: ['pending-approval', 'pending-change'] },
]

export function needsYouGroup(id: NeedsYouGroupId): NeedsYouGroup {
  return NEEDS_YOU_GROUPS.find((g) => g.id === id)!
}

/** What the buyer owes is polled every minute; what waits on a seller, page by page, every five. */
const NEEDS_PLAN: PollPlan = { firstPageMs: 60_000, restMs: 120_000 }
const WAITING_PLAN: PollPlan = { firstPageMs: 60_000, restMs: 300_000 }

export function needsYouFilters(group: NeedsYouGroup) {
  return { mediaBuyStatus: [...group.statuses], status: ['ALL'] }
}

function planOf(group: NeedsYouGroup): PollPlan {
  return group.needsBuyer ? NEEDS_PLAN : WAITING_PLAN
}

/** How many campaigns are in a group: the first page of the group's list, shared with the inbox. */
export function needsYouTotalQueryOptions(group: NeedsYouGroup) {
  return listTotalQueryOptions(needsYouFilters(group), planOf(group))
}

/** The campaigns that need the buyer (input, failed or rejected), as the nav and Monitor count them. */
export function useNeedsYouTotal(): number | null {
  return useQueries({
    queries: NEEDS_YOU_GROUPS.filter((g) => g.needsBuyer).map(needsYouTotalQueryOptions),
    combine: sumTotals,
  })
}

function sumTotals(results: { data?: number }[]): number | null {
  if (results.some((r) => r.data === undefined)) return null
  return results.reduce((sum, r) => sum + (r.data ?? 0), 0)
}

/** A campaign whose detail is not in yet: what the list call says, and nothing invented. */
export interface CampaignEntry {
  level: 'campaign'
  key: string
  group: NeedsYouGroupId
  needsBuyer: boolean
  summary: CampaignSummary
}
export type BuyEntry = InboxItem & { level: 'buy'; group: NeedsYouGroupId }
export type InboxEntry = CampaignEntry | BuyEntry

export function entryCampaignId(entry: InboxEntry): string {
  return entry.level === 'campaign' ? entry.summary.campaignId : entry.campaign.campaignId
}

/** Whether an entry matches what the buyer typed: campaign, buy or seller name, or an id, in any case. */
export function entryMatches(entry: InboxEntry, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase()
  if (!needle) return true
  const haystack =
    entry.level === 'campaign'
      ? [entry.summary.name, entry.summary.campaignId]
      : [entry.campaign.name, entry.campaign.campaignId, entry.buy.name, entry.buy.mediaBuyId, entry.seller]
  return haystack.some((text) => text.toLocaleLowerCase().includes(needle))
}

export interface GroupView {
  group: NeedsYouGroup
  list: WholeList
  entries: InboxEntry[]
}

const bySince = (a: InboxItem, b: InboxItem) => Date.parse(a.since) - Date.parse(b.since) || a.key.localeCompare(b.key)

/**
 * The entries of a group, longest waiting first by the campaign's last change, in an order that does not move when a
 * campaign's detail arrives: each campaign keeps its place, and its buys take it.
 */
export function groupEntries(
  group: NeedsYouGroup,
  summaries: readonly CampaignSummary[],
  detailOf: (campaignId: string) => Campaign | undefined,
): InboxEntry[] {
  const ordered = [...summaries].sort(
    (a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.campaignId.localeCompare(b.campaignId),
  )
  return ordered.flatMap((summary): InboxEntry[] => {
    const campaign = detailOf(summary.campaignId)
    const asCampaign: InboxEntry[] = [
      {
        level: 'campaign',
        key: `${summary.campaignId}:${group.id}`,
        group: group.id,
        needsBuyer: group.needsBuyer,
        summary,
      },
    ]
    if (!campaign) return asCampaign
    const items = campaignItems(campaign)
      .filter((item) => group.kinds.includes(item.kind))
      .sort(bySince)
      .map((item): InboxEntry => ({ ...item, level: 'buy', group: group.id }))
    if (items.length) return items
    // A newer detail is the later word (a buy answered since the list was read has left the group); an older one
    // is not, so the campaign stays listed, to be fetched again when it is on screen.
    return Date.parse(campaign.updatedAt) < Date.parse(summary.updatedAt) ? asCampaign : []
  })
}

export interface NeedsYouInbox {
  groups: GroupView[]
  /** True when a group holds more campaigns than are loaded yet. */
  loading: boolean
  refetch: () => Promise<unknown>
}

/** The three groups' whole lists and the entries derived from them and from whatever details are cached. */
export function useNeedsYouInbox(): NeedsYouInbox {
  const queryClient = useQueryClient()
  const input = useWholeCampaignList(needsYouFilters(NEEDS_YOU_GROUPS[0]), NEEDS_PLAN)
  const failed = useWholeCampaignList(needsYouFilters(NEEDS_YOU_GROUPS[1]), NEEDS_PLAN)
  const waiting = useWholeCampaignList(needsYouFilters(NEEDS_YOU_GROUPS[2]), WAITING_PLAN)
  const lists = useMemo(() => [input, failed, waiting], [input, failed, waiting])

  // Details change the entries; re-derive whenever one of these campaigns' cache entries moves.
  const detailVersion = useDetailVersion(lists)
  useEffect(() => {
    for (const list of lists) refreshChangedCampaignRows(queryClient, list.summaries)
  }, [queryClient, lists])

  const groups = useMemo(() => {
    void detailVersion
    const detailOf = (id: string) => queryClient.getQueryData<Campaign>(campaignKeys.detail(id))
    return NEEDS_YOU_GROUPS.map((group, i) => ({
      group,
      list: lists[i],
      entries: groupEntries(group, lists[i].summaries, detailOf),
    }))
  }, [queryClient, lists, detailVersion])

  return {
    groups,
    loading: lists.some((l) => !l.complete),
    refetch: () => Promise.all(lists.map((l) => l.refetch())),
  }
}

/** A counter that moves when the cached detail of any campaign in these lists is set or removed. */
function useDetailVersion(lists: readonly WholeList[]): number {
  const queryClient = useQueryClient()
  const ids = useMemo(() => new Set(lists.flatMap((l) => l.summaries.map((s) => s.campaignId))), [lists])
  const [version, setVersion] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    const detailPrefix = campaignKeys.details()
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' && event.type !== 'removed' && event.type !== 'added') return
      const key = event.query.queryKey
      if (key.length !== detailPrefix.length + 1 || key[0] !== detailPrefix[0] || key[1] !== detailPrefix[1]) return
      if (event.type === 'updated' && event.action.type !== 'success') return
      if (ids.has(String(key[2]))) setVersion()
    })
  }, [queryClient, ids, setVersion])
  return version
}
