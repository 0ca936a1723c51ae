import { useLayoutEffect, useRef, type ComponentProps } from 'react'

/**
 * The heading of a dialog step that replaces the one before it (review, then result): it takes the focus when it
 * appears, so a keyboard or screen-reader user lands on the new step instead of on a button that just went away.
 */
export function StepHeading({ children, className, ...props }: ComponentProps<'h3'>) {
  const ref = useRef<HTMLHeadingElement>(null)
  useLayoutEffect(() => ref.current?.focus(), [])
  return (
    <h3 ref={ref} tabIndex={-1} className={`outline-none ${className ?? ''}`} {...props}>
      {children}
    </h3>
  )
}
