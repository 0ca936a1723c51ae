import { useQuery } from '@tanstack/react-query'
import { campaignListQueryOptions } from '@/api/campaigns'
import { ErrorView } from '@/components/error-view'
import { Freshness } from '@/components/freshness'
import { Skeleton } from '@/components/ui/skeleton'
import { AttentionCampaign } from './attention-campaign'
import { sectionFilters, type NeedsYouSection } from './needs-you-sections'

type Props = { section: NeedsYouSection; advertiserNames: ReadonlyMap<string, string> }

export function NeedsYouSectionView({ section, advertiserNames }: Props) {
  const list = useQuery(campaignListQueryOptions(sectionFilters(section)))
  const headingId = `${section.id}-title`
  const campaigns = list.data?.campaigns ?? []

  return (
    <section aria-labelledby={headingId} className="mb-8">
      <div className="mb-1 flex flex-wrap items-baseline gap-x-3">
        <h2 id={headingId} className="text-lg font-semibold">
          {section.title}
          {list.data ? ` (${list.data.total})` : ''}
        </h2>
        <Freshness updatedAt={list.dataUpdatedAt} isFetching={list.isFetching} />
      </div>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">{section.explanation}</p>
      {list.isPending ? (
        <Skeleton className="h-16 w-full" />
      ) : list.isError ? (
        <ErrorView error={list.error} what={section.title.toLowerCase()} onRetry={() => void list.refetch()} />
      ) : campaigns.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
          Nothing here right now.
        </p>
      ) : (
        <ul className="space-y-3">
          {campaigns.map((campaign) => (
            <AttentionCampaign
              key={campaign.campaignId}
              campaign={campaign}
              statuses={section.statuses}
              advertiserName={advertiserNames.get(campaign.advertiserId) ?? campaign.advertiserId}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
