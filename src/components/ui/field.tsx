import type { ComponentProps } from 'react'
import clsx from 'clsx'

export function Field({ className, ...props }: ComponentProps<'div'>) {
  return <div data-slot="field" className={clsx('flex flex-col gap-1.5', className)} {...props} />
}

type FieldLabelProps = Omit<ComponentProps<'label'>, 'htmlFor'> & { htmlFor: string }

// htmlFor is required so every label is tied to its control.
export function FieldLabel({ className, htmlFor, children, ...props }: FieldLabelProps) {
  return (
    <label data-slot="field-label" htmlFor={htmlFor} className={clsx('text-sm font-medium', className)} {...props}>
      {children}
    </label>
  )
}

export function FieldDescription({ className, ...props }: ComponentProps<'p'>) {
  return (
    <p
      data-slot="field-description"
      className={clsx('text-sm text-slate-600 dark:text-slate-400', className)}
      {...props}
    />
  )
}

// A slot of fixed height, so a form does not jump when an error appears.
export function FieldError({ className, children, ...props }: ComponentProps<'p'>) {
  return (
    <p data-slot="field-error" className={clsx('min-h-5 text-sm text-red-700 dark:text-red-300', className)} {...props}>
      {children}
    </p>
  )
}
