import type { ComponentProps } from 'react'
import clsx from 'clsx'

// Native checkbox: keyboard, forms and screen readers work unchanged.
export function Checkbox({ className, ...props }: Omit<ComponentProps<'input'>, 'type'>) {
  return (
    <input
      data-slot="checkbox"
      type="checkbox"
      className={clsx(
        'size-4 rounded border-slate-400 accent-blue-700 disabled:opacity-50 dark:accent-blue-400',
        className,
      )}
      {...props}
    />
  )
}
