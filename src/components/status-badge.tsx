import type { ComponentProps } from 'react'
import { Badge } from '@/components/ui/badge'
import { statusMeta } from '@/domain/status'
import { StatusIcon } from './status-icon'

type StatusBadgeProps = Omit<ComponentProps<'span'>, 'children'> & { status: string }

// CONTRACT D2: label text + icon + colour, never colour alone; data-status carries the raw enum.
// An unknown status is shown verbatim in a neutral, dashed badge.
export function StatusBadge({ status, ...props }: StatusBadgeProps) {
  const meta = statusMeta(status)
  return (
    <Badge tone={meta.tone} data-status={status} {...props}>
      <StatusIcon icon={meta.icon} />
      {meta.label}
    </Badge>
  )
}
