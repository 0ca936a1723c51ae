import type { Ctx } from '../context.ts'
import type { AdcpExchange, AdcpRequest } from '../agents/adcp.ts'
import type { MediaBuyRow } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { notFound, validation } from '../http/errors.ts'
import { propertyListAttachPlan, type AttachEntry } from '../../../src/domain/property-lists.ts'
import { BUYER, recordAudit } from './audit.ts'

// Property lists reach a campaign through its packages' targeting (targeting_overlay.property_list). Attaching an
// advertiser include list pushes it to every active buy's live packages with update_media_buy (D9), no re-execute.

export const PROPERTY_LIST_AGENT_URL = 'https://lists.sandbox.example'

export interface PropertyListRow {
  id: string
  advertiser_id: string
  name: string
  purpose: 'include' | 'exclude'
  property_count: number
  created_at: string
  updated_at: string
}

interface Targeting {
  property_list?: { agent_url?: string; list_id?: string }
  property_lists?: { agent_url?: string; list_id?: string }[]
  [key: string]: unknown
}

/** The list ids a package's targeting names. */
export function listIdsOf(targetingJson: string | null): string[] {
  const t = parseJson<Targeting>(targetingJson)
  if (!t) return []
  const refs = [...(t.property_list ? [t.property_list] : []), ...(t.property_lists ?? [])]
  return refs.map((r) => r.list_id).filter((id): id is string => typeof id === 'string')
}

function withList(targetingJson: string | null, listId: string): Targeting {
  const t = parseJson<Targeting>(targetingJson) ?? {}
  const ref = { agent_url: PROPERTY_LIST_AGENT_URL, list_id: listId }
  if (!t.property_list) return { ...t, property_list: ref }
  return { ...t, property_lists: [...(t.property_lists ?? []), ref] }
}

const livePackages = (ctx: Ctx, buyId: string) =>
  ctx.store.packagesOf(buyId).filter((p) => p.status !== 'canceled' && p.status !== 'completed')

/** GET /campaigns/{id}/property-lists (CampaignPropertyListsResponse). */
export function campaignPropertyLists(ctx: Ctx, campaignId: string) {
  const campaign = ctx.store.campaign(campaignId)
  if (!campaign) throw notFound('Campaign')
  const via = new Map<string, Map<string, string[]>>()
  for (const buy of ctx.store.buysOf(campaignId)) {
    if (buy.status === 'ARCHIVED') continue
    for (const pkg of ctx.store.packagesOf(buy.id))
      for (const listId of listIdsOf(pkg.targeting_json)) {
        const byBuy = via.get(listId) ?? new Map<string, string[]>()
        byBuy.set(buy.id, [...(byBuy.get(buy.id) ?? []), pkg.id])
        via.set(listId, byBuy)
      }
  }
  const rows = [...via.keys()]
    .map((id) => ctx.db.prepare<[string], PropertyListRow>('SELECT * FROM property_lists WHERE id = ?').get(id))
    .filter((r): r is PropertyListRow => r !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name))
  const propertyLists = rows.map((r) => ({
    listId: r.id,
    name: r.name,
    purpose: r.purpose,
    propertyCount: r.property_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    viaMediaBuys: [...via.get(r.id)!].map(([mediaBuyId, packageIds]) => ({ mediaBuyId, packageIds })),
  }))
  const includeCount = propertyLists.filter((l) => l.purpose === 'include').length
  return {
    campaignId,
    propertyLists,
    summary: { totalLists: propertyLists.length, includeCount, excludeCount: propertyLists.length - includeCount },
  }
}

interface Step {
  buy: MediaBuyRow
  entry: AttachEntry
  request?: AdcpRequest
}

/** POST /campaigns/{id}/property-lists (AttachPropertyListResponse). */
export async function attachPropertyList(ctx: Ctx, campaignId: string, listId: string) {
  const { steps, list } = ctx.db.transaction(() => planAttach(ctx, campaignId, listId))()
  const exchanges: (AdcpExchange | Error | undefined)[] = []
  for (const step of steps) {
    try {
      exchanges.push(step.request ? await ctx.transport.send(step.buy.sales_agent_id, step.request) : undefined)
    } catch (error) {
      exchanges.push(error instanceof Error ? error : new Error(String(error)))
    }
  }
  return ctx.db.transaction(() => applyAttach(ctx, campaignId, list, steps, exchanges))()
}

