import { useNeedsYouTotal } from '@/api/needs-you'

/**
 * How many campaigns have a buy waiting on the buyer (input, failed or rejected): the totals of the Needs you lists'
 * first pages, which the inbox shares, so the count costs two small requests a minute and no campaign detail.
 */
export function NeedsYouCount() {
  const count = useNeedsYouTotal()
  if (!count) return null
  return (
    <span
      data-testid="needs-you-count"
      className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-amber-700 px-1.5 text-xs font-semibold text-white dark:bg-amber-300 dark:text-slate-950"
    >
      {count.toLocaleString('en-US')}
      <span className="sr-only"> {count === 1 ? 'waits on you' : 'wait on you'}</span>
    </span>
  )
}
