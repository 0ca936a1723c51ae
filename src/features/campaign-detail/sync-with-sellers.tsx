import type { AdcpStatusOutput } from '@/api/schemas/status'
import type { Campaign } from '@/api/schemas/campaign'
import { useEffect } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  AUTO_SYNC_MS,
  campaignAdcpStatusQueryOptions,
  campaignKeys,
  hasBuysPendingApproval,
  useSyncWithSellers,
} from '@/api/campaigns'
import { describeApiError } from '@/api/errors'
import { Freshness } from '@/components/freshness'
import { StatusBadge } from '@/components/status-badge'
import { Button } from '@/components/ui/button'
import { humanizeCode } from '@/lib/buy-reasons'

const SOURCES: Record<string, string> = {
  direct_agent: 'asked the sales agent live',
  delegated_adapter: 'asked through the platform adapter',
  storefront_route_rollup: 'stored storefront state',
  not_submitted: 'not sent to a seller yet',
  persisted_terminal: 'final status, kept as stored',
  refresh_failed: 'the seller did not answer',
}

/**
 * CONTRACT D4/§7: asks every seller for the live status of each buy, on the buyer's word, and by itself every 30 s
 * while a buy waits on its seller (never while the tab is hidden); then shows blockers, errors and sources.
 */
export function SyncWithSellers({ campaign }: { campaign: Campaign }) {
  const queryClient = useQueryClient()
  const sync = useSyncWithSellers(campaign.campaignId)
  const pending = hasBuysPendingApproval(campaign)
  const live = useQuery({
    ...campaignAdcpStatusQueryOptions(campaign.campaignId),
    enabled: pending,
    refetchInterval: pending ? AUTO_SYNC_MS : false,
  })
  const result = live.data ?? sync.data
  const askedAt = Math.max(live.dataUpdatedAt, sync.data ? sync.submittedAt : 0)
  // A seller moved a buy on: the campaign's own answer says so at once, not at its next poll.
  const { campaignId } = campaign
  const moved = live.data?.media_buys.some((b) => b.updated) ?? false
  useEffect(() => {
    if (moved) void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId), exact: true })
  }, [moved, live.dataUpdatedAt, queryClient, campaignId])
  return (
    <section
      aria-labelledby="sync-title"
      className="mt-4 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="sync-title" className="text-sm font-semibold">
          Status from the sellers
        </h2>
        <Button size="sm" variant="secondary" onClick={() => sync.mutate()} disabled={sync.isPending}>
          {sync.isPending ? 'Asking the sellers…' : 'Sync with sellers'}
        </Button>
        {askedAt ? (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            Sellers last asked <Freshness updatedAt={askedAt} isFetching={live.isFetching} />
            {pending ? ' · asked again every 30 s while a buy waits on its seller' : ''}
          </span>
        ) : (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {pending ? 'Asking the sellers…' : 'Ask every sales agent for the live status of each buy.'}
          </span>
        )}
      </div>
      {sync.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
          Could not sync: {describeApiError(sync.error)}
        </p>
      ) : null}
      {result ? <SyncResult result={result} campaign={campaign} /> : null}
    </section>
  )
}

function SyncResult({ result, campaign }: { result: AdcpStatusOutput; campaign: Campaign }) {
  const nameOf = (id: string) => campaign.mediaBuys?.find((b) => b.mediaBuyId === id)?.name ?? id
  const changed = result.media_buys.filter((b) => b.updated)
  return (
    <div className="mt-3 space-y-3 text-sm" role="status">
      <p>
        Asked {result.agents_queried === 1 ? '1 sales agent' : `${result.agents_queried} sales agents`}:{' '}
        {changed.length === 0
          ? 'no status changed.'
          : `${changed.length} buy${changed.length === 1 ? '' : 's'} changed.`}{' '}
        Overall: {humanizeCode(result.operational_status)}.
      </p>
      {result.blockers.length ? (
        <div>
          <h3 className="font-medium">Blockers</h3>
          <ul className="list-disc pl-5">
            {result.blockers.map((b, i) => (
              <li key={`${b.code}-${i}`}>
                {b.message} <span className="font-mono text-xs">({b.code})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.errors.length ? (
        <div>
          <h3 className="font-medium text-red-800 dark:text-red-300">Errors</h3>
          <ul className="list-disc pl-5">
            {result.errors.map((e) => (
              <li key={e.media_buy_id}>
                {nameOf(e.media_buy_id)}: {e.error}{' '}
                {e.code ? <span className="font-mono text-xs">({e.code})</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul aria-label="Status per media buy" className="divide-y divide-slate-200 dark:divide-slate-800">
        {result.media_buys.map((b) => (
          <li key={b.media_buy_id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
            <span className="font-medium">{nameOf(b.media_buy_id)}</span>
            {b.updated && b.previous_internal_status ? (
              <>
                <StatusBadge status={b.previous_internal_status} /> →
              </>
            ) : null}
            <StatusBadge status={b.internal_status} />
            <span className="text-xs text-slate-700 dark:text-slate-300">
              {SOURCES[b.status_refresh_source] ?? humanizeCode(b.status_refresh_source)}
              {b.blockers.length ? ` · ${b.blockers.join(' · ')}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
