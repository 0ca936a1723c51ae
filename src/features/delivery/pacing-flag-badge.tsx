import clsx from 'clsx'
import type { PacingAssessment } from '@/domain/pacing'
import { FLAG_LABEL } from './pacing-text'

const TONE = {
  underpacing: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  overpacing: 'bg-blue-100 text-blue-900 dark:bg-blue-900/50 dark:text-blue-100',
  on_pace: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
  not_started: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  ended: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  no_data: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
} as const

/** The pacing verdict in words; the rate ratio in the title for whoever wants the number. */
export function PacingFlagBadge({ pacing }: { pacing: PacingAssessment | null }) {
  if (!pacing) return <span>—</span>
  const ratio = pacing.rateRatio === null ? undefined : `${Math.round(pacing.rateRatio * 100)} % of the needed daily rate`
  return (
    <span data-pacing={pacing.flag} title={ratio} className={clsx('inline-block rounded px-1.5 py-0.5 text-xs font-medium', TONE[pacing.flag])}>
      {FLAG_LABEL[pacing.flag]}
      {ratio ? <span className="sr-only"> ({ratio})</span> : null}
    </span>
  )
}
