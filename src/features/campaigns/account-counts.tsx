import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { needsYouGroup, needsYouTotalQueryOptions, type NeedsYouGroupId } from '@/api/needs-you'
import { StatusBadge } from '@/components/status-badge'

const QUESTIONS: { group: NeedsYouGroupId; text: (n: number) => string }[] = [
  {
    group: 'input',
    text: (n) => `${n === 1 ? '1 campaign needs' : `${n} campaigns need`} your input`,
  },
  {
    group: 'failed',
    text: (n) => `${n === 1 ? '1 campaign has' : `${n} campaigns have`} a failed or rejected buy`,
  },
  {
    group: 'waiting',
    text: (n) => `${n === 1 ? '1 campaign waits' : `${n} campaigns wait`} on a seller`,
  },
]

/**
 * Whole-account answers from the totals of the Needs you lists (mediaBuyStatus filters): the same first pages the
 * inbox and the nav count read, so the three cost nothing more, and never a scan.
 */
export function AccountCounts() {
  return (
    <ul aria-label="Across the account" className="mb-4 flex flex-wrap gap-2">
      {QUESTIONS.map((q) => (
        <AccountCount key={q.group} group={q.group} text={q.text} />
      ))}
    </ul>
  )
}

type CountProps = { group: NeedsYouGroupId; text: (n: number) => string }

function AccountCount({ group, text }: CountProps) {
  const { statuses } = needsYouGroup(group)
  const total = useQuery(needsYouTotalQueryOptions(needsYouGroup(group)))
  if (total.data === undefined) return null
  return (
    <li>
      <Link
        to="/campaigns"
        search={{ mediaBuyStatus: [...statuses], status: ['ALL'] }}
        className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-800 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        <StatusBadge status={statuses[0]} />
        {text(total.data)}
      </Link>
    </li>
  )
}
