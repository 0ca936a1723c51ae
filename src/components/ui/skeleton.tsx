import type { ComponentProps } from 'react'
import clsx from 'clsx'

export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={clsx('animate-pulse rounded bg-slate-200 dark:bg-slate-800', className)}
      {...props}
    />
  )
}
