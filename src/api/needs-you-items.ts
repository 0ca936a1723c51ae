import type { Campaign, CampaignMediaBuy } from './schemas/campaign.ts'
import { describeBuyReason } from '../lib/buy-reasons.ts'

// The Needs you inbox, derived from campaign details (so an answered buy moves the moment the PUT answer is cached).
// "Needs me" (the buyer's move) and "waiting on the seller" are never mixed.

export type InboxKind = 'input' | 'failed' | 'rejected' | 'creative' | 'pending-approval' | 'pending-change'

export interface InboxItem {
  /** Stable across moves between sections, so a selection follows an answered buy: the buy id (":creatives" for creative rejections). */
  key: string
  kind: InboxKind
  needsBuyer: boolean
  campaign: Campaign
  buy: CampaignMediaBuy
  seller: string
  /** Since when it waits (pendingSince, the pending change's since, else updatedAt). */
  since: string
  /** The seller's own words, verbatim. */
  message?: string
  /** Why-fields in words, and rejected creatives with the seller's reason. */
  reasons: string[]
}

const RANK: Record<InboxKind, number> = {
  input: 0,
  failed: 1,
  rejected: 1,
  creative: 2,
  'pending-approval': 3,
  'pending-change': 3,
}
const STATUS_KIND: Record<string, InboxKind> = {
  INPUT_REQUIRED: 'input',
  FAILED: 'failed',
  REJECTED: 'rejected',
  PENDING_APPROVAL: 'pending-approval',
}

export function sellerOf(buy: CampaignMediaBuy): string {
  return [...new Set((buy.products ?? []).map((p) => p.salesAgentName).filter((n): n is string => Boolean(n)))].join(
    ', ',
  )
}

/** Creatives the seller or the storefront rejected, with the reason in the seller's words when given. */
export function rejectedCreatives(buy: CampaignMediaBuy): string[] {
  return (buy.creatives ?? []).flatMap((c) => {
    const bySeller = (c.sourceSyncStatus ?? []).filter((s) => s.approvalStatus === 'rejected')
    if (bySeller.length === 0 && c.storefrontReviewStatus !== 'rejected') return []
    const why = bySeller
      .map((s) => s.rejectionReason)
      .filter(Boolean)
      .join('; ')
    return [
      `Creative “${c.name}” rejected${why ? `: ${why}` : c.storefrontReviewStatus === 'rejected' ? ' by the storefront' : ''}`,
    ]
  })
}

function item(campaign: Campaign, buy: CampaignMediaBuy, kind: InboxKind, key: string): InboxItem {
  return {
    key,
    kind,
    needsBuyer: RANK[kind] < 3,
    campaign,
    buy,
    seller: sellerOf(buy),
    since: buy.pendingSince ?? (kind === 'pending-change' ? buy.pendingChange?.since : undefined) ?? buy.updatedAt,
    message: kind === 'pending-change' ? (buy.pendingChange?.reason ?? undefined) : buy.sourceMessage,
    reasons: [...describeBuyReason({ ...buy, sourceMessage: undefined }), ...rejectedCreatives(buy)],
  }
}

/** The buys of one campaign that wait on the buyer or on a seller, as inbox items. */
export function campaignItems(campaign: Campaign): InboxItem[] {
  const refs = new Map((campaign.mediaBuyRefs ?? []).map((r) => [r.mediaBuyId, r]))
  return (campaign.mediaBuys ?? []).flatMap((buy) => {
    const kind = STATUS_KIND[buy.status]
    if (kind) return [item(campaign, buy, kind, buy.mediaBuyId)]
    const out: InboxItem[] = []
    const creativeTrouble = rejectedCreatives(buy).length > 0 || buy.pendingReason === 'source_rejected_creatives'
    if (creativeTrouble) out.push(item(campaign, buy, 'creative', `${buy.mediaBuyId}:creatives`))
    const pending = buy.pendingChange ?? refs.get(buy.mediaBuyId)?.pendingChange
    if (pending)
      out.push(
        item(
          campaign,
          {
            ...buy,
            pendingChange: buy.pendingChange ?? {
              status: pending.status,
              pendingAt: pending.pendingAt,
            },
          },
          'pending-change',
          buy.mediaBuyId,
        ),
      )
    return out
  })
}

const byUrgency = (a: InboxItem, b: InboxItem) =>
  RANK[a.kind] - RANK[b.kind] || Date.parse(a.since) - Date.parse(b.since) || a.key.localeCompare(b.key)

export interface Inbox {
  needsYou: InboxItem[]
  waiting: InboxItem[]
}

/** INPUT_REQUIRED first, then FAILED and REJECTED, then creative rejections; longest waiting first within each. */
export function deriveInbox(campaigns: readonly Campaign[]): Inbox {
  const all = campaigns.flatMap(campaignItems).sort(byUrgency)
  return {
    needsYou: all.filter((i) => i.needsBuyer),
    waiting: all.filter((i) => !i.needsBuyer),
  }
}
