import { useQuery } from '@tanstack/react-query'
import { cachedCampaignDetailQueryOptions } from '@/api/campaigns'
import type { Campaign, CampaignSummary } from '@/api/schemas/campaign'
import { campaignSpend } from '@/components/campaign-tree/buy-figures'
import { Muted, SpendCell } from '@/components/campaign-tree/figure-cells'
import { campaignPacing } from '@/domain/pacing-levels'
import { Freshness } from '@/components/freshness'
import { describeCounts, RollUpBadge } from '@/components/rollup-badge'
import { useStatusFlash } from '@/components/use-status-flash'
import { campaignRollUp } from '@/domain/rollup'
import { statusMeta } from '@/domain/status'

// Each cell reads the row's detail from the shared cache; the list asks for the details of the rows inside the
// viewport only (useOnScreenDetails), so a row drawn in the overscan or scrolled past costs nothing.
function useRowDetail(campaignId: string) {
  return useQuery(cachedCampaignDetailQueryOptions(campaignId))
}

function rollUpOf(campaign: Campaign) {
  return campaignRollUp({ status: campaign.status, mediaBuys: campaign.mediaBuys ?? [] })
}

export function CampaignStatusCell({ summary }: { summary: CampaignSummary }) {
  const detail = useRowDetail(summary.campaignId)
  const rollUp = detail.data ? rollUpOf(detail.data) : undefined
  const flashing = useStatusFlash(rollUp?.status, (s) => `${summary.name} is now ${statusMeta(s).label}`)
  if (!rollUp) {
    // Until the buys are in, the roll-up is unknown: say so, never show the campaign's own status as if it were it.
    return (
      <span className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400" data-status-loading="">
        {detail.isError ? (
          <>Status unavailable (campaign {statusMeta(summary.status).label.toLowerCase()})</>
        ) : (
          <>
            <span
              aria-hidden="true"
              className="inline-block h-5 w-20 animate-pulse rounded-full bg-slate-200 motion-reduce:animate-none dark:bg-slate-700"
            />
            <span className="sr-only">Status loading</span>
          </>
        )}
      </span>
    )
  }
  return (
    <span
      data-flash={flashing || undefined}
      className={`-mx-1 inline-block rounded-full px-1 transition-colors duration-700 motion-reduce:transition-none ${flashing ? 'bg-amber-200 dark:bg-amber-800' : ''}`}
    >
      <RollUpBadge rollUp={rollUp} />
    </span>
  )
}

export function CampaignCountsCell({ summary }: { summary: CampaignSummary }) {
  const detail = useRowDetail(summary.campaignId)
  if (!detail.data) return <Muted>{detail.isError ? 'Media buys unavailable' : 'Loading media buys…'}</Muted>
  const rollUp = rollUpOf(detail.data)
  return (
    <div className="text-xs">
      <div className="text-slate-800 dark:text-slate-200">
        {rollUp.counts.length ? describeCounts(rollUp.counts) : 'No media buys yet'}
      </div>
      <Freshness updatedAt={detail.dataUpdatedAt} isFetching={detail.isFetching} />
    </div>
  )
}

export function CampaignSpendCell({ summary, now }: { summary: CampaignSummary; now: number }) {
  const detail = useRowDetail(summary.campaignId)
  const currency = summary.budget?.currency ?? 'USD'
  if (!detail.data) return <Muted>…</Muted>
  return (
    <SpendCell
      spend={campaignSpend(detail.data.mediaBuys ?? [])}
      currency={currency}
      pacing={campaignPacing(detail.data, new Date(now))}
    />
  )
}
