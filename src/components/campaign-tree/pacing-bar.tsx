import clsx from 'clsx'

const FILL = {
  behind: 'bg-amber-600 dark:bg-amber-400',
  ahead: 'bg-blue-700 dark:bg-blue-300',
  ok: 'bg-emerald-700 dark:bg-emerald-400',
  over: 'bg-red-700 dark:bg-red-400',
  none: 'bg-slate-500 dark:bg-slate-400',
} as const

export type PacingTone = keyof typeof FILL

/**
 * Spend against budget as a small bar, with a tick where the plan expects spend to be today. Decoration only: the
 * text next to it says the same, so the bar is hidden from screen readers.
 */
export function PacingBar({
  spend,
  budget,
  expected,
  tone,
  className,
}: {
  spend: number
  budget: number
  expected?: number
  tone: PacingTone
  className?: string
}) {
  if (!(budget > 0)) return null
  const pct = (v: number) => `${Math.min(100, Math.max(0, (v / budget) * 100)).toFixed(1)}%`
  return (
    <span
      aria-hidden="true"
      data-slot="pacing-bar"
      className={clsx(
        'relative block h-1.5 w-24 overflow-visible rounded-full bg-slate-200 dark:bg-slate-700',
        className,
      )}
    >
      <span className={clsx('block h-full rounded-full', FILL[tone])} style={{ width: pct(spend) }} />
      {expected !== undefined ? (
        <span
          className="absolute -top-0.5 block h-2.5 w-0.5 bg-slate-900 dark:bg-slate-100"
          style={{ left: pct(expected) }}
        />
      ) : null}
    </span>
  )
}
