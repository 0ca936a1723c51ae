import type { ComponentProps } from 'react'
import clsx from 'clsx'

export type BadgeTone = 'red' | 'amber' | 'blue' | 'green' | 'grey' | 'teal' | 'unknown'

// Pairs chosen for WCAG AA text contrast (≥ 4.5:1) on both themes; the border keeps the shape
// visible for buyers who cannot tell the fills apart.
const TONES: Record<BadgeTone, string> = {
  red: 'bg-red-100 text-red-900 border-red-300 dark:bg-red-950 dark:text-red-200 dark:border-red-800',
  amber: 'bg-amber-100 text-amber-900 border-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:border-amber-800',
  blue: 'bg-blue-100 text-blue-900 border-blue-300 dark:bg-blue-950 dark:text-blue-200 dark:border-blue-800',
  green: 'bg-green-100 text-green-900 border-green-300 dark:bg-green-950 dark:text-green-200 dark:border-green-800',
  grey: 'bg-slate-100 text-slate-800 border-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:border-slate-600',
  teal: 'bg-teal-100 text-teal-900 border-teal-300 dark:bg-teal-950 dark:text-teal-200 dark:border-teal-800',
  unknown:
    'bg-white text-slate-800 border-dashed border-slate-400 dark:bg-slate-900 dark:text-slate-200 dark:border-slate-500',
}

type BadgeProps = ComponentProps<'span'> & { tone?: BadgeTone }

export function Badge({ tone = 'grey', className, ...props }: BadgeProps) {
  return (
    <span
      data-slot="badge"
      className={clsx(
        'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap',
        TONES[tone],
        className,
      )}
      {...props}
    />
  )
}
