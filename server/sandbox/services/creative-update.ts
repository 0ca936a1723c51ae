import type { Ctx } from '../context.ts'
import type { AdcpExchange } from '../agents/adcp.ts'
import { agentById } from '../agents/catalog.ts'
import type { CampaignRow, CreativeRow } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { notFound } from '../http/errors.ts'
import { creativeResyncPlan, type ResyncPlan } from '../../../src/domain/creatives.ts'
import type { UpdateCreativeBody } from '../../../src/api/schemas/creative.ts'
import { BUYER, recordAudit, type Changes } from './audit.ts'
import { creativeAsset, creativeReviewsOf, recordCreativeReviews } from './creative-sync.ts'
import { acceptedFormats } from './views.ts'
import { creativeFormatId } from './views-creatives.ts'

// A manifest update (D9): the new version goes to the seller of every buy the shared rule picks
// (src/domain/creatives.ts creativeResyncPlan) through sync_creatives, and each seller reviews it on its own clock.

export function creativeOf(
  ctx: Ctx,
  campaignId: string,
  creativeId: string,
): { campaign: CampaignRow; creative: CreativeRow } {
  const campaign = ctx.store.campaign(campaignId)
  if (!campaign) throw notFound('Campaign')
  const creative = ctx.store.creativesOf(campaignId).find((c) => c.id === creativeId)
  if (!creative) throw notFound('Creative')
  return { campaign, creative }
}

/** The buys of a campaign in the shape the shared re-sync rule reads. */
export function resyncPlanOf(
  ctx: Ctx,
  campaignId: string,
  creative: CreativeRow,
): ResyncPlan & { agents: Map<string, string> } {
  const products = ctx.store.buyProductsOfCampaign(campaignId)
  const buys = ctx.store.buysOf(campaignId)
  const plan = creativeResyncPlan(
    creative.format_kind,
    buys.map((b) => ({
      mediaBuyId: b.id,
      name: b.name,
      status: b.status,
      creativeIds: parseJson<string[]>(b.creative_ids_json),
      formatKinds: acceptedFormats(
        ctx,
        products.filter((p) => p.media_buy_id === b.id),
      ),
    })),
  )
  return { ...plan, agents: new Map(buys.map((b) => [b.id, b.sales_agent_id])) }
}

export interface CreativeUpdateResult {
  warnings: string[]
}

export async function updateCreative(
  ctx: Ctx,
  campaignId: string,
  creativeId: string,
  body: UpdateCreativeBody,
): Promise<CreativeUpdateResult> {
  const { plan, row } = ctx.db.transaction(() => {
    const { creative } = creativeOf(ctx, campaignId, creativeId)
    const changes: Changes = {}
    const patch: Record<string, string | null> = {}
    const edit = (key: 'name' | 'message' | 'click_url', value: string | undefined) => {
      if (value === undefined || value === (creative[key] ?? '')) return
      changes[key] = { from: creative[key], to: value }
      patch[key] = value
    }
    edit('name', body.name)
    edit('message', body.message)
    edit('click_url', body.click_url)
    if (Object.keys(patch).length === 0) return { plan: undefined, row: creative }
    const now = ctx.clock.nowIso()
    const sets = Object.keys(patch).map((k) => `${k} = ?`)
    ctx.db
      .prepare(`UPDATE creatives SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`)
      .run(...Object.values(patch), now, creative.id)
    ctx.store.touchCampaign(campaignId, now)
    const updated = { ...creative, ...patch, updated_at: now } as CreativeRow
    const resync = resyncPlanOf(ctx, campaignId, updated)
    recordAudit(ctx, {
      action: 'UPDATE',
      resourceType: 'CREATIVE',
      resourceId: creative.id,
      resourceName: updated.name,
      parentType: 'CAMPAIGN',
      campaignId,
      actor: BUYER,
      outcome: 'succeeded',
      parameters: {
        request: body,
        resyncedTo: resync.resync.map((e) => e.mediaBuyId),
        notResynced: resync.skipped.map((e) => ({ mediaBuyId: e.mediaBuyId, reason: e.reason })),
      },
      changes,
      description: `Updated the creative; its new version goes to ${resync.resync.length} of ${resync.resync.length + resync.skipped.length} buys`,
    })
    return { plan: resync, row: updated }
  })()
  if (!plan) return { warnings: [] }
  const agentIds = [...new Set(plan.resync.map((e) => plan.agents.get(e.mediaBuyId)!))]
  const warnings: string[] = []
  for (const agentId of agentIds) {
    let exchange: AdcpExchange | Error
    try {
      exchange = await ctx.transport.send(agentId, {
        tool: 'sync_creatives',
        arguments: {
          creatives: [creativeAsset(row)],
          push_notification_config: {
            url: ctx.webhookUrl,
            token: ctx.webhookToken,
            operation_id: `creatives:${agentId}`,
            authentication: { schemes: ['Bearer'], credentials: ctx.webhookToken },
          },
        },
      })
    } catch (error) {
      exchange = error instanceof Error ? error : new Error(String(error))
    }
    if (!ctx.db.open) break
    const failure =
      exchange instanceof Error
        ? exchange.message
        : exchange.response.status !== 'completed'
          ? (exchange.response.errors?.[0]?.message ?? `the seller answered ${exchange.response.status}`)
          : undefined
    if (failure) {
      warnings.push(`${agentById(agentId).name} did not take the new version: ${failure}`)
      ctx.db.transaction(() => markSyncFailed(ctx, row.id, agentId))()
    } else ctx.db.transaction(() => recordCreativeReviews(ctx, agentId, exchange))()
  }
  return { warnings }
}

