import { useNeedsYouInbox } from '@/api/needs-you'

/** How many buys wait on the buyer, kept fresh by the inbox's 60 s list polling; nothing while unknown or zero. */
export function NeedsYouCount() {
  const inbox = useNeedsYouInbox()
  const count = inbox.needsYou.length
  if (inbox.lists.pending || count === 0) return null
  return (
    <span
      data-testid="needs-you-count"
      className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-amber-700 px-1.5 text-xs font-semibold text-white dark:bg-amber-300 dark:text-slate-950"
    >
      {count}
      <span className="sr-only"> {count === 1 ? 'item' : 'items'}</span>
    </span>
  )
}
