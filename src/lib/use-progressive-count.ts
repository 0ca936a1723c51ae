import { useEffect, useState } from 'react'

/**
 * How many of `total` items to render: `step` at once, then `step` more in each following task until all are there.
 * A long form opens with its first screen ready to type into, and no task that adds the rest blocks input for long;
 * the rest comes in the same order, so Tab and a screen reader's reading order never change.
 */
export function useProgressiveCount(total: number, step: number): number {
  const [shown, setShown] = useState(() => Math.min(total, step))
  useEffect(() => {
    if (shown >= total) return
    const timer = setTimeout(() => setShown((n) => Math.min(total, n + step)))
    return () => clearTimeout(timer)
  }, [shown, total, step])
  return Math.min(shown, total)
}
