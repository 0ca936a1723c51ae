import type { ErrorComponentProps } from '@tanstack/react-router'
import { useRouter } from '@tanstack/react-router'
import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { ErrorView } from './error-view'

// The per-route error boundary: Retry clears the failed queries' error state and re-runs the loaders.
export function RouteError({ error, reset, what }: ErrorComponentProps & { what?: string }) {
  const router = useRouter()
  const queryErrorResetBoundary = useQueryErrorResetBoundary()
  const retry = () => {
    queryErrorResetBoundary.reset()
    reset()
    void router.invalidate()
  }
  return <ErrorView error={error} what={what} onRetry={retry} />
}
