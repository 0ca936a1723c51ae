import clsx from 'clsx'
import { PACING_LABEL, type PacingAssessment, type PacingVerdict } from '@/domain/pacing'

const NEUTRAL = 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200'
const TONE: Record<PacingVerdict, string> = {
  underpacing: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  overpacing: 'bg-blue-100 text-blue-900 dark:bg-blue-900/50 dark:text-blue-100',
  over_budget: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100',
  budget_exhausted: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100',
  on_pace: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
  not_started: NEUTRAL,
  too_early: NEUTRAL,
  ended: NEUTRAL,
  no_data: NEUTRAL,
}

/** The pacing verdict in words; the figure it rests on (spend against the plan to date) in the title. */
export function PacingFlagBadge({ pacing }: { pacing: PacingAssessment | null }) {
  if (!pacing) return <span>—</span>
  const ratio = pacing.ratio === null ? undefined : `${Math.round(pacing.ratio * 100)} % of plan to date`
  return (
    <span
      data-pacing={pacing.verdict}
      title={ratio}
      className={clsx('inline-block rounded px-1.5 py-0.5 text-xs font-medium', TONE[pacing.verdict])}
    >
      {PACING_LABEL[pacing.verdict]}
      {ratio ? <span className="sr-only"> ({ratio})</span> : null}
    </span>
  )
}
