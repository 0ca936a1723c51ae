import type { ComponentProps } from 'react'
import clsx from 'clsx'
import { controlClasses } from './input'

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea data-slot="textarea" className={clsx(controlClasses, 'h-auto min-h-20 py-2', className)} {...props} />
  )
}
