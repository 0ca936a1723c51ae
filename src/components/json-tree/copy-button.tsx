import { useState } from 'react'
import { Button } from '@/components/ui/button'

/** Copies text that the caller has already masked; says so for a moment, politely announced. */
export function CopyButton({
  text,
  label,
  children = 'Copy',
}: {
  text: () => string
  label: string
  children?: string
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text())
      setState('copied')
    } catch {
      setState('failed')
    }
    setTimeout(() => setState('idle'), 1500)
  }
  return (
    <Button
      variant="ghost"
      size="sm"
      aria-label={label}
      onClick={() => void copy()}
      className="h-6 px-1.5 text-xs text-blue-800 dark:text-blue-300"
    >
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : children}</span>
    </Button>
  )
}
