import type { CreativeRow, MediaBuyRow } from '../repo/rows.ts'
import type { CreativeReviewRow } from './creative-sync.ts'
import { compact, type Json } from './views.ts'

const CREATIVE_AGENT_URL = 'https://creative.adcontextprotocol.org'

export function creativeRef(c: CreativeRow, buy: MediaBuyRow, agentId: string, review?: CreativeReviewRow): Json {
  const submitted = buy.status !== 'DRAFT'
  // A seller that rejected the creative in its own review has the last word, with its reason; a new version it has
  // not reviewed yet waits on it.
  if (review?.status === 'rejected' || review?.status === 'pending_review') {
    const rejected = review.status === 'rejected'
    return {
      creativeId: c.id,
      name: c.name,
      formatId: { id: c.format_id, agent_url: CREATIVE_AGENT_URL },
      status: review.status,
      sourceSyncStatus: [
        {
          agentId,
          sourceId: review.source_id,
          approvalStatus: review.status,
          rejectionReason: rejected ? (review.rejection_reason ?? "Rejected in the seller's review") : null,
        },
      ],
      storefrontReviewStatus: null,
    }
  }
  const approval = ['ACTIVE', 'PAUSED', 'COMPLETED'].includes(buy.status)
    ? 'approved'
    : buy.status === 'REJECTED'
      ? 'rejected'
      : submitted
        ? 'pending_review'
        : null
  return {
    creativeId: c.id,
    name: c.name,
    formatId: { id: c.format_id, agent_url: CREATIVE_AGENT_URL },
    status: approval === 'approved' ? 'approved' : approval === 'rejected' ? 'rejected' : 'pending_review',
    sourceSyncStatus: [
      {
        agentId,
        sourceId: submitted ? `${agentId.slice(3)}_crv_${c.id.slice(3)}` : null,
        approvalStatus: approval,
        rejectionReason: approval === 'rejected' ? 'Media buy declined by seller' : null,
      },
    ],
    storefrontReviewStatus: null,
  }
}

export function creativeFormatId(c: CreativeRow): {
  id: string
  agent_url: string
  width?: number
  height?: number
  duration_ms?: number
} {
  return compact({
    id: c.format_id,
    agent_url: CREATIVE_AGENT_URL,
    width: c.width ?? undefined,
    height: c.height ?? undefined,
    duration_ms: c.duration_ms ?? undefined,
  })
}
