import type { Campaign } from '@/api/schemas/campaign'
import type { ExecuteWarning } from '@/api/schemas/execute'
import { StatusBadge } from '@/components/status-badge'
import { Alert } from '@/components/ui/alert'
import { ExecuteProblem } from './execute-problem'
import { Button } from '@/components/ui/button'
import { wellFormed } from '@/components/json-tree/json-text'
import { ErrorEntry } from './error-entry'
import { describeNothingToExecute } from './execute-messages'
import { RECOVERY_TEXT, groupErrors } from './group-errors'
import { dismissResult, useLastResult } from './result-store'
import { useGuardedExecute } from './use-execute'

/** The last execute result of this campaign, kept until dismissed: outcome, warnings, failures grouped, retry. */
export function ExecutePanel({ campaign }: { campaign: Campaign }) {
  const stored = useLastResult(campaign.campaignId)
  const { execute, pending, error } = useGuardedExecute(campaign.campaignId)
  if (!stored) return null
  const { result } = stored
  const errors = result.errors ?? []
  const groups = groupErrors(errors)
  const buyName = (id: string) => campaign.mediaBuys?.find((b) => b.mediaBuyId === id)?.name
  const retryable = (campaign.mediaBuys ?? []).some((b) => b.status === 'FAILED' || b.status === 'DRAFT')
  return (
    <section
      aria-labelledby="execute-result-title"
      className="my-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="execute-result-title" className="text-lg font-semibold">
          Last execute
        </h2>
        <span className="text-sm text-slate-700 dark:text-slate-300">{new Date(stored.at).toLocaleString()}</span>
        <div className="ml-auto flex gap-2">
          {errors.length > 0 && retryable ? (
            <Button onClick={() => execute(stored.debug)} disabled={pending} aria-busy={pending}>
              {pending ? 'Retrying…' : 'Retry failed'}
            </Button>
          ) : null}
          <Button variant="secondary" onClick={() => dismissResult(campaign.campaignId)}>
            Dismiss
          </Button>
        </div>
      </div>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-700 dark:text-slate-300">Campaign status</dt>
        <dd className="flex items-center gap-1">
          <StatusBadge status={result.previousStatus} /> <span aria-hidden="true">→</span>
          <span className="sr-only">to</span> <StatusBadge status={result.newStatus} />
        </dd>
        <dt className="text-slate-700 dark:text-slate-300">Buys executed</dt>
        <dd>{result.mediaBuysExecuted ?? 0}</dd>
        <dt className="text-slate-700 dark:text-slate-300">Outcome</dt>
        <dd>{outcome(campaign, result.success, errors.length, result.reason)}</dd>
      </dl>
      <ExecuteProblem error={error} />
      {(result.warnings ?? []).length > 0 ? (
        <ul aria-label="Warnings" className="mt-3 grid gap-2">
          {(result.warnings ?? []).map((w, i) => (
            <li key={i}>
              <Warning warning={w} buyName={buyName} />
            </li>
          ))}
        </ul>
      ) : null}
      {groups.length > 0 ? (
        <div className="mt-4">
          <h3 className="font-semibold">Failures ({errors.length})</h3>
          {groups.map((g) => (
            <section
              key={`${g.salesAgentId}|${g.recovery}|${g.code ?? ''}`}
              aria-label={`${g.salesAgentId}: ${g.errors.length} failed`}
              className="mt-3"
            >
              <h4 className="text-sm font-semibold">
                {g.errors.length} {g.errors.length === 1 ? 'buy' : 'buys'} failed at {g.salesAgentId}
                {g.code ? (
                  <>
                    {' '}
                    with <code className="font-mono">{g.code}</code>
                  </>
                ) : null}
              </h4>
              <p className="text-sm text-slate-700 dark:text-slate-300" data-recovery={g.recovery}>
                {RECOVERY_TEXT[g.recovery]}
              </p>
              <ul className="mt-2 grid gap-2">
                {g.errors.map((e) => (
                  <ErrorEntry
                    key={e.mediaBuyId}
                    campaignId={campaign.campaignId}
                    error={e}
                    buyName={buyName(e.mediaBuyId)}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
    </section>
  )
}

function outcome(campaign: Campaign, success: boolean, failed: number, reason: string | undefined): string {
  if (reason === 'no_media_buys_to_execute') return describeNothingToExecute(campaign)
  if (success) return 'Every buy was sent.'
  return `${failed} ${failed === 1 ? 'buy' : 'buys'} failed; the others went through. Retrying sends only the failed ones.`
}

function Warning({ warning, buyName }: { warning: ExecuteWarning; buyName: (id: string) => string | undefined }) {
  if (
    warning.type === 'creatives_dropped' &&
    'dropped' in warning &&
    Array.isArray(warning.dropped) &&
    typeof warning.mediaBuyId === 'string'
  ) {
    return (
      <Alert tone="warning">
        <p>
          Creatives dropped from {wellFormed(buyName(warning.mediaBuyId) ?? warning.mediaBuyId)}: the buy went out with
          only the compatible ones.
        </p>
        <ul className="mt-1 list-disc pl-5">
          {warning.dropped.map((d) => (
            <li key={d.creativeId}>
              <code className="font-mono">{d.creativeId}</code> ({d.formatId}): {wellFormed(d.reason)}
            </li>
          ))}
        </ul>
      </Alert>
    )
  }
  if (
    warning.type === 'stale_draft' &&
    'hint' in warning &&
    typeof warning.hint === 'string' &&
    Array.isArray(warning.mediaBuyIds)
  ) {
    return (
      <Alert tone="warning">
        <p>
          Stale drafts ({warning.mediaBuyIds.map((id) => buyName(String(id)) ?? String(id)).join(', ')}):{' '}
          {wellFormed(warning.hint)}
        </p>
      </Alert>
    )
  }
  return <Alert tone="warning">Warning: {wellFormed(warning.type)}</Alert>
}
