import type { ReactNode } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { ReplyField } from './reply-field'
import { ReviewStep } from './review-step'
import type { TuningSubmit } from './use-tuning-submit'

interface TuningFormProps {
  flow: TuningSubmit
  label: string
  children: ReactNode
  confirmLabel: string
  danger?: boolean
  /** Extra banner content, e.g. the D3 409 fallback. */
  extra?: ReactNode
}

/** Edit step and review step of one form; the fields stay mounted (hidden) while reviewing, so nothing is lost. */
export function TuningForm({ flow, label, children, confirmLabel, danger, extra }: TuningFormProps) {
  const reviewing = flow.body !== null
  return (
    <>
      {flow.banner ? (
        <Alert tone="error" className="mb-3">
          {flow.banner}
        </Alert>
      ) : null}
      {extra}
      <form
        aria-label={label}
        noValidate
        onSubmit={(e) => void flow.toReview(e)}
        hidden={reviewing}
        className="space-y-3"
      >
        {children}
        {flow.reply ? <ReplyField reply={flow.reply} /> : null}
        <div className="flex justify-end gap-2 pt-2">
          <Button type="submit">Review changes</Button>
        </div>
      </form>
      {/* A new body is a new decision: the review step (and any confirmation ticked on it) starts over. */}
      <ReviewStep
        key={flow.body ? JSON.stringify(flow.body) : ''}
        flow={flow}
        confirmLabel={confirmLabel}
        danger={danger}
      />
    </>
  )
}
