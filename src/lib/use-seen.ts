import { useCallback, useState } from 'react'

/**
 * Whether an element has come near the viewport (within `margin`) at least once, for `ref={seenRef}`: a section below
 * the fold asks for its data when the buyer scrolls to it, not with the page. Without IntersectionObserver (jsdom) it
 * counts as seen.
 */
export function useSeen(margin = '200px'): [seenRef: (el: Element | null) => (() => void) | undefined, seen: boolean] {
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined')
  const seenRef = useCallback(
    (el: Element | null) => {
      if (!el || seen) return undefined
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return
          setSeen(true)
          observer.disconnect()
        },
        { rootMargin: margin },
      )
      observer.observe(el)
      return () => observer.disconnect()
    },
    [seen, margin],
  )
  return [seenRef, seen]
}
