import type { BadgeTone } from '@/components/ui/badge'
import type { StatusIcon } from '@/domain/status'
import type { BuyerAuditLog } from '@/api/schemas/audit-log'
import { enumLabel } from '@/components/audit-changes'

interface Mark {
  label: string
  tone: BadgeTone
  icon: StatusIcon
}

/** How a change was made. Anything but a person's own change is marked, since buyers must see what the agent did. */
export const ORIGIN_MARKS: Record<string, Mark> = {
  human: { label: 'Human', tone: 'grey', icon: 'pencil' },
  agent: { label: 'Agent', tone: 'blue', icon: 'hand' },
  autonomous: { label: 'Autonomous', tone: 'amber', icon: 'play' },
  system: { label: 'System', tone: 'teal', icon: 'archive' },
}

export const OUTCOME_MARKS: Record<string, Mark> = {
  succeeded: { label: 'Succeeded', tone: 'green', icon: 'check' },
  denied: { label: 'Denied', tone: 'red', icon: 'ban' },
  failed: { label: 'Failed', tone: 'red', icon: 'x-circle' },
}

export const ORIGIN_OPTIONS: Record<string, string> = {
  human: 'People',
  agent: 'Agent on a person’s behalf',
  autonomous: 'Autonomous (no person)',
  system: 'System and sellers',
}

const RESOURCE_WORDS: Record<string, string> = {
  ADVERTISER: 'Advertiser',
  CAMPAIGN: 'Campaign',
  CREATIVE: 'Creative',
  MEDIA_BUY: 'Media buy',
  PRODUCT: 'Product',
  PACKAGE: 'Package',
}

export const resourceLabel = (type: string) => RESOURCE_WORDS[type] ?? enumLabel(type)
export const actionLabel = (action: string) => enumLabel(action)

/** Who made the change: a person's name or email, else the service token, else what the row says of its origin. */
export function actorOf(row: BuyerAuditLog): { name: string; token: boolean } {
  const person = row.userName || row.userEmail
  if (person) return { name: person, token: false }
  if (row.serviceTokenName) return { name: row.serviceTokenName, token: true }
  if (row.serviceTokenId !== null) return { name: `token #${row.serviceTokenId}`, token: true }
  return { name: row.actorOrigin === 'system' ? 'Platform' : 'Unknown', token: false }
}
