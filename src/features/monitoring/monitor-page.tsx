import { useQueries, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useEffect, useMemo, useState } from 'react'
import { requestFreshReads } from '@/api/client'
import {
  CAMPAIGN_LIST_POLL_MS,
  cachedCampaignDetailQueryOptions,
  refreshChangedCampaignRows,
  useOnScreenDetails,
} from '@/api/campaigns'
import { useWholeCampaignList, type PollPlan } from '@/api/campaign-lists'
import { useNeedsYouTotal } from '@/api/needs-you'
import type { Campaign, CampaignSummary } from '@/api/schemas/campaign'
import { Button } from '@/components/ui/button'
import { Freshness } from '@/components/freshness'
import { useDocumentTitle } from '@/lib/use-document-title'
import { useNow } from '@/lib/use-now'
import { useSettledList } from '@/lib/use-settled-list'
import { useVisibleKeys } from '@/lib/use-visible-keys'
import { tileAttention, type TileAttention } from './attention'
import { isStale } from './stale'
import { MonitorTile } from './monitor-tile'
import { spendSamples } from './spend-samples'

const LIVE = { status: ['ACTIVE'] }
/** The marker below the last tile: on screen, the next page of live campaigns is read. */
const MORE = '#more'
const LIVE_NEEDING_YOU = { status: ['ACTIVE'], mediaBuyStatus: ['INPUT_REQUIRED', 'FAILED', 'REJECTED'] }
/** The wall's lists: first pages every minute, the rest every three; tiles re-fetch only when the list says so. */
const PLAN: PollPlan = { firstPageMs: CAMPAIGN_LIST_POLL_MS, restMs: 3 * CAMPAIGN_LIST_POLL_MS }

interface Tile {
  summary: CampaignSummary
  campaign?: Campaign
  attention: TileAttention | null
  stale: boolean
  updatedAt: number
  needsYou: boolean
}

/**
 * Every live campaign on one wall, those whose buys need the buyer first (known from the list calls alone), then by
 * what the tiles' own figures say once a tile has been on screen. Only tiles on screen fetch their campaign.
 */
export function MonitorPage() {
  useDocumentTitle('Monitor')
  const queryClient = useQueryClient()
  const now = useNow(5_000)
  // The wall reads its live campaigns a page at a time, the next one as the buyer scrolls near the end.
  const [livePages, setLivePages] = useState(1)
  const live = useWholeCampaignList(LIVE, PLAN, { pageLimit: livePages })
  const needing = useWholeCampaignList(LIVE_NEEDING_YOU, PLAN)
  const needsYouTotal = useNeedsYouTotal()
  useEffect(() => {
    refreshChangedCampaignRows(queryClient, live.summaries)
  }, [queryClient, live.summaries])

  const summaries = useMemo(() => {
    const first = new Set(needing.summaries.map((s) => s.campaignId))
    return [...needing.summaries, ...live.summaries.filter((s) => !first.has(s.campaignId))]
  }, [needing.summaries, live.summaries])
  const needsYouIds = useMemo(() => new Set(needing.summaries.map((s) => s.campaignId)), [needing.summaries])

  const { visible, observe } = useVisibleKeys()
  const onScreen = useSettledList(
    useMemo(() => summaries.filter((s) => visible.has(s.campaignId)).map((s) => s.campaignId), [summaries, visible]),
  )
  useOnScreenDetails(onScreen)
  // The marker is in view and every page asked for is in: ask for one more (state adjusted while rendering, since the
  // next render sees the new page still loading, this asks once per page).
  if (visible.has(MORE) && live.complete && live.summaries.length < (live.total ?? 0)) setLivePages(livePages + 1)
  const details = useQueries({ queries: summaries.map((s) => cachedCampaignDetailQueryOptions(s.campaignId)) })

  const tiles: Tile[] = summaries
    .map((summary, i) => {
      const d = details[i]
      const stale = isStale(d.dataUpdatedAt, now, CAMPAIGN_LIST_POLL_MS)
      const attention = d.data
        ? tileAttention({ campaign: d.data, samples: spendSamples(summary.campaignId), now, fresh: !stale })
        : null
      return {
        summary,
        campaign: d.data,
        attention,
        stale,
        updatedAt: d.dataUpdatedAt,
        needsYou: needsYouIds.has(summary.campaignId),
      }
    })
    .sort((a, b) => Number(b.needsYou) - Number(a.needsYou) || (b.attention?.score ?? -1) - (a.attention?.score ?? -1))
  const refresh = () => {
    requestFreshReads()
    return Promise.all([live.refetch(), needing.refetch()])
  }
  const total = live.total

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-3xl font-semibold tracking-tight">Live campaigns</h1>
        <Freshness updatedAt={live.updatedAt} isFetching={live.fetching} />
        <Button size="sm" variant="secondary" className="ml-auto" onClick={() => void refresh()}>
          Refresh now
        </Button>
      </div>
      <p role="status" className="text-lg">
        {total !== null ? (
          <>
            {total.toLocaleString('en-US')} live {total === 1 ? 'campaign' : 'campaigns'}
            {needing.total
              ? `, ${needing.total.toLocaleString('en-US')} with a buy that needs you`
              : ', none with a buy that needs you'}
            {live.summaries.length < total ? ` (${live.summaries.length.toLocaleString('en-US')} shown so far)` : ''}.{' '}
            <Link to="/needs-you" className="text-blue-800 underline dark:text-blue-300">
              {needsYouTotal?.toLocaleString('en-US') ?? '…'} {needsYouTotal === 1 ? 'campaign has' : 'campaigns have'}{' '}
              a buy that needs you across the account
            </Link>
            . Refreshes every minute while this tab is visible.
          </>
        ) : live.error ? (
          'The live campaigns could not be loaded; retrying.'
        ) : (
          'Loading live campaigns…'
        )}
      </p>
      <div className={isStale(live.updatedAt, now, CAMPAIGN_LIST_POLL_MS) && total !== null ? 'opacity-50' : undefined}>
        <ul
          aria-label="Live campaigns, most in need of attention first"
          className="grid grid-cols-[repeat(auto-fill,minmax(20rem,1fr))] gap-4"
        >
          {tiles.map((t) => (
            <li
              key={t.summary.campaignId}
              ref={observe(t.summary.campaignId)}
              className="min-h-[17rem] [content-visibility:auto] [contain-intrinsic-size:auto_17rem]"
            >
              {t.campaign ? (
                <MonitorTile campaign={t.campaign} attention={t.attention} stale={t.stale} updatedAt={t.updatedAt} />
              ) : (
                <div className="h-full rounded-xl border-2 border-slate-200 p-5 text-lg dark:border-slate-700">
                  <p className="font-medium">{t.summary.name}</p>
                  <p className="text-base text-slate-700 dark:text-slate-300">
                    {t.needsYou ? 'A buy needs you · ' : ''}loading its figures…
                  </p>
                </div>
              )}
            </li>
          ))}
        </ul>
        {total !== null && live.summaries.length < total ? (
          <p ref={observe(MORE)} className="mt-4 text-base" role="status">
            {live.fetching
              ? 'Loading more live campaigns…'
              : `${(total - summaries.length).toLocaleString('en-US')} more live campaigns load as you scroll.`}
          </p>
        ) : null}
      </div>
    </div>
  )
}
