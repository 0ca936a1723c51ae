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

/** Where the list opens: below the button, or above it when the button sits low in the window. */
function placeBeside(button: HTMLElement | null): CSSProperties {
  const rect = button?.getBoundingClientRect()
  if (!rect) return {}
  const right = Math.max(8, window.innerWidth - rect.right)
  return window.innerHeight - rect.bottom > 320
    ? { top: rect.bottom + 4, right }
    : { bottom: window.innerHeight - rect.top + 4, right }
}

/**
 * A menu button (WAI-ARIA APG): Enter, Space or ArrowDown open it on the first item, ArrowUp on the last; arrows,
 * Home and End move between items; Escape closes it and returns focus to the button; Tab leaves it. Unavailable items
 * stay focusable and say why, in visible text.
 */
export function ActionsMenu({
  label,
  items,
  dialogTrigger,
}: {
  label: string
  items: MenuItem[]
  dialogTrigger?: string
}) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const trigger = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLUListElement>(null)
  // The list is portalled with a fixed position: rows of a virtualized tree would otherwise paint over it.
  const [position, setPosition] = useState<CSSProperties>({})

  const menuItems = () => Array.from(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])
  const focusItem = (index: number) => {
    const all = menuItems()
    all[(index + all.length) % all.length]?.focus()
  }
  const openAt = (index: 'first' | 'last') => {
    setPosition(placeBeside(trigger.current))
    setOpen(true)
    // The list lives at the end of the document: move focus into it so the keyboard follows.
    requestAnimationFrame(() => focusItem(index === 'first' ? 0 : -1))
  }
  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) trigger.current?.focus()
  }

  const onTriggerKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      openAt(e.key === 'ArrowDown' ? 'first' : 'last')
    } else if (e.key === 'Escape' && open) {
      e.stopPropagation()
      close(true)
    }
  }
  const onItemKeyDown = (e: KeyboardEvent) => {
    const current = menuItems().indexOf(e.currentTarget as HTMLElement)
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusItem(current + 1),
      ArrowUp: () => focusItem(current - 1),
      Home: () => focusItem(0),
      End: () => focusItem(-1),
      Escape: () => close(true),
      Tab: () => close(false),
    }
    const move = moves[e.key]
    if (!move) return
    if (e.key !== 'Tab') {
      e.preventDefault()
      e.stopPropagation()
    }
    move()
  }
  const onBlur = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null
    if (!trigger.current?.contains(next) && !list.current?.contains(next)) setOpen(false)
  }

  return (
    <div className="relative inline-block">
      <Button
        ref={trigger}
        size="sm"
        variant="secondary"
        onKeyDown={onTriggerKeyDown}
        onBlur={onBlur}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => (open ? close(false) : openAt('first'))}
        aria-label={label}
        data-dialog-trigger={dialogTrigger}
      >
        Actions <span aria-hidden="true">▾</span>
      </Button>
      {createPortal(
        <ul
          ref={list}
          id={id}
          role="menu"
          aria-label={label}
          hidden={!open}
          style={position}
          className="fixed z-30 w-72 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {items.map((item, index) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onKeyDown={onItemKeyDown}
                onBlur={onBlur}
                aria-labelledby={`${id}-label-${index}`}
                aria-disabled={item.disabledReason ? true : undefined}
                aria-describedby={item.disabledReason ? `${id}-why-${index}` : undefined}
                onClick={() => {
                  if (item.disabledReason) return
                  close(true)
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
                <span id={`${id}-label-${index}`}>{item.label}</span>
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
