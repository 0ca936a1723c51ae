import { useState } from 'react'
import { riskConfirmation } from '@/domain/budget-risk'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Checkbox } from '@/components/ui/checkbox'
import type { TuningSubmit } from './use-tuning-submit'

/** The exact body that will be sent and what it does, before anything is sent (expectations §8). */
export function ReviewStep({
  flow,
  confirmLabel,
  danger,
}: {
  flow: TuningSubmit
  confirmLabel: string
  danger?: boolean
}) {
  const [understood, setUnderstood] = useState(false)
  if (!flow.body) return null
  const risky = flow.risks.length > 0
  return (
    <section aria-labelledby="tuning-review-title" className="space-y-3">
      <h3 id="tuning-review-title" className="font-semibold">
        Review before sending
      </h3>
      {flow.effects.length > 0 ? (
        <ul aria-label="Effects" className="list-disc space-y-1 pl-5 text-sm">
          {flow.effects.map((effect) => (
            <li key={effect}>{effect}</li>
          ))}
        </ul>
      ) : null}
      {risky ? (
        <Alert tone="warning" role="group" aria-labelledby="budget-risk-title">
          <p id="budget-risk-title" className="font-medium">
            Check these budgets before sending
          </p>
          <ul aria-label="Budget warnings" className="list-disc space-y-1 pl-5">
            {flow.risks.map((risk) => (
              <li key={risk.label}>{risk.consequence}</li>
            ))}
          </ul>
          <label className="mt-2 flex items-start gap-2">
            <Checkbox className="mt-0.5" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
            <span>{riskConfirmation(flow.risks)}</span>
          </label>
        </Alert>
      ) : null}
      <details open>
        <summary className="cursor-pointer text-sm font-medium">Request body (PUT /campaigns/{'{id}'})</summary>
        <pre
          aria-label="Request body"
          className="mt-2 rounded-md whitespace-pre-wrap break-all bg-slate-100 p-3 text-xs text-slate-900 dark:bg-slate-800 dark:text-slate-100"
        >
          {JSON.stringify(flow.body, null, 2)}
        </pre>
      </details>
      {flow.conflict ? (
        <Alert tone="warning">
          <p className="font-medium">This campaign changed while the form was open:</p>
          <ul className="list-disc pl-5">
            {flow.conflict.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button size="sm" variant="secondary" onClick={flow.reload}>
              Reload current values
            </Button>
            <Button size="sm" variant="secondary" onClick={flow.keepMine}>
              Keep my values
            </Button>
          </div>
        </Alert>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={flow.back} disabled={flow.pending}>
          Back to edit
        </Button>
        <Button
          variant={danger ? 'danger' : 'primary'}
          onClick={() => void flow.confirm()}
          disabled={flow.pending || flow.conflict !== null || (risky && !understood)}
        >
          {flow.pending ? 'Sending…' : confirmLabel}
        </Button>
      </div>
    </section>
  )
}
