import { useEffect, useState } from 'react'

/**
 * What is on screen once scrolling settles: the first non-empty list at once (a screen's first rows must not wait),
 * later changes after `delayMs` without another change, so rows flicked past are never asked for.
 */
export function useSettledList<T>(value: readonly T[], delayMs = 150): readonly T[] {
  const [settled, setSettled] = useState<readonly T[]>(value)
  const immediate = settled.length === 0
  useEffect(() => {
    const id = window.setTimeout(() => setSettled(value), immediate ? 0 : delayMs)
    return () => window.clearTimeout(id)
  }, [value, delayMs, immediate])
  return settled
}
