import type { ComponentProps } from 'react'
import clsx from 'clsx'

export const controlClasses = clsx(
  'h-10 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 placeholder:text-slate-500',
  'dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400',
  'aria-invalid:border-red-600 dark:aria-invalid:border-red-400',
)

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input data-slot="input" className={clsx(controlClasses, className)} {...props} />
}
