import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { Virtualizer } from '@tanstack/react-virtual'

/**
 * How far a window-virtualized list starts below the top of the page. It moves when filters or panels above it
 * change height, so it is measured again whenever the page resizes.
 */
export function useScrollMargin(ref: RefObject<HTMLElement | null>): number {
  const [scrollMargin, setScrollMargin] = useState(0)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => setScrollMargin(Math.round(element.getBoundingClientRect().top + window.scrollY))
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [ref])
  return scrollMargin
}

/**
 * Tells `onChange` the keys of the items inside the viewport (not the overscan), top to bottom, whenever they change:
 * what a list screen fetches details for.
 */
export function useVisibleKeys(
  virtualizer: Virtualizer<Window, Element>,
  keyOf: (index: number) => string,
  onChange: ((keys: readonly string[]) => void) | undefined,
): void {
  const top = virtualizer.scrollOffset ?? 0
  const bottom = top + (virtualizer.scrollRect?.height ?? 0)
  // Unmeasured items (jsdom) have no size yet; one at the top edge still counts.
  const joined = virtualizer
    .getVirtualItems()
    .filter((item) => item.end >= top && item.start < bottom)
    .map((item) => keyOf(item.index))
    .join('\n')
  const report = useRef(onChange)
  useLayoutEffect(() => {
    report.current = onChange
  })
  useEffect(() => {
    report.current?.(joined ? joined.split('\n') : [])
  }, [joined])
}
