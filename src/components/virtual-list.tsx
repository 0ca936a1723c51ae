import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react'
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useScrollMargin, useVisibleKeys } from './use-window-list'

export interface VirtualItemProps {
  ref: (element: HTMLElement | null) => void
  'data-index': number
  style: CSSProperties
  index: number
  setSize: number
}

interface Props<T> {
  labelledBy: string
  items: readonly T[]
  getKey: (item: T) => string
  estimateSize: number
  /** Renders one option; it must spread `props` onto its root element (an `li`). */
  renderItem: (item: T, props: VirtualItemProps) => ReactNode
  /** The keys of the items inside the viewport (not the overscan), top to bottom, whenever they change. */
  onVisibleChange?: (keys: readonly string[]) => void
  /** Bring this item into view and focus it (keyboard moves); a new object asks again. */
  focusRequest?: { key: string } | null
  className?: string
}

/**
 * A listbox of any length, virtualized against the window: only the options near the viewport are in the DOM, each
 * says its place in the whole (aria-posinset / aria-setsize), and keyboard moves scroll the target in before focusing.
 */
export function VirtualList<T>({
  labelledBy,
  items,
  getKey,
  estimateSize,
  renderItem,
  onVisibleChange,
  focusRequest,
  className,
}: Props<T>) {
  const listRef = useRef<HTMLUListElement>(null)
  const scrollMargin = useScrollMargin(listRef)

  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => estimateSize,
    getItemKey: (index) => getKey(items[index]),
    overscan: 6,
    scrollMargin,
  })
  const virtualItems = virtualizer.getVirtualItems()

  useVisibleKeys(virtualizer, (index) => getKey(items[index]), onVisibleChange)

  // Scroll a requested item in, then focus it once it is drawn.
  const pendingFocus = useRef<string | null>(null)
  // Only a new request scrolls: items changing underneath must not pull the page back.
  const handled = useRef<object | null>(null)
  useEffect(() => {
    if (!focusRequest || handled.current === focusRequest) return
    const index = items.findIndex((item) => getKey(item) === focusRequest.key)
    if (index === -1) return
    handled.current = focusRequest
    pendingFocus.current = focusRequest.key
    virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [focusRequest, items, getKey, virtualizer])
  useEffect(() => {
    const key = pendingFocus.current
    if (!key || !listRef.current) return
    const element = [...listRef.current.children].find((el) => el instanceof HTMLElement && el.dataset.key === key)
    if (element instanceof HTMLElement) {
      element.focus({ preventScroll: true })
      pendingFocus.current = null
    }
  })

  return (
    <ul
      ref={listRef}
      role="listbox"
      aria-labelledby={labelledBy}
      className={className}
      style={{ position: 'relative', height: virtualizer.getTotalSize() }}
    >
      {virtualItems.map((v) =>
        renderItem(items[v.index], {
          ref: virtualizer.measureElement,
          'data-index': v.index,
          index: v.index,
          setSize: items.length,
          style: {
            position: 'absolute',
            top: 0,
            left: 0,
            width: '100%',
            transform: `translateY(${v.start - scrollMargin}px)`,
          },
        }),
      )}
    </ul>
  )
}
