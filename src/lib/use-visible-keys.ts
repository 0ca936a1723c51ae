import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * Which of many elements are inside the viewport now, through one IntersectionObserver for all of them:
 * `ref={observe(key)}` on each. Without IntersectionObserver (jsdom) every element counts as visible.
 */
export function useVisibleKeys(): {
  visible: ReadonlySet<string>
  observe: (key: string) => (el: Element | null) => void
} {
  const [visible, setVisible] = useState<ReadonlySet<string>>(() => new Set())
  const shown = useRef(new Set<string>())
  const keyOf = useRef(new WeakMap<Element, string>())
  const observer = useRef<IntersectionObserver | null>(null)

  const getObserver = useCallback(() => {
    if (typeof IntersectionObserver === 'undefined') return null
    observer.current ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const key = keyOf.current.get(entry.target)
        if (key === undefined) continue
        if (entry.isIntersecting) shown.current.add(key)
        else shown.current.delete(key)
      }
      setVisible(new Set(shown.current))
    })
    return observer.current
  }, [])
  useEffect(() => () => observer.current?.disconnect(), [])

  const observe = useCallback(
    (key: string) => (el: Element | null) => {
      if (!el) return
      keyOf.current.set(el, key)
      const io = getObserver()
      if (io) io.observe(el)
      else if (!shown.current.has(key)) {
        shown.current.add(key)
        queueMicrotask(() => setVisible(new Set(shown.current)))
      }
    },
    [getObserver],
  )
  return { visible, observe }
}
