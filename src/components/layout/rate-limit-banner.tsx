import { useRateLimitedUntil } from '@/api/rate-limit'
import { useRequestBudget } from '@/api/request-budget'
import { useNow } from '@/lib/use-now'

const NOUNS: Record<string, [string, string]> = {
  campaign: ['campaign', 'campaigns'],
  'list page': ['page of the lists', 'pages of the lists'],
}

function describeHeld(held: ReadonlyMap<string, number>): string {
  return [...held]
    .map(([label, n]) => {
      const [one, many] = NOUNS[label] ?? ['request', 'requests']
      return `${n.toLocaleString('en-US')} more ${n === 1 ? one : many}`
    })
    .join(' and ')
}

// CONTRACT D4: the dashboard never hammers the platform, and the buyer should know why something is still loading:
// either the platform answered 429 and we wait out its Retry-After, or we hold back on our own to stay under the limit.
export function RateLimitBanner() {
  const until = useRateLimitedUntil()
  const budget = useRequestBudget()
  const now = useNow(1000)
  if (until && until > now) {
    return (
      <div
        role="status"
        className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
      >
        The platform asked us to slow down. Waiting {Math.ceil((until - now) / 1000)} s before the next request.
      </div>
    )
  }
  if (budget.heldTotal === 0) return null
  const done = budget.doneSinceHold
  const all = done + budget.heldTotal
  const seconds = budget.resumesAt ? Math.max(1, Math.ceil((budget.resumesAt - now) / 1000)) : null
  return (
    <div
      role="status"
      className="flex flex-wrap items-center justify-center gap-3 bg-sky-100 px-4 py-2 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-100"
    >
      <span>
        Loading {describeHeld(budget.held)} within the platform’s rate limit…
        {seconds ? ` Continuing in about ${seconds} s.` : ''}
      </span>
      <progress max={all} value={done} aria-label="Loaded within the rate limit" className="h-2 w-32" />
    </div>
  )
}
