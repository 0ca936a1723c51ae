import { Link } from '@tanstack/react-router'
import { describeApiError, isApiError } from '@/api/errors'
import { Button } from '@/components/ui/button'

type ErrorViewProps = {
  error: unknown
  // What the buyer was trying to see, e.g. "the campaign list".
  what?: string
  onRetry?: () => void
}

function supportCode(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined
  return error.status ? `${error.code} (HTTP ${error.status})` : error.code
}

// What failed, in words, with the code for support and a way to try again: never a blank page.
export function ErrorView({ error, what = 'this page', onRetry }: ErrorViewProps) {
  const code = supportCode(error)
  const unauthorized = isApiError(error) && error.status === 401
  return (
    <section
      role="alert"
      aria-labelledby="error-title"
      className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-950 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
    >
      <h2 id="error-title" className="text-lg font-semibold">
        Could not load {what}
      </h2>
      <p className="mt-2">{describeApiError(error)}</p>
      {code ? (
        <p className="mt-2 text-sm">
          Code for support: <code className="rounded bg-red-100 px-1 font-mono dark:bg-red-900">{code}</code>
        </p>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        {onRetry ? <Button onClick={onRetry}>Retry</Button> : null}
        {unauthorized ? (
          <Link to="/settings" search={{ reason: 'unauthorized' }} className="self-center underline">
            Check your API key in Settings
          </Link>
        ) : null}
      </div>
    </section>
  )
}
