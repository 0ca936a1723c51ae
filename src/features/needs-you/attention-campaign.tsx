import { useRef } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { campaignDetailQueryOptions } from '@/api/campaigns'
import type { CampaignMediaBuy, CampaignSummary } from '@/api/schemas/campaign'
import { StatusBadge } from '@/components/status-badge'
import { Skeleton } from '@/components/ui/skeleton'
import { formatDateTime } from '@/lib/format'
import { useInView } from '@/lib/use-in-view'

function sellers(buy: CampaignMediaBuy): string {
  return [...new Set((buy.products ?? []).map((p) => p.salesAgentName).filter(Boolean))].join(', ')
}

type Props = { campaign: CampaignSummary; statuses: readonly string[]; advertiserName: string }

// One campaign in the inbox, with the buys that need attention and the seller's own words.
export function AttentionCampaign({ campaign, statuses, advertiserName }: Props) {
  const ref = useRef<HTMLLIElement>(null)
  const inView = useInView(ref)
  const detail = useQuery({ ...campaignDetailQueryOptions(campaign.campaignId), enabled: inView })
  const buys = (detail.data?.mediaBuys ?? []).filter((buy) => statuses.includes(buy.status))

  return (
    <li ref={ref} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <Link
          to="/campaigns/$campaignId"
          params={{ campaignId: campaign.campaignId }}
          className="font-semibold text-blue-800 underline-offset-2 hover:underline dark:text-blue-300"
        >
          {campaign.name}
        </Link>
        <span className="text-sm text-slate-700 dark:text-slate-300">{advertiserName}</span>
      </div>
      {detail.isError ? (
        <p className="mt-2 text-sm">The media buys could not be loaded; open the campaign to see them.</p>
      ) : !detail.data ? (
        <Skeleton className="mt-2 h-6 w-2/3" />
      ) : (
        <ul className="mt-2 space-y-2">
          {buys.map((buy) => (
            <li key={`${buy.mediaBuyId}:${buy.status}`} className="text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <StatusBadge status={buy.status} />
                <span className="font-medium">{buy.name}</span>
                <span className="text-slate-700 dark:text-slate-300">
                  {sellers(buy) ? `sales agent: ${sellers(buy)}` : 'sales agent not reported'}
                </span>
                {buy.pendingSince ? (
                  <span className="text-slate-600 dark:text-slate-400">since {formatDateTime(buy.pendingSince)}</span>
                ) : null}
              </div>
              {buy.sourceMessage ? <p className="mt-1 pl-1">Seller says: “{buy.sourceMessage}”</p> : null}
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}
