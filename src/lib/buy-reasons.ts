import type { CampaignMediaBuy } from '@/api/schemas/campaign'

// The why-fields of a buy (CONTRACT §3.3) in words a buyer reads next to the status. Unknown codes are humanized,
// never dropped: the API adds values before this dashboard knows them.
const PENDING_REASONS: Record<string, string> = {
  forward_failed_needs_correction: 'Could not be sent to the seller; needs a correction',
  forward_failed_retrying: 'Could not be sent yet; retrying',
  awaiting_storefront_approval: 'Waiting for storefront approval',
  awaiting_source_moderation: 'Waiting for the seller’s moderation',
  no_creatives_attached: 'No creatives attached',
  source_rejected_creatives: 'The seller rejected the creatives',
  creative_processing_at_source: 'The seller is processing the creatives',
  awaiting_creative_approval: 'Waiting for creative approval',
  accepted_awaiting_trafficking: 'Accepted; waiting to be trafficked',
  scheduled_not_started: 'Scheduled; not started yet',
}

const ERROR_CODES: Record<string, string> = {
  product_no_longer_available: 'Product no longer available',
  source_rejected: 'Rejected by the seller',
  storefront_rejected: 'Rejected by the storefront',
  source_unavailable: 'Seller unavailable',
  invalid_request: 'Invalid request',
  quote_expired: 'Price quote expired',
  platform_error: 'Platform error',
}

const OWNERS: Record<string, string> = {
  buyer_input: 'needs you',
  seller: 'on the seller’s side',
  platform: 'on the platform’s side',
}

/** Whose move it is, when there is no error code to attach it to. */
const OWNER_ALONE: Record<string, string> = {
  buyer_input: 'Waiting for your answer',
  seller: 'Waiting on the seller',
  platform: 'Waiting on the platform',
}

export function humanizeCode(code: string): string {
  const text = code.replaceAll('_', ' ').toLowerCase()
  return text.charAt(0).toUpperCase() + text.slice(1)
}

type WhyFields = Pick<CampaignMediaBuy, 'pendingReason' | 'errorCode' | 'errorOwner' | 'sourceMessage'>

/** Short phrases, in reading order: reason, error and who owns it, then the seller's own words. */
export function describeBuyReason(buy: WhyFields): string[] {
  const parts: string[] = []
  if (buy.pendingReason) parts.push(PENDING_REASONS[buy.pendingReason] ?? humanizeCode(buy.pendingReason))
  if (buy.errorCode) {
    const owner = buy.errorOwner ? ` (${OWNERS[buy.errorOwner] ?? humanizeCode(buy.errorOwner)})` : ''
    parts.push(`${ERROR_CODES[buy.errorCode] ?? humanizeCode(buy.errorCode)}${owner}`)
  } else if (buy.errorOwner) {
    parts.push(OWNER_ALONE[buy.errorOwner] ?? humanizeCode(buy.errorOwner))
  }
  if (buy.sourceMessage) parts.push(`Seller says: “${buy.sourceMessage}”`)
  return parts
}
