import { describeApiError, isApiError } from '@/api/errors'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { formatRelativeTime } from '@/lib/format'
import { useNow } from '@/lib/use-now'

type RefreshProblemProps = {
  /** The query's last error; shown only while the screen still has data to show. */
  error: unknown
  hasData: boolean
  /** Epoch ms of the data on screen. */
  updatedAt: number
  what: string
  onRetry: () => void
  isFetching?: boolean
}

/**
 * A refresh failed but the screen still has what it loaded: keep it, say what went wrong and how old it is, and offer
 * a retry. Polling backs off and heals by itself (src/api/polling.ts).
 */
export function RefreshProblem({ error, hasData, updatedAt, what, onRetry, isFetching = false }: RefreshProblemProps) {
  const now = useNow(5_000)
  if (!error || !hasData) return null
  const code = isApiError(error) ? error.code : undefined
  return (
    <Alert tone="warning" className="my-3 flex flex-wrap items-center gap-x-3 gap-y-2" data-slot="refresh-problem">
      <span className="grow">
        <strong>Could not refresh {what}.</strong> {describeApiError(error)} Showing what was loaded{' '}
        {formatRelativeTime(updatedAt, now)}; the dashboard keeps trying.
        {code ? <span className="ml-1 font-mono text-xs">({code})</span> : null}
      </span>
      <Button variant="secondary" size="sm" onClick={onRetry} disabled={isFetching}>
        {isFetching ? 'Retrying…' : 'Retry now'}
      </Button>
    </Alert>
  )
}
