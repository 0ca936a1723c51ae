import { recordAudit, sellerActor } from './audit.ts'
import { notify } from './notifications.ts'
import type { Ctx } from '../context.ts'
import type { AdcpExchange, AdcpRequest, CreativeAssetArgs } from '../agents/adcp.ts'
import type { CreativeRow } from '../repo/rows.ts'

// Before a buy is submitted, the platform syncs the creatives it carries to the seller's creative library
// (sync_creatives). The seller reviews each one; its verdicts are kept per creative and seller (creative_reviews),
// and a rejection, with the seller's reason, is what the creative shows for buys at that seller.

const CREATIVE_AGENT_URL = 'https://creative.adcontextprotocol.org'

export interface CreativeReviewRow {
  creative_id: string
  sales_agent_id: string
  source_id: string | null
  status: string
  rejection_reason: string | null
  reviewed_at: string
}

/** The creative as an AdCP creative asset: its format, and its hosted file as the primary asset. */
export function creativeAsset(c: CreativeRow): CreativeAssetArgs {
  const url = c.preview_url ?? `https://cdn.sandbox.example/creatives/${c.id}`
  const primary: Record<string, unknown> =
    c.format_kind === 'video_vast' || c.format_kind === 'audio_daast'
      ? { delivery_type: 'url', url }
      : {
          url,
          ...(c.width != null && c.height != null ? { width: c.width, height: c.height } : {}),
          ...(c.duration_ms != null && c.format_kind.startsWith('video') ? { duration_ms: c.duration_ms } : {}),
        }
  return {
    creative_id: c.id,
    name: c.name,
    format_id: { agent_url: CREATIVE_AGENT_URL, id: c.format_id },
    assets: { primary, ...(c.click_url ? { click_url: { url: c.click_url } } : {}) },
  }
}

export function creativeSyncRequest(creatives: CreativeRow[]): AdcpRequest | undefined {
  if (creatives.length === 0) return undefined
  return { tool: 'sync_creatives', arguments: { creatives: creatives.map(creativeAsset) } }
}

/** Keeps the seller's verdicts; a sync that failed or never arrived leaves earlier verdicts as they were. */
export function recordCreativeReviews(ctx: Ctx, agentId: string, exchange: AdcpExchange | Error | undefined): void {
  if (!exchange || exchange instanceof Error || exchange.response.status !== 'completed') return
  recordCreativeVerdicts(ctx, agentId, exchange.response.creatives)
}

/** A seller's per-creative results, from a sync_creatives answer or a review it pushed later. */
export function recordCreativeVerdicts(ctx: Ctx, agentId: string, creatives: unknown): void {
  const results = Array.isArray(creatives) ? (creatives as Record<string, unknown>[]) : []
  const upsert = ctx.db.prepare(
    `INSERT INTO creative_reviews (creative_id, sales_agent_id, source_id, status, rejection_reason, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(creative_id, sales_agent_id) DO UPDATE SET source_id = excluded.source_id, status = excluded.status,
       rejection_reason = excluded.rejection_reason, reviewed_at = excluded.reviewed_at`,
  )
  const previous = ctx.db.prepare<[string, string], { status: string; rejection_reason: string | null }>(
    'SELECT status, rejection_reason FROM creative_reviews WHERE creative_id = ? AND sales_agent_id = ?',
  )
  for (const r of results) {
    if (typeof r.creative_id !== 'string' || typeof r.status !== 'string') continue
    const reason = typeof r.rejection_reason === 'string' ? r.rejection_reason : null
    const sourceId = typeof r.platform_id === 'string' ? r.platform_id : null
    const before = previous.get(r.creative_id, agentId)
    upsert.run(r.creative_id, agentId, sourceId, r.status, reason, ctx.clock.nowIso())
    if (r.status === 'rejected' && (before?.status !== 'rejected' || before.rejection_reason !== reason))
      creativeRejected(ctx, r.creative_id, agentId, before?.status ?? null, reason)
    else if (r.status === 'approved' && before?.status === 'pending_review')
      creativeApproved(ctx, r.creative_id, agentId)
  }
}

/** Every verdict on a campaign's creatives, keyed `creativeId:agentId`, read once per campaign view. */
export function creativeReviewsOf(ctx: Ctx, campaignId: string): Map<string, CreativeReviewRow> {
  const rows = ctx.db
    .prepare<[string], CreativeReviewRow>(
      `SELECT r.creative_id, r.sales_agent_id, r.source_id, r.status, r.rejection_reason, r.reviewed_at
       FROM creative_reviews r JOIN creatives c ON c.id = r.creative_id WHERE c.campaign_id = ?`,
    )
    .all(campaignId)
  return new Map(rows.map((r) => [`${r.creative_id}:${r.sales_agent_id}`, r]))
}

/** A seller's decision on a creative, as a History row written as the seller. */
function recordSellerDecision(
  ctx: Ctx,
  creativeId: string,
  agentId: string,
  change: { from: string | null; to: string },
  description: (seller: string) => string,
): { name: string; campaign_id: string } | undefined {
  const creative = ctx.db
    .prepare<[string], { name: string; campaign_id: string }>('SELECT name, campaign_id FROM creatives WHERE id = ?')
    .get(creativeId)
  const seller = sellerActor(agentId)
  recordAudit(ctx, {
    action: 'UPDATE',
    resourceType: 'CREATIVE',
    resourceId: creativeId,
    resourceName: creative?.name ?? null,
    parentType: 'CAMPAIGN',
    campaignId: creative?.campaign_id ?? null,
    actor: seller,
    outcome: 'succeeded',
    parameters: { salesAgentId: agentId },
    changes: { [`reviews.${agentId}.status`]: change },
    description: description(seller.serviceTokenName ?? agentId),
  })
  return creative
}

/** A seller's rejection of a creative: a history row as the seller's decision, and a notification the buyer acts on. */
function creativeRejected(
  ctx: Ctx,
  creativeId: string,
  agentId: string,
  previousStatus: string | null,
  reason: string | null,
): void {
  const said = reason ? `: ${reason}` : ''
  const creative = recordSellerDecision(
    ctx,
    creativeId,
    agentId,
    { from: previousStatus, to: 'rejected' },
    (seller) => `${seller} rejected the creative${said}`,
  )
  notify(ctx, {
    type: 'creative.rejected',
    status: 'error',
    campaignId: creative?.campaign_id ?? null,
    creativeId,
    message: `${sellerActor(agentId).serviceTokenName} rejected ${creative?.name ?? creativeId}${said}`,
    dedupeKey: `creative:${creativeId}:${agentId}:${reason ?? ''}`,
  })
}

/** A seller's approval of a new version of a creative. */
function creativeApproved(ctx: Ctx, creativeId: string, agentId: string): void {
  recordSellerDecision(
    ctx,
    creativeId,
    agentId,
    { from: 'pending_review', to: 'approved' },
    (seller) => `${seller} approved the new version of the creative`,
  )
}
