import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { campaignCountQueryOptions } from '@/api/campaigns'
import type { MediaBuyStatus } from '@/api/schemas/common'
import { StatusBadge } from '@/components/status-badge'

const QUESTIONS: { statuses: MediaBuyStatus[]; text: (n: number) => string }[] = [
  { statuses: ['INPUT_REQUIRED'], text: (n) => `${n === 1 ? '1 campaign needs' : `${n} campaigns need`} your input` },
  { statuses: ['FAILED', 'REJECTED'], text: (n) => `${n === 1 ? '1 campaign has' : `${n} campaigns have`} a failed or rejected buy` },
  { statuses: ['PENDING_APPROVAL'], text: (n) => `${n === 1 ? '1 campaign waits' : `${n} campaigns wait`} on a seller` },
]

/** Whole-account answers from mediaBuyStatus-filtered list calls with take=1: one small request each, never a scan. */
export function AccountCounts() {
  return (
    <ul aria-label="Across the account" className="mb-4 flex flex-wrap gap-2">
      {QUESTIONS.map((q) => (
        <AccountCount key={q.statuses.join()} statuses={q.statuses} text={q.text} />
      ))}
    </ul>
  )
}

function AccountCount({ statuses, text }: { statuses: MediaBuyStatus[]; text: (n: number) => string }) {
  const total = useQuery(campaignCountQueryOptions({ mediaBuyStatus: statuses, status: ['ALL'] }))
  if (total.data === undefined) return null
  return (
    <li>
      <Link
        to="/campaigns"
        search={{ mediaBuyStatus: statuses, status: ['ALL'] }}
        className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-800 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        <StatusBadge status={statuses[0]} />
        {text(total.data)}
      </Link>
    </li>
  )
}
