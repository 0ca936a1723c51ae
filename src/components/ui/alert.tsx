import type { ComponentProps } from 'react'
import clsx from 'clsx'

export type AlertTone = 'error' | 'warning' | 'info' | 'success'

const TONES: Record<AlertTone, string> = {
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  info: 'border-blue-300 bg-blue-50 text-blue-950 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100',
  success: 'border-green-300 bg-green-50 text-green-950 dark:border-green-800 dark:bg-green-950 dark:text-green-100',
}

// Errors interrupt (role=alert); the other tones are announced politely.
export function Alert({ tone = 'info', className, ...props }: ComponentProps<'div'> & { tone?: AlertTone }) {
  return (
    <div
      data-slot="alert"
      data-tone={tone}
      role={tone === 'error' ? 'alert' : 'status'}
      className={clsx('rounded-md border px-3 py-2 text-sm', TONES[tone], className)}
      {...props}
    />
  )
}
