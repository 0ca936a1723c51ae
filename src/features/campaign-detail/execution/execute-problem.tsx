import { Alert } from '@/components/ui/alert'
import { describeExecuteError } from './execute-messages'

/** Why an execute (or a send again) was refused, in words, with the code for support. */
export function ExecuteProblem({ error, className = 'mt-3' }: { error: unknown; className?: string }) {
  if (!error) return null
  const problem = describeExecuteError(error)
  return (
    <Alert tone="error" className={className}>
      <p>{problem.message}</p>
      {problem.code ? (
        <p className="mt-1">
          Code for support: <code className="font-mono">{problem.code}</code>
        </p>
      ) : null}
    </Alert>
  )
}
