import type { ComponentProps } from 'react'
import clsx from 'clsx'

// Native radio; group several in a <fieldset> with a <legend> for the group's name.
export function Radio({ className, ...props }: Omit<ComponentProps<'input'>, 'type'>) {
  return (
    <input
      data-slot="radio"
      type="radio"
      className={clsx('size-4 accent-blue-700 disabled:opacity-50 dark:accent-blue-400', className)}
      {...props}
    />
  )
}
