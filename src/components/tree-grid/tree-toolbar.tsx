import type { ReactNode } from 'react'
import { Button } from '@/components/ui/button'

type Props = { label: string; onExpandAll: () => void; onCollapseAll: () => void; children?: ReactNode }

export function TreeToolbar({ label, onExpandAll, onCollapseAll, children }: Props) {
  return (
    <div role="group" aria-label={label} className="mb-2 flex flex-wrap items-center gap-2">
      <Button variant="secondary" size="sm" onClick={onExpandAll}>
        Expand all
      </Button>
      <Button variant="secondary" size="sm" onClick={onCollapseAll}>
        Collapse all
      </Button>
      <span className="text-xs text-slate-600 dark:text-slate-400">
        Keys: ↑ ↓ move · → ← open and close · Enter or Space toggles · * opens every sibling
      </span>
      {children}
    </div>
  )
}
