import { useRef } from 'react'
import { useQuery } from '@tanstack/react-query'
import { campaignDetailQueryOptions } from '@/api/campaigns'
import { campaignRollUp } from '@/domain/rollup'
import { RollUpBadge } from '@/components/rollup-badge'
import { StatusBadge } from '@/components/status-badge'
import { useInView } from '@/lib/use-in-view'

// List rows do not poll: the campaign page does (CONTRACT D4). A minute keeps a 50-row page well
// inside the 100 requests/minute limit.
const ROW_DETAIL_STALE_MS = 60_000

type Props = { campaignId: string; campaignStatus: string }

// The badge needs the campaign's buys, which only the detail has; fetch it once the row is on screen.
// Until then, show the campaign's own status, marked as such.
export function CampaignRollUpCell({ campaignId, campaignStatus }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const inView = useInView(ref)
  const detail = useQuery({
    ...campaignDetailQueryOptions(campaignId),
    enabled: inView,
    staleTime: ROW_DETAIL_STALE_MS,
  })

  return (
    <div ref={ref} className="flex items-center gap-2">
      {detail.data ? (
        <RollUpBadge rollUp={campaignRollUp(detail.data)} />
      ) : (
        <>
          <StatusBadge status={campaignStatus} />
          {detail.isError ? (
            <span className="text-xs text-slate-600 dark:text-slate-400">media buys unavailable</span>
          ) : (
            <span className="sr-only">campaign status; media buys loading</span>
          )}
        </>
      )}
    </div>
  )
}