function planAttach(ctx: Ctx, campaignId: string, listId: string): { steps: Step[]; list: PropertyListRow } {
  const campaign = ctx.store.campaign(campaignId)
  if (!campaign) throw notFound('Campaign')
  const list = ctx.db.prepare<[string], PropertyListRow>('SELECT * FROM property_lists WHERE id = ?').get(listId)
  if (!list || list.advertiser_id !== campaign.advertiser_id) throw notFound('Property list')
  if (list.purpose !== 'include') throw validation('Only include lists can be attached to a campaign', 'propertyListId')
  const buys = ctx.store.buysOf(campaignId)
  const plan = propertyListAttachPlan(
    listId,
    buys.map((b) => ({
      mediaBuyId: b.id,
      name: b.name,
      status: b.status,
      packages: livePackages(ctx, b.id).map((p) => ({ packageId: p.id, listIds: listIdsOf(p.targeting_json) })),
    })),
  )
  const steps = plan.map((entry): Step => {
    const buy = buys.find((b) => b.id === entry.mediaBuyId)!
    if (entry.outcome === 'skip') return { buy, entry }
    const packages = livePackages(ctx, buy.id).filter((p) => entry.packageIds.includes(p.id))
    return {
      buy,
      entry,
      request: {
        tool: 'update_media_buy',
        arguments: {
          media_buy_id: buy.adcp_media_buy_id ?? buy.id,
          buyer_ref: buy.id,
          idempotency_key: `${buy.id}:property-list:${listId}:${buy.revision}`,
          push_notification_config: { url: ctx.webhookUrl, token: ctx.webhookToken, operation_id: buy.id },
          packages: packages.map((p) => ({
            package_id: p.id,
            buyer_ref: p.id,
            targeting_overlay: withList(p.targeting_json, listId),
          })),
        },
      },
    }
  })
  return { steps, list }
}

function applyAttach(
  ctx: Ctx,
  campaignId: string,
  list: PropertyListRow,
  steps: Step[],
  exchanges: (AdcpExchange | Error | undefined)[],
) {
  const now = ctx.clock.nowIso()
  let updated = 0
  let failed = 0
  let skipped = 0
  const results: { mediaBuyId: string; outcome: string; packageIds?: string[]; reason?: string }[] = []
  steps.forEach((step, i) => {
    if (step.entry.outcome === 'skip') {
      skipped++
      results.push({ mediaBuyId: step.buy.id, outcome: 'skipped', reason: step.entry.reason })
      return
    }
    const exchange = exchanges[i]
    const failure =
      exchange instanceof Error
        ? exchange.message
        : !exchange || exchange.response.status === 'failed' || exchange.response.status === 'rejected'
          ? (exchange?.response.errors?.[0]?.message ?? exchange?.response.message ?? 'the seller refused the update')
          : undefined
    if (failure) {
      failed++
      results.push({ mediaBuyId: step.buy.id, outcome: 'failed', reason: failure })
      recordAudit(ctx, {
        action: 'UPDATE',
        resourceType: 'MEDIA_BUY',
        resourceId: step.buy.id,
        resourceName: step.buy.name,
        parentType: 'CAMPAIGN',
        campaignId,
        actor: BUYER,
        outcome: 'failed',
        parameters: { propertyListId: list.id, error: failure },
        changes: null,
        description: `The property list ${list.name} did not reach this buy: ${failure}`,
      })
      return
    }
    updated++
    for (const pkg of livePackages(ctx, step.buy.id).filter((p) => step.entry.packageIds.includes(p.id)))
      ctx.store.update('packages', pkg.id, { targeting_json: JSON.stringify(withList(pkg.targeting_json, list.id)) })
    ctx.store.touchBuy(step.buy.id, now)
    results.push({ mediaBuyId: step.buy.id, outcome: 'updated', packageIds: step.entry.packageIds })
  })
  const cascade = { totalMediaBuys: steps.length, updatedCount: updated, failedCount: failed, skippedCount: skipped }
  ctx.store.touchCampaign(campaignId, now)
  recordAudit(ctx, {
    action: 'UPDATE',
    resourceType: 'CAMPAIGN',
    resourceId: campaignId,
    resourceName: ctx.store.campaign(campaignId)?.name ?? null,
    campaignId,
    actor: BUYER,
    outcome: 'succeeded',
    parameters: { request: { propertyListId: list.id }, cascade, results },
    changes: Object.fromEntries(
      results
        .filter((r) => r.outcome === 'updated')
        .map((r) => [`mediaBuys.${r.mediaBuyId}.propertyLists`, { from: null, to: list.id }]),
    ),
    description: `Attached the include list ${list.name} to ${updated} of ${steps.length} active buys`,
  })
  return { campaignId, propertyListId: list.id, cascade }
}
