import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { auditLogQueryOptions, campaignHistoryFilters } from '@/api/audit-logs'
import { campaignTimeseriesQueryOptions } from '@/api/reporting'
import { campaignNames } from '@/components/audit-changes'
import type { Campaign } from '@/api/schemas/campaign'
import { useExternal } from '@/lib/external-store'
import { useNow } from '@/lib/use-now'
import { buildDeliveryModel } from './delivery-model'
import { isStale } from './figure-age'
import { observeCampaign, observedChanges, observedMarkers } from './observed-changes'
import { dedupe, historyMarkers, statusMarkers } from './timeline'

/** Reporting is refreshed about once a minute (D4's idle rate); past twice that, figures are stale. */
export const DELIVERY_REFRESH_MS = 60_000

const day = (iso: string | undefined) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined)

/**
 * Daily delivery over the whole flight. The range is the flight, not "up to today": the platform only has what has
 * been reported, and a browser clock a little behind the platform's must not cut off the latest day.
 */
export function useCampaignDelivery(campaign: Campaign, campaignUpdatedAt: number) {
  const startDate = day(campaign.flightDates?.startDate)
  const endDate = day(campaign.flightDates?.endDate)
  const range = { campaignId: campaign.campaignId, startDate: startDate ?? '', endDate: endDate ?? '' }
  const timeseries = useQuery({
    ...campaignTimeseriesQueryOptions(range),
    enabled: Boolean(startDate && endDate),
    refetchInterval: DELIVERY_REFRESH_MS,
  })
  const now = useNow(5_000)
  useEffect(() => observeCampaign(campaign, campaignUpdatedAt), [campaign, campaignUpdatedAt])
  const campaignId = campaign.campaignId
  const observedNow = () => observedMarkers(campaignId)
  const observed = useExternal(observedChanges, observedNow)
  const fresh =
    !isStale(timeseries.dataUpdatedAt, now, DELIVERY_REFRESH_MS) &&
    !isStale(campaignUpdatedAt, now, DELIVERY_REFRESH_MS)
  const judgedFresh = fresh && timeseries.isSuccess
  // Pacing is re-judged once a minute, so charts are not redrawn on every clock tick of the age labels.
  const modelNow = Math.floor(now / 60_000) * 60_000
  const data = timeseries.data
  const model = useMemo(
    () =>
      buildDeliveryModel({ campaign, timeseries: data?.timeseries ?? [], now: new Date(modelNow), fresh: judgedFresh }),
    [campaign, data, modelNow, judgedFresh],
  )
  // The timeline reads History's first page (the same request as the History panel); without History, what the
  // daily rows and this tab saw change.
  const history = useQuery(auditLogQueryOptions(campaignHistoryFilters(campaignId)))
  const logs = history.data?.logs
  const currency = campaign.budget?.currency
  const names = useMemo(() => campaignNames(campaign), [campaign])
  const markers = useMemo(
    () =>
      logs
        ? dedupe(historyMarkers(logs, { currency, names }))
        : dedupe([...statusMarkers(data?.timeseries ?? []), ...observed]),
    [logs, currency, names, data, observed],
  )
  return { timeseries, model, markers, now, fresh }
}
