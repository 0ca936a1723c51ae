import type { ReactNode } from 'react'
import * as TooltipPrimitive from '@radix-ui/react-tooltip'

export type RadixTooltipProps = {
  content: ReactNode
  children: ReactNode
  side: 'top' | 'right' | 'bottom' | 'left'
  open: boolean
  onOpenChange: (open: boolean) => void
}

// Loaded on first hover or focus by ./tooltip.tsx, so Radix and its popper stay out of the first screen's chunks.
// Each tooltip brings its own provider for the same reason: a global one would pull Radix into the entry chunk.
export function RadixTooltip({ content, children, side, open, onOpenChange }: RadixTooltipProps) {
  return (
    <TooltipPrimitive.Provider delayDuration={200}>
      <TooltipPrimitive.Root open={open} onOpenChange={onOpenChange}>
        <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
        <TooltipPrimitive.Portal>
          <TooltipPrimitive.Content
            data-slot="tooltip"
            side={side}
            sideOffset={6}
            collisionPadding={8}
            className="z-50 max-w-xs rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100"
          >
            {content}
            <TooltipPrimitive.Arrow className="fill-white dark:fill-slate-800" />
          </TooltipPrimitive.Content>
        </TooltipPrimitive.Portal>
      </TooltipPrimitive.Root>
    </TooltipPrimitive.Provider>
  )
}
