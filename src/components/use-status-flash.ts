import { useEffect, useRef, useState } from 'react'
import { announce } from './live-announcer'

const FLASH_MS = 2500

/**
 * True for a moment after `status` changes between renders (not on first sight), and announces the change.
 * The highlight is a colour change only, so it respects prefers-reduced-motion by construction.
 */
export function useStatusFlash(status: string | undefined, describe: (status: string) => string): boolean {
  const [seen, setSeen] = useState(status)
  const [changed, setChanged] = useState<{ status: string } | null>(null)
  const describeRef = useRef(describe)
  useEffect(() => {
    describeRef.current = describe
  })
  if (status !== seen) {
    // Adjusting state while rendering: React re-renders at once, without an effect round trip.
    setSeen(status)
    if (seen !== undefined && status !== undefined) setChanged({ status })
  }

  useEffect(() => {
    if (!changed) return
    announce(describeRef.current(changed.status))
    const timer = window.setTimeout(() => setChanged(null), FLASH_MS)
    return () => window.clearTimeout(timer)
  }, [changed])
  return changed !== null
}
