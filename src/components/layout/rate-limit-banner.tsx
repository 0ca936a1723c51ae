import { useRateLimitedUntil } from '@/api/rate-limit'
import { useNow } from '@/lib/use-now'

// CONTRACT D4: after a 429 the client waits out Retry-After; the buyer should know why nothing moves.
export function RateLimitBanner() {
  const until = useRateLimitedUntil()
  const now = useNow(1000)
  if (!until || until <= now) return null
  return (
    <div
      role="status"
      className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
    >
      The platform asked us to slow down. Waiting {Math.ceil((until - now) / 1000)} s before the next request.
    </div>
  )
}
