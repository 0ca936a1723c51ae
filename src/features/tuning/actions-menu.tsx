import { useId, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { Button } from '@/components/ui/button'

export interface MenuItem {
  label: string
  onSelect: () => void
  /** Why the item is not available; it stays focusable so the reason can be read. */
  disabledReason?: string
  danger?: boolean
}

/** A disclosure menu: a button that shows a list of actions; unavailable ones say why, in visible text. */
export function ActionsMenu({ label, items }: { label: string; items: MenuItem[] }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const list = useRef<HTMLUListElement>(null)
  // The list is portalled with a fixed position: rows of a virtualized tree would otherwise paint over it.
  const [position, setPosition] = useState<CSSProperties>({})

  const toggle = () => {
    const rect = root.current?.getBoundingClientRect()
    if (rect) {
      const right = Math.max(8, window.innerWidth - rect.right)
      // Opens upward when the button sits low in the window.
      const below = window.innerHeight - rect.bottom > 320
      setPosition(below ? { top: rect.bottom + 4, right } : { bottom: window.innerHeight - rect.top + 4, right })
    }
    const opening = !open
    setOpen(opening)
    // The list lives at the end of the document: move focus into it so the keyboard follows.
    if (opening) requestAnimationFrame(() => list.current?.querySelector('button')?.focus())
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation()
      setOpen(false)
      root.current?.querySelector<HTMLButtonElement>('button')?.focus()
    }
  }
  const onBlur = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null
    if (!root.current?.contains(next) && !list.current?.contains(next)) setOpen(false)
  }

  return (
    <div ref={root} className="relative inline-block">
      <Button
        size="sm"
        variant="secondary"
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        aria-expanded={open}
        aria-controls={id}
        onClick={toggle}
        aria-label={label}
      >
        Actions <span aria-hidden="true">▾</span>
      </Button>
      {createPortal(
        <ul
          ref={list}
          id={id}
          hidden={!open}
          style={position}
          className="fixed z-30 w-72 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {items.map((item, index) => (
            <li key={item.label}>
              <button
                type="button"
                onKeyDown={onKeyDown}
                onBlur={onBlur}
                aria-disabled={item.disabledReason ? true : undefined}
                aria-describedby={item.disabledReason ? `${id}-why-${index}` : undefined}
                onClick={() => {
                  if (item.disabledReason) return
                  setOpen(false)
                  item.onSelect()
                }}
                className={
                  'w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:bg-slate-100 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800 ' +
                  (item.disabledReason
                    ? 'cursor-not-allowed text-slate-600 dark:text-slate-400'
                    : item.danger
                      ? 'text-red-700 dark:text-red-300'
                      : '')
                }
              >
                {item.label}
                {item.disabledReason ? (
                  <span id={`${id}-why-${index}`} className="block text-xs">
                    {item.disabledReason}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>,
        document.body,
      )}
    </div>
  )
}
