import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { advertiserListQueryOptions } from '@/api/advertisers'
import { campaignDetailQueryOptions, campaignPollInterval } from '@/api/campaigns'
import { campaignRollUp } from '@/domain/rollup'
import { Freshness } from '@/components/freshness'
import { RollUpBadge } from '@/components/rollup-badge'
import { StatusBadge } from '@/components/status-badge'
import { useDocumentTitle } from '@/lib/use-document-title'
import { CampaignSummaryFacts } from './campaign-summary'
import { MediaBuyItem } from './media-buy-item'
import { campaignRoute } from './route-api'

export function CampaignPage() {
  const { campaignId } = campaignRoute.useParams()
  const detail = useSuspenseQuery({
    ...campaignDetailQueryOptions(campaignId),
    refetchInterval: (query) => campaignPollInterval(query.state.data),
  })
  const advertisers = useQuery(advertiserListQueryOptions())
  const campaign = detail.data
  useDocumentTitle(campaign.name)
  const advertiserName =
    advertisers.data?.items.find((a) => a.id === campaign.advertiserId)?.name ?? campaign.advertiserId
  const buys = campaign.mediaBuys ?? []
  const currency = campaign.budget?.currency ?? 'USD'

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link to="/campaigns" className="text-blue-800 underline dark:text-blue-300">
          Campaigns
        </Link>
      </nav>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{campaign.name}</h1>
        <RollUpBadge rollUp={campaignRollUp(campaign)} />
        <span className="flex items-center gap-1 text-sm text-slate-700 dark:text-slate-300">
          campaign lifecycle: <StatusBadge status={campaign.status} />
        </span>
        <Freshness updatedAt={detail.dataUpdatedAt} isFetching={detail.isFetching} className="ml-auto" />
      </div>
      <CampaignSummaryFacts campaign={campaign} advertiserName={advertiserName} />
      <section aria-labelledby="buys-title" className="mt-6">
        <h2 id="buys-title" className="mb-3 text-lg font-semibold">
          Media buys ({buys.length})
        </h2>
        {buys.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">
            No media buys yet. Buys appear when the campaign is executed, one per sales agent.
          </p>
        ) : (
          <ul className="space-y-3">
            {buys.map((buy) => (
              <MediaBuyItem key={`${buy.mediaBuyId}:${buy.status}`} buy={buy} currency={currency} />
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
