import type { Ctx } from '../context.ts'
import type { AdcpExchange } from '../agents/adcp.ts'
import { agentById } from '../agents/catalog.ts'
import type { MediaBuyRow } from '../repo/rows.ts'
import { notFound } from '../http/errors.ts'
import { statusRank } from '../../../src/domain/status.ts'
import { effectiveCreatives, loadGraph } from './views.ts'
import { moveBuy } from './transitions.ts'

const PERSISTED_TERMINAL = new Set(['CANCELED', 'ARCHIVED', 'COMPLETED', 'REJECTED', 'FAILED'])
const CAMPAIGN_ORDER = [
  'attention_required',
  'pending_creatives',
  'pending_start',
  'draft',
  'paused',
  'active',
  'completed',
] as const

/** What the agent's own order status means on the platform (CONTRACT §8.4). */
function internalFor(orderStatus: string): string {
  switch (orderStatus) {
    case 'submitted':
    case 'working':
      return 'PENDING_APPROVAL'
    case 'input-required':
      return 'INPUT_REQUIRED'
    case 'paused':
      return 'PAUSED'
    case 'completed':
      return 'COMPLETED'
    case 'canceled':
      return 'CANCELED'
    case 'rejected':
      return 'REJECTED'
    default:
      return 'ACTIVE'
  }
}

/**
 * GET /campaigns/{id}/media-buy-status: asks every seller that holds an open buy, writes back what webhooks missed,
 * and answers in the snake_case GetAdcpStatusOutput shape.
 */
