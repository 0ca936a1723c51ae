import type { Ctx } from '../context.ts'
import type { MediaBuyRow } from '../repo/rows.ts'
import type { AuditAction } from '../../../src/api/schemas/audit-log.ts'
import { PLATFORM, recordAudit, sellerActor, type Actor, type Changes } from './audit.ts'
import { notify, type NotificationEvent } from './notifications.ts'

// What a status change that nobody in the buyer's seat made leaves behind: a history row as `system` (the seller's
// decision, or the platform's clock), and a notification when the buyer has to know or act.

const SELLER_VERBS: Record<string, string> = {
  ACTIVE: 'approved the buy',
  PENDING_APPROVAL: 'took the buy into review',
  INPUT_REQUIRED: 'asked for input',
  REJECTED: 'rejected the buy',
  FAILED: 'failed the buy',
  CANCELED: 'canceled the buy',
  COMPLETED: 'completed the buy',
  PAUSED: 'paused the buy',
}

function notificationFor(buy: MediaBuyRow, seller: string): Omit<NotificationEvent, 'campaignId'> | undefined {
  const said = buy.source_message ? `: ${buy.source_message}` : ''
  const base = { mediaBuyId: buy.id, dedupeKey: `buy:${buy.id}:${buy.status}:${buy.revision}` }
  switch (buy.status) {
    case 'INPUT_REQUIRED':
      return {
        ...base,
        type: 'source.action_required',
        status: 'warning',
        message: `${seller} needs input on ${buy.name}${said}`,
      }
    case 'REJECTED':
      return {
        ...base,
        type: 'media_buy.source_rejected',
        status: 'error',
        message: `${seller} rejected ${buy.name}${said}`,
      }
    case 'FAILED':
      return {
        ...base,
        type: 'media_buy.forward_failed',
        status: 'error',
        message: `${buy.name} could not be placed with ${seller}${said}`,
      }
    default:
      return undefined
  }
}

/**
 * Records a buy's status change made by its seller (or, with `actor`, by the platform): call it after the change,
 * inside the same transaction, with the row as it was before.
 */
export function recordBuyTransition(ctx: Ctx, before: MediaBuyRow, actor?: Actor): void {
  const after = ctx.store.buy(before.id)
  if (!after || after.status === before.status) return
  const who = actor ?? sellerActor(before.sales_agent_id)
  const name = who.serviceTokenName ?? 'The platform'
  const changes: Changes = { status: { from: before.status, to: after.status } }
  if (after.source_message && after.source_message !== before.source_message)
    changes.sourceMessage = { from: before.source_message, to: after.source_message }
  const action: AuditAction = after.status === 'ACTIVE' ? 'ACTIVATE' : 'UPDATE'
  const verb = actor
    ? `moved the buy to ${after.status}`
    : (SELLER_VERBS[after.status] ?? `moved the buy to ${after.status}`)
  recordAudit(ctx, {
    action,
    resourceType: 'MEDIA_BUY',
    resourceId: after.id,
    resourceName: after.name,
    parentType: 'CAMPAIGN',
    campaignId: after.campaign_id,
    actor: who,
    outcome: after.status === 'FAILED' ? 'failed' : 'succeeded',
    changes,
    description: `${name} ${verb}${after.source_message && after.source_message !== before.source_message ? `: ${after.source_message}` : ''}`,
  })
  const event = notificationFor(after, name)
  if (event) notify(ctx, { ...event, campaignId: after.campaign_id })
}

/** The platform's clock finished a campaign whose flight ended with nothing left running. */
export function recordCampaignCompleted(ctx: Ctx, campaignId: string, previousStatus: string): void {
  const campaign = ctx.store.campaign(campaignId)
  if (!campaign) return
  recordAudit(ctx, {
    action: 'UPDATE',
    resourceType: 'CAMPAIGN',
    resourceId: campaign.id,
    resourceName: campaign.name,
    campaignId: campaign.id,
    actor: PLATFORM,
    outcome: 'succeeded',
    changes: { status: { from: previousStatus, to: campaign.status } },
    description: 'The flight ended: the campaign is complete',
  })
}
