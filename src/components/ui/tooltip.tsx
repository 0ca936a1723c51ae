import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import type { RadixTooltip as RadixTooltipComponent } from './tooltip-radix'

type TooltipProps = {
  content: ReactNode
  // The trigger must be focusable (a button or link) so keyboard users can open the tooltip. Its accessible name
  // must carry what the tooltip says: until the tooltip is first wanted only the trigger is rendered.
  children: ReactNode
  side?: 'top' | 'right' | 'bottom' | 'left'
}

type Impl = typeof RadixTooltipComponent
let impl: Impl | undefined
let loading: Promise<Impl> | undefined

// Radix tooltip + popper is ~15 KB gzip and every list row has a badge with a tooltip; loading it on first hover
// or focus keeps it off the first screen. One shared import for all tooltips.
function loadImpl(): Promise<Impl> {
  loading ??= import('./tooltip-radix').then((m) => (impl = m.RadixTooltip))
  return loading
}

export function Tooltip({ content, children, side = 'top' }: TooltipProps) {
  const [Radix, setRadix] = useState<Impl | undefined>(() => impl)
  // Whether the tooltip should show: set by the plain trigger until Radix takes over through onOpenChange.
  const [open, setOpen] = useState(false)
  const wrapper = useRef<HTMLSpanElement>(null)
  // Swapping in Radix remounts the trigger; a keyboard user's focus is put back on the new one.
  const refocus = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  useLayoutEffect(() => {
    if (!Radix || !refocus.current) return
    refocus.current = false
    const trigger = wrapper.current?.firstElementChild
    if (trigger instanceof HTMLElement) trigger.focus()
    setOpen(true)
  }, [Radix])

  const want = (viaFocus: boolean) => {
    setOpen(true)
    if (viaFocus) refocus.current = true
    void loadImpl().then((loaded) => {
      if (mounted.current) setRadix(() => loaded)
    })
  }
  const unwant = () => {
    setOpen(false)
    refocus.current = false
  }

  // `display: contents` keeps the wrapper out of layout; it only holds the first-use listeners and the ref.
  return (
    <span
      ref={wrapper}
      className="contents"
      onPointerEnter={Radix ? undefined : () => want(false)}
      onPointerLeave={Radix ? undefined : unwant}
      onFocus={Radix ? undefined : () => want(true)}
      onBlur={Radix ? undefined : unwant}
    >
      {Radix ? (
        <Radix content={content} side={side} open={open} onOpenChange={setOpen}>
          {children}
        </Radix>
      ) : (
        children
      )}
    </span>
  )
}
