import type { MediaBuyStatus } from '../api/schemas/common.ts'

/**
 * CONTRACT D1: most restrictive first. The one place this order is written; the UI and the sandbox both use it.
 * A status outside the ten known values ranks just below INPUT_REQUIRED (it may hide something the buyer must see).
 */
export const STATUS_ORDER: readonly MediaBuyStatus[] = [
  'FAILED',
  'REJECTED',
  'INPUT_REQUIRED',
  'PENDING_APPROVAL',
  'DRAFT',
  'PAUSED',
  'ACTIVE',
  'COMPLETED',
  'CANCELED',
  'ARCHIVED',
]

const UNKNOWN_RANK = STATUS_ORDER.indexOf('INPUT_REQUIRED') + 0.5

export function isKnownStatus(status: string): status is MediaBuyStatus {
  return (STATUS_ORDER as readonly string[]).includes(status)
}

/** Lower is more restrictive. */
export function statusRank(status: string): number {
  const index = (STATUS_ORDER as readonly string[]).indexOf(status)
  return index === -1 ? UNKNOWN_RANK : index
}

export function moreRestrictive(a: string, b: string): string {
  return statusRank(b) < statusRank(a) ? b : a
}

/** The most restrictive of the given statuses, or undefined for none. */
export function rollUpStatus(statuses: readonly string[]): string | undefined {
  let worst: string | undefined
  for (const status of statuses) worst = worst === undefined ? status : moreRestrictive(worst, status)
  return worst
}

export type StatusTone = 'red' | 'amber' | 'blue' | 'green' | 'grey' | 'teal' | 'unknown'
export type StatusIcon =
  'x-circle' | 'ban' | 'hand' | 'hourglass' | 'pencil' | 'pause' | 'play' | 'check' | 'slash' | 'archive' | 'question'

export interface StatusMeta {
  label: string
  tone: StatusTone
  icon: StatusIcon
  /** One sentence for the legend and tooltips. */
  meaning: string
}

/** CONTRACT D2: one label, colour family and icon per status, used everywhere. */
export const STATUS_META: Record<MediaBuyStatus, StatusMeta> = {
  DRAFT: { label: 'Draft', tone: 'grey', icon: 'pencil', meaning: 'Created but not yet submitted' },
  PENDING_APPROVAL: {
    label: 'Pending approval',
    tone: 'blue',
    icon: 'hourglass',
    meaning: 'Submitted; waiting on the seller',
  },
  INPUT_REQUIRED: {
    label: 'Input required',
    tone: 'amber',
    icon: 'hand',
    meaning: 'The seller needs something from you',
  },
  ACTIVE: { label: 'Active', tone: 'green', icon: 'play', meaning: 'Live and delivering' },
  PAUSED: { label: 'Paused', tone: 'grey', icon: 'pause', meaning: 'Spend halted; can be resumed' },
  COMPLETED: { label: 'Completed', tone: 'teal', icon: 'check', meaning: 'Flight finished or fully delivered' },
  CANCELED: { label: 'Canceled', tone: 'grey', icon: 'slash', meaning: 'Stopped before completion' },
  FAILED: { label: 'Failed', tone: 'red', icon: 'x-circle', meaning: 'Submission or execution error' },
  REJECTED: { label: 'Rejected', tone: 'red', icon: 'ban', meaning: 'The seller declined the buy' },
  ARCHIVED: { label: 'Archived', tone: 'grey', icon: 'archive', meaning: 'Soft-deleted; kept for reporting' },
}

/** The status as a word inside a sentence ("pending approval"); an unknown one verbatim. */
export function statusWord(status: string): string {
  return isKnownStatus(status) ? STATUS_META[status].label.toLowerCase() : status
}

export function statusMeta(status: string): StatusMeta {
  if (isKnownStatus(status)) return STATUS_META[status]
  // Shown verbatim: the API may add statuses before this dashboard knows them.
  return { label: status, tone: 'unknown', icon: 'question', meaning: 'A status this dashboard does not know yet' }
}
