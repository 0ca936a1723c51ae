import type { CreativePlatformLink } from '@/api/schemas/creative'
import type { StatusIcon as StatusIconName } from '@/domain/status'
import { StatusIcon } from '@/components/status-icon'
import { Badge, type BadgeTone } from '@/components/ui/badge'

interface Look {
  label: string
  icon: StatusIconName
  tone: BadgeTone
}

/** A seller's copy of a manifest in words (and an icon); colour only repeats what the words say. */
export function sellerStatus(link: Pick<CreativePlatformLink, 'status' | 'approval_status'>): Look {
  if (link.status === 'failed') return { label: 'Sync failed', icon: 'x-circle', tone: 'red' }
  switch (link.approval_status) {
    case 'approved':
      return { label: 'Approved', icon: 'check', tone: 'green' }
    case 'pending_review':
      return { label: 'In review', icon: 'hourglass', tone: 'amber' }
    case 'rejected':
      return { label: 'Rejected', icon: 'x-circle', tone: 'red' }
    case undefined:
      return { label: link.status === 'synced' ? 'Synced' : link.status, icon: 'question', tone: 'grey' }
    default:
      return { label: link.approval_status.replace(/_/g, ' '), icon: 'question', tone: 'unknown' }
  }
}

export function SellerStatusBadge({ link }: { link: CreativePlatformLink }) {
  const look = sellerStatus(link)
  return (
    <Badge tone={look.tone}>
      <StatusIcon icon={look.icon} />
      {look.label}
    </Badge>
  )
}

/** Only web addresses become links; anything else a platform sends is shown as text. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}
