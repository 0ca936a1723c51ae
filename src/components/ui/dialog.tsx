import { createContext, useContext, type ComponentProps, type ReactNode } from 'react'
import * as DialogPrimitive from '@radix-ui/react-dialog'
import clsx from 'clsx'

export const Dialog = DialogPrimitive.Root

type DialogContentProps = ComponentProps<typeof DialogPrimitive.Content> & {
  title: ReactNode
  description?: ReactNode
}

/**
 * The control that opens a dialog kept in the URL, as its `data-dialog-trigger` value. When the dialog closes, focus
 * goes to that control wherever it is drawn now (a virtualized row may have drawn it again; after a reload nothing had
 * focus before); when it is not on the page, Radix returns focus as usual.
 */
export const DialogOpener = createContext<string | undefined>(undefined)

// Title is required: Radix needs it for the dialog's accessible name.
export function DialogContent({
  title,
  description,
  className,
  children,
  onCloseAutoFocus,
  ...props
}: DialogContentProps) {
  const opener = useContext(DialogOpener)
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
      <DialogPrimitive.Content
        data-slot="dialog"
        className={clsx(
          'fixed top-1/2 left-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2',
          'rounded-lg border border-slate-200 bg-white p-6 shadow-xl dark:border-slate-700 dark:bg-slate-900',
          className,
        )}
        {...(description ? {} : { 'aria-describedby': undefined })}
        onCloseAutoFocus={(event) => {
          onCloseAutoFocus?.(event)
          if (event.defaultPrevented || opener === undefined) return
          const trigger = document.querySelector<HTMLElement>(`[data-dialog-trigger="${CSS.escape(opener)}"]`)
          if (!trigger) return
          event.preventDefault()
          trigger.focus()
        }}
        {...props}
      >
        <DialogPrimitive.Title className="text-lg font-semibold">{title}</DialogPrimitive.Title>
        {description ? (
          <DialogPrimitive.Description className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {description}
          </DialogPrimitive.Description>
        ) : null}
        <div className="mt-4">{children}</div>
        <DialogPrimitive.Close
          className="absolute top-3 right-3 rounded-md p-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          aria-label="Close"
        >
          <span aria-hidden="true">✕</span>
        </DialogPrimitive.Close>
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  )
}