export async function mediaBuyStatus(ctx: Ctx, campaignId: string): Promise<Record<string, unknown>> {
  const campaign = ctx.store.campaign(campaignId)
  if (!campaign) throw notFound('Campaign')
  const open = ctx.store
    .buysOf(campaignId)
    .filter((b) => b.adcp_media_buy_id && !PERSISTED_TERMINAL.has(b.status) && b.status !== 'DRAFT')
  const byAgent = new Map<string, MediaBuyRow[]>()
  for (const b of open) byAgent.set(b.sales_agent_id, [...(byAgent.get(b.sales_agent_id) ?? []), b])
  const answers = new Map<string, AdcpExchange | Error>()
  for (const [agentId, buys] of byAgent) {
    try {
      answers.set(
        agentId,
        await ctx.transport.send(agentId, {
          tool: 'get_media_buys',
          arguments: { media_buy_ids: buys.map((b) => b.adcp_media_buy_id!) },
        }),
      )
    } catch (error) {
      answers.set(agentId, error instanceof Error ? error : new Error(String(error)))
    }
  }
  return ctx.db.transaction(() => {
    const errors: { media_buy_id: string; error: string; code?: string }[] = []
    const updated = new Map<string, { previous: string; previousAdcp: string | null }>()
    for (const buy of open) {
      const answer = answers.get(buy.sales_agent_id)
      if (answer instanceof Error || !answer) {
        errors.push({ media_buy_id: buy.id, error: answer?.message ?? 'no answer', code: 'SOURCE_UNAVAILABLE' })
        continue
      }
      const remote = answer.response.media_buys?.find((m) => m.media_buy_id === buy.adcp_media_buy_id)
      if (!remote) continue
      const internal = internalFor(remote.ext.seller_status)
      if (internal !== buy.status) {
        updated.set(buy.id, { previous: buy.status, previousAdcp: buy.adcp_status })
        moveBuy(ctx, buy, internal, {}, remote.ext.seller_status)
      }
    }
    const graph = loadGraph(ctx, ctx.store.campaign(campaignId)!)
    const now = ctx.clock.now().getTime()
    const blockers: { code: string; message: string }[] = []
    let pendingReviews = 0
    const rows = [...graph.buys]
      .sort((a, b) => statusRank(a.status) - statusRank(b.status))
      .map((buy) => {
        const creatives = effectiveCreatives(ctx, buy, graph.buyProducts.get(buy.id) ?? [], graph.creatives)
        if (buy.status === 'PENDING_APPROVAL') pendingReviews += creatives.length
        const agent = agentById(buy.sales_agent_id).name
        const own: string[] = []
        if (buy.status === 'INPUT_REQUIRED') {
          own.push(`${agent} needs input: ${buy.source_message ?? 'see the seller message'}`)
          blockers.push({
            code: 'INPUT_REQUIRED',
            message: `${buy.name} (${agent}): ${buy.source_message ?? 'the seller needs more information'}`,
          })
        }
        if (buy.status === 'FAILED') {
          own.push(`Submission to ${agent} failed: ${buy.source_message ?? 'unknown error'}`)
          blockers.push({
            code: 'MEDIA_BUY_FAILED',
            message: `${buy.name} (${agent}): ${buy.source_message ?? 'submission failed'}`,
          })
        }
        if (buy.status === 'REJECTED') {
          own.push(`Rejected by ${agent}: ${buy.source_message ?? ''}`.trim())
          blockers.push({
            code: 'MEDIA_BUY_REJECTED',
            message: `${buy.name} (${agent}): ${buy.source_message ?? 'rejected'}`,
          })
        }
        const noCreatives = buy.status === 'ACTIVE' && creatives.length === 0
        if (noCreatives) {
          own.push('No creatives attached')
          blockers.push({
            code: 'NO_CREATIVES',
            message: `${buy.name} (${agent}) has no creatives in a format its products accept`,
          })
        }
        const start = Date.parse(
          buy.start_time && buy.start_time !== 'asap' ? buy.start_time : graph.campaign.flight_start,
        )
        const change = updated.get(buy.id)
        return {
          media_buy_id: buy.id,
          adcp_media_buy_id: buy.adcp_media_buy_id,
          internal_status: buy.status,
          adcp_status: buy.adcp_status,
          operational_status: operational(buy.status, noCreatives, start > now || buy.adcp_status === 'pending_start'),
          previous_internal_status: change?.previous ?? buy.previous_status ?? buy.status,
          previous_adcp_status: change ? change.previousAdcp : buy.previous_adcp_status,
          updated: change !== undefined,
          status_refresh_source:
            buy.status === 'DRAFT'
              ? 'not_submitted'
              : PERSISTED_TERMINAL.has(buy.status) || buy.status === 'ARCHIVED'
                ? 'persisted_terminal'
                : errors.some((e) => e.media_buy_id === buy.id)
                  ? 'refresh_failed'
                  : 'direct_agent',
          blockers: own,
          ...(buy.pending_reason ? { pending_reason: buy.pending_reason } : {}),
          ...(buy.pending_since ? { pending_since: buy.pending_since } : {}),
          ...(buy.error_code ? { error_code: buy.error_code } : {}),
          ...(buy.error_owner ? { error_owner: buy.error_owner } : {}),
          ...(buy.source_message ? { source_message: buy.source_message } : {}),
          ...(buy.forwarded_at ? { forwarded_at: buy.forwarded_at } : {}),
          ...(buy.buyer_reference ? { buyer_reference: buy.buyer_reference } : {}),
        }
      })
    const statuses = rows.map((r) => (r.operational_status === 'not_submitted' ? 'draft' : r.operational_status))
    const overall =
      rows.length === 0 ? 'no_media_buys' : (CAMPAIGN_ORDER.find((s) => statuses.includes(s)) ?? 'completed')
    return {
      campaign_id: campaignId,
      campaign_status: graph.campaign.status,
      operational_status: overall,
      media_buys: rows,
      agents_queried: byAgent.size,
      errors,
      blockers,
      pending_creative_reviews: pendingReviews,
      has_upstream_media_buy: graph.buys.some((b) => b.adcp_media_buy_id !== null),
      has_delivery: [...graph.packages.values()].some((list) => list.some((p) => p.impressions > 0)),
    }
  })()
}

function operational(status: string, noCreatives: boolean, notStarted: boolean): string {
  switch (status) {
    case 'DRAFT':
      return 'not_submitted'
    case 'PENDING_APPROVAL':
      return 'pending_start'
    case 'INPUT_REQUIRED':
    case 'FAILED':
    case 'REJECTED':
      return 'attention_required'
    case 'ACTIVE':
      return noCreatives ? 'pending_creatives' : notStarted ? 'pending_start' : 'active'
    case 'PAUSED':
      return 'paused'
    case 'COMPLETED':
    case 'CANCELED':
    case 'ARCHIVED':
      return 'completed'
    default:
      return 'attention_required'
  }
}