function markSyncFailed(ctx: Ctx, creativeId: string, agentId: string): void {
  ctx.db
    .prepare(
      `INSERT INTO creative_reviews (creative_id, sales_agent_id, source_id, status, rejection_reason, reviewed_at) VALUES (?, ?, NULL, 'sync_failed', NULL, ?)
       ON CONFLICT(creative_id, sales_agent_id) DO UPDATE SET status = 'sync_failed', reviewed_at = excluded.reviewed_at`,
    )
    .run(creativeId, agentId, ctx.clock.nowIso())
}

/** Each seller's copy of the creative: its sync, and its review when the seller has given one. */
export function platformLinks(
  ctx: Ctx,
  campaignId: string,
  creativeId: string,
  reviews = creativeReviewsOf(ctx, campaignId),
) {
  return [...reviews.values()]
    .filter((r) => r.creative_id === creativeId)
    .map((r) => ({
      agent_id: r.sales_agent_id,
      agent_name: agentById(r.sales_agent_id).name,
      ...(r.source_id ? { platform_id: r.source_id } : {}),
      status: r.status === 'sync_failed' ? 'failed' : 'synced',
      ...(r.status === 'sync_failed' ? {} : { approval_status: r.status }),
      synced_at: r.reviewed_at,
    }))
}

/** CreativeManifestResponse. */
export function manifestView(ctx: Ctx, campaignId: string, creative: CreativeRow, warnings: string[] = []) {
  const links = platformLinks(ctx, campaignId, creative.id)
  const synced = links.filter((l) => l.status === 'synced')
  const last = synced
    .map((l) => l.synced_at)
    .sort()
    .at(-1)
  const kind = creative.format_kind
  const assetType = kind.startsWith('video')
    ? 'VIDEO'
    : kind.startsWith('audio')
      ? 'AUDIO'
      : kind === 'html5'
        ? 'HTML'
        : 'IMAGE'
  return {
    creative_id: creative.id,
    campaign_id: campaignId,
    name: creative.name,
    ...(creative.message != null ? { message: creative.message } : {}),
    format_id: creativeFormatId(creative),
    format_kind: kind,
    requires_upgrade: false,
    ...(creative.preview_url ? { preview_url: creative.preview_url } : {}),
    assets: Array.from({ length: creative.asset_count }, (_, i) => {
      const type = i === 0 ? assetType : 'IMAGE'
      const ext = type === 'VIDEO' ? 'mp4' : type === 'AUDIO' ? 'mp3' : type === 'HTML' ? 'html' : 'png'
      const mime = { VIDEO: 'video/mp4', AUDIO: 'audio/mpeg', HTML: 'text/html', IMAGE: 'image/png' }[type]
      return {
        asset_id: `${creative.id}_a${i + 1}`,
        name: `Asset ${i + 1}`,
        original_filename: `${creative.id}_${i + 1}.${ext}`,
        asset_type: type,
        content_type: mime,
        file_size: 48_000 * (i + 1),
        public_url:
          i === 0 && creative.preview_url
            ? creative.preview_url
            : `https://cdn.sandbox.example/creatives/${creative.id}/${i + 1}.${ext}`,
        asset_source: 'USER_UPLOADED',
        created_at: creative.created_at,
      }
    }),
    sync_status: { synced: synced.length > 0, agent_count: synced.length, ...(last ? { last_synced_at: last } : {}) },
    platform_links: links,
    ...(warnings.length ? { warnings } : {}),
    created_at: creative.created_at,
    updated_at: creative.updated_at,
  }
}
