import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useMemo } from 'react'
import {
  CAMPAIGN_LIST_POLL_MS,
  campaignCountQueryOptions,
  campaignListQueryOptions,
  campaignRowDetailQueryOptions,
} from '@/api/campaigns'
import { Button } from '@/components/ui/button'
import { Freshness } from '@/components/freshness'
import { useDocumentTitle } from '@/lib/use-document-title'
import { useNow } from '@/lib/use-now'
import { tileAttention } from './attention'
import { isStale } from './stale'
import { MonitorTile } from './monitor-tile'
import { spendSamples } from './spend-samples'

/** Tiles shown, each refreshed once a minute: with the list and three counts, about 30 requests a minute (limit 100). */
export const MAX_TILES = 24
const LIVE_FILTERS = { status: ['ACTIVE'], take: 100 }
const NEEDS_YOU = ['INPUT_REQUIRED', 'REJECTED', 'FAILED'] as const

/** Every live campaign on one screen, most in need of attention first; refreshes itself, pauses while hidden. */
export function MonitorPage() {
  useDocumentTitle('Monitor')
  const queryClient = useQueryClient()
  const now = useNow(5_000)
  const list = useQuery({ ...campaignListQueryOptions(LIVE_FILTERS), refetchInterval: CAMPAIGN_LIST_POLL_MS })
  const shown = useMemo(() => (list.data?.campaigns ?? []).slice(0, MAX_TILES), [list.data])
  const details = useQueries({
    queries: shown.map((c) => ({
      ...campaignRowDetailQueryOptions(c.campaignId),
      staleTime: CAMPAIGN_LIST_POLL_MS,
      refetchInterval: CAMPAIGN_LIST_POLL_MS,
    })),
  })
  const needsYou = useQueries({
    queries: NEEDS_YOU.map((s) => campaignCountQueryOptions({ status: ['ALL'], mediaBuyStatus: [s] })),
  })
  const needsYouTotal = needsYou.reduce((sum, q) => sum + (q.data ?? 0), 0)

  const tiles = details
    .map((d, i) => {
      const stale = isStale(d.dataUpdatedAt, now, CAMPAIGN_LIST_POLL_MS)
      const attention = d.data ? tileAttention({ campaign: d.data, samples: spendSamples(d.data.campaignId), now, fresh: !stale }) : null
      return { summary: shown[i], campaign: d.data, attention, stale, updatedAt: d.dataUpdatedAt }
    })
    .sort((a, b) => (b.attention?.score ?? -1) - (a.attention?.score ?? -1))
  const attentionCount = tiles.filter((t) => t.attention?.reasons.some((r) => r !== 'waiting_on_seller')).length
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['campaigns'] })

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-3xl font-semibold tracking-tight">Live campaigns</h1>
        <Freshness updatedAt={list.dataUpdatedAt} isFetching={list.isFetching} />
        <Button size="sm" variant="secondary" className="ml-auto" onClick={() => void refresh()}>
          Refresh now
        </Button>
      </div>
      <p role="status" className="text-lg">
        {list.data ? (
          <>
            {list.data.total} live {list.data.total === 1 ? 'campaign' : 'campaigns'}
            {attentionCount ? `, ${attentionCount} needing attention` : ', none needing attention'}.{' '}
            <Link to="/needs-you" className="text-blue-800 underline dark:text-blue-300">
              {needsYouTotal} {needsYouTotal === 1 ? 'campaign has' : 'campaigns have'} a buy that needs you
            </Link>
            . Refreshes every minute while this tab is visible.
          </>
        ) : list.isError ? (
          'The live campaigns could not be loaded; retrying.'
        ) : (
          'Loading live campaigns…'
        )}
      </p>
      <div className={isStale(list.dataUpdatedAt, now, CAMPAIGN_LIST_POLL_MS) && list.isSuccess ? 'opacity-50' : undefined}>
        <ul aria-label="Live campaigns, most in need of attention first" className="grid grid-cols-[repeat(auto-fill,minmax(20rem,1fr))] gap-4">
          {tiles.map((t) => (
            <li key={t.summary.campaignId}>
              {t.campaign ? (
                <MonitorTile campaign={t.campaign} attention={t.attention} stale={t.stale} updatedAt={t.updatedAt} />
              ) : (
                <div className="rounded-xl border-2 border-slate-200 p-5 text-lg dark:border-slate-700">{t.summary.name}: loading…</div>
              )}
            </li>
          ))}
        </ul>
      </div>
      {list.data && list.data.total > MAX_TILES ? (
        <p className="text-base">
          {list.data.total - MAX_TILES} more live campaigns are not shown here;{' '}
          <Link to="/campaigns" className="text-blue-800 underline dark:text-blue-300">see the campaign list</Link>.
        </p>
      ) : null}
    </div>
  )
}
