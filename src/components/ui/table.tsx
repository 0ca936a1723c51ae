import type { ComponentProps } from 'react'
import clsx from 'clsx'

export function Table({ className, ...props }: ComponentProps<'table'>) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table data-slot="table" className={clsx('w-full border-collapse text-left text-sm', className)} {...props} />
    </div>
  )
}

export function TableHead({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={clsx('bg-slate-100 dark:bg-slate-800/60', className)} {...props} />
}

export function TableRow({ className, ...props }: ComponentProps<'tr'>) {
  return (
    <tr className={clsx('border-b border-slate-200 last:border-b-0 dark:border-slate-800', className)} {...props} />
  )
}

export function TableHeaderCell({ className, ...props }: ComponentProps<'th'>) {
  return (
    <th
      className={clsx(
        'px-3 py-2 text-xs font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300',
        className,
      )}
      {...props}
    />
  )
}

export function TableCell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={clsx('px-3 py-2 align-middle', className)} {...props} />
}
