import type { ComponentProps } from 'react'
import clsx from 'clsx'
import { controlClasses } from './input'

// Native select: keyboard and screen-reader behaviour for free.
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select data-slot="select" className={clsx(controlClasses, 'pr-8', className)} {...props} />
}
