import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { cachedCampaignDetailQueryOptions } from '@/api/campaigns'
import type { CampaignEntry } from '@/api/needs-you'
import { buttonClasses } from '@/components/ui/button'
import { formatDateTime } from '@/lib/format'

/** The opened entry of a campaign whose buys are still on the way: what the list says, and that the rest is coming. */
export function CampaignEntryDetail({ entry }: { entry: CampaignEntry }) {
  const detail = useQuery(cachedCampaignDetailQueryOptions(entry.summary.campaignId))
  return (
    <section
      aria-labelledby="inbox-detail-title"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="inbox-detail-title" className="text-lg font-semibold">
        {entry.summary.name}
      </h2>
      <p className="mt-2 text-sm" role="status">
        {detail.isError
          ? 'The buys of this campaign could not be loaded. Refresh, or open the campaign.'
          : 'Loading the buys of this campaign and what the sellers said…'}
      </p>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        Last changed {formatDateTime(entry.summary.updatedAt)}
      </p>
      <Link
        to="/campaigns/$campaignId"
        params={{ campaignId: entry.summary.campaignId }}
        className={`mt-3 ${buttonClasses({ size: 'sm', variant: 'ghost' })}`}
      >
        Open campaign
      </Link>
    </section>
  )
}
