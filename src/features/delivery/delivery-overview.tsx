import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import { campaignKeys } from '@/api/campaigns'
import { reportingKeys } from '@/api/reporting'
import type { Campaign } from '@/api/schemas/campaign'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { DeliveryFigures } from './delivery-figures'
import { Fade, FigureAge } from './figure-age'
import { ExportCsvButton } from './export-csv-button'
import { PacingTable } from './pacing-table'
import { DELIVERY_REFRESH_MS, useCampaignDelivery } from './use-campaign-delivery'

// uPlot and the chart code load with the first chart, never with the campaign list (bundle budget, issue 9).
const DeliveryCharts = lazy(() => import('./delivery-charts'))

/** The campaign page's delivery panel: figures, pacing per level, charts over the flight, CSV export. */
export function DeliveryOverview({ campaign }: { campaign: Campaign }) {
  const queryClient = useQueryClient()
  const campaignState = queryClient.getQueryState(campaignKeys.detail(campaign.campaignId))
  const campaignUpdatedAt = campaignState?.dataUpdatedAt ?? 0
  const { timeseries, model, markers, now, fresh } = useCampaignDelivery(campaign, campaignUpdatedAt)
  const top = model.rows[0]
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaign.campaignId), exact: true }),
      queryClient.invalidateQueries({ queryKey: reportingKeys.all }),
    ])
  const hasBuys = (campaign.mediaBuys?.length ?? 0) > 0

  return (
    <section
      aria-labelledby="delivery-title"
      className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h2 id="delivery-title" className="text-lg font-semibold">
          Delivery and pacing
        </h2>
        <FigureAge
          updatedAt={timeseries.dataUpdatedAt}
          now={now}
          expectedRefreshMs={DELIVERY_REFRESH_MS}
          label="daily figures updated"
        />
        {timeseries.isFetching ? <span className="text-xs text-slate-600 dark:text-slate-400">refreshing…</span> : null}
        <div className="ml-auto flex gap-2">
          <Button size="sm" variant="secondary" onClick={() => void refresh()}>
            Refresh delivery
          </Button>
          <ExportCsvButton rows={model.rows} currency={model.currency} fileName={`${campaign.name} delivery.csv`} />
        </div>
      </div>
      {timeseries.isError ? (
        <p role="alert" className="mb-3 text-sm text-red-800 dark:text-red-300">
          Daily delivery could not be loaded; the figures below are from the campaign itself. Pacing is not judged
          without daily data.
        </p>
      ) : null}
      <Fade stale={!fresh}>
        {top ? (
          <DeliveryFigures row={top} currency={model.currency} campaign={campaign} totals={timeseries.data?.totals} />
        ) : null}
      </Fade>
      {hasBuys ? (
        <div className="mt-4">
          <Suspense fallback={<Skeleton className="h-64 w-full" />}>
            {timeseries.isPending && timeseries.fetchStatus !== 'idle' ? (
              <Skeleton className="h-64 w-full" />
            ) : top ? (
              <DeliveryCharts row={top} days={model.days} currency={model.currency} markers={markers} />
            ) : null}
          </Suspense>
        </div>
      ) : (
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          No media buys yet: delivery starts after execute.
        </p>
      )}
      {model.rows.length > 1 ? (
        <Fade stale={!fresh} className="mt-4">
          <PacingTable rows={model.rows.slice(1)} currency={model.currency} />
        </Fade>
      ) : null}
    </section>
  )
}
