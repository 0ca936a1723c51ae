import type { Ctx } from '../context.ts'
import { agentById } from '../agents/catalog.ts'
import type { CampaignRow, MediaBuyRow, StoredPendingChange } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { isLiveBuyStatus, sumMoney } from '../../../src/domain/budget.ts'
import {
  acceptedFormats,
  allocationUnits,
  compact,
  effectiveCreatives,
  formatsOf,
  type CampaignGraph,
  type Json,
} from './views.ts'
import { creativeRef } from './views-creatives.ts'
import { packageView, pendingChangeView, round2, validActions } from './views-packages.ts'

export interface CampaignViewOptions {
  mediaBuyIds?: string[]
  includeProductDetails?: boolean
}

export function campaignView(ctx: Ctx, graph: CampaignGraph, options: CampaignViewOptions = {}): Json {
  const { campaign, buys } = graph
  const units = allocationUnits(graph)
  const liveAllocation = sumMoney(units.map((u) => u.budget))
  const spentOnClosed = sumMoney(
    buys.filter((b) => !isLiveBuyStatus(b.status)).flatMap((b) => (graph.packages.get(b.id) ?? []).map((p) => p.spend)),
  )
  const allocated = sumMoney([liveAllocation, spentOnClosed])
  const shown = options.mediaBuyIds?.length ? buys.filter((b) => options.mediaBuyIds!.includes(b.id)) : buys
  const selected = ctx.store.campaignProducts(campaign.id)
  const formats = new Set(buys.flatMap((b) => [...acceptedFormats(ctx, graph.buyProducts.get(b.id) ?? [])]))
  const covered = new Set(graph.creatives.map((c) => c.format_kind).filter((k) => formats.has(k)))
  return compact({
    campaignId: campaign.id,
    advertiserId: campaign.advertiser_id,
    name: campaign.name,
    status: campaign.status,
    mode: campaign.mode,
    management: campaign.management,
    revision: campaign.revision,
    mediaBuyRefs: buys.map((b) => {
      const pending = parseJson<StoredPendingChange>(b.pending_change_json)
      return compact({
        mediaBuyId: b.id,
        status: b.status,
        pendingAt: b.pending_at ?? undefined,
        pendingChange: pending ? { status: pending.status, pendingAt: pending.pendingAt } : undefined,
      })
    }),
    brief: campaign.brief,
    flightDates: { startDate: campaign.flight_start, endDate: campaign.flight_end },
    budget: compact({
      total: campaign.budget_total,
      currency: campaign.currency,
      dailyCap: campaign.daily_cap,
      pacing: campaign.budget_pacing,
    }),
    allocatedBudget: allocated,
    unallocatedBudget: sumMoney([campaign.budget_total, -allocated]),
    pacingPeriods: parseJson(campaign.pacing_periods_json),
    constraints: parseJson(campaign.constraints_json),
    performanceConfig: parseJson(campaign.performance_config_json),
    optimizationApplyMode: campaign.optimization_apply_mode,
    discoveryId: campaign.discovery_id,
    productCount: campaign.status === 'DRAFT' ? selected.length : undefined,
    products: campaign.status === 'DRAFT' ? selected.map((p) => ({ productId: p.product_id })) : undefined,
    creativeFormats: formats.size
      ? {
          required: [...formats].map((k) => ({ format_kind: k })),
          covered: [...covered].map((k) => ({ format_kind: k })),
          missing: [...formats].filter((k) => !covered.has(k)).map((k) => ({ format_kind: k })),
        }
      : undefined,
    mediaBuys: shown.map((b) => mediaBuyView(ctx, graph, b, options.includeProductDetails !== false)),
    frequencyCaps: (parseJson<Json[]>(campaign.frequency_caps_json) ?? []).map((cap, i) => ({
      id: `fc_${campaign.id}_${i + 1}`,
      targetLevel: 'CAMPAIGN',
      targetId: campaign.id,
      createdAt: campaign.created_at,
      updatedAt: campaign.updated_at,
      archivedAt: null,
      ...cap,
    })),
    createdAt: campaign.created_at,
    updatedAt: campaign.updated_at,
  })
}

/**
 * Why a buy is where it is (what it waits on and since when, whose move an error is, what the seller said, the support
 * handle) and its flight. The campaign's buys and `GET /media-buys/{id}` both answer with these.
 */
export function whyFields(buy: MediaBuyRow, campaign: CampaignRow): Json {
  return {
    pendingAt: buy.pending_at,
    pendingReason: buy.pending_reason,
    pendingSince: buy.pending_since,
    errorCode: buy.error_code,
    errorOwner: buy.error_owner,
    sourceMessage: buy.source_message,
    forwardedAt: buy.forwarded_at,
    buyerReference: buy.buyer_reference,
    startTime: buy.start_time ?? campaign.flight_start,
    endTime: buy.end_time ?? campaign.flight_end,
  }
}

export function mediaBuyView(ctx: Ctx, graph: CampaignGraph, buy: MediaBuyRow, productDetails = true): Json {
  const currency = graph.campaign.currency
  const products = graph.buyProducts.get(buy.id) ?? []
  const packages = graph.packages.get(buy.id) ?? []
  const agent = agentById(buy.sales_agent_id)
  const creatives = effectiveCreatives(ctx, buy, products, graph.creatives).map((c) =>
    creativeRef(c, buy, agent.id, graph.reviews?.get(`${c.id}:${agent.id}`)),
  )
  const pending = parseJson<StoredPendingChange>(buy.pending_change_json)
  const budget = packages.length
    ? sumMoney(packages.filter((p) => p.status !== 'canceled').map((p) => p.budget ?? 0))
    : sumMoney(products.map((p) => p.budget ?? 0))
  let impressions = 0
  let spend = 0
  let clicks = 0
  for (const p of packages) {
    impressions += p.impressions
    spend += p.spend
    clicks += p.clicks
  }
  return compact({
    mediaBuyId: buy.id,
    name: buy.name,
    status: buy.status,
    createdAt: buy.created_at,
    updatedAt: buy.updated_at,
    revision: buy.revision,
    validActions: validActions(buy.status),
    ...whyFields(buy, graph.campaign),
    budget_denomination: 'gross',
    budget_breakdown:
      budget > 0
        ? {
            media_budget: round2(budget * 0.85),
            fee_amount: round2(budget * 0.15),
            fee_rate_percent: 15,
            effective_gross_cpm: impressions ? round2((spend * 1000) / impressions) : null,
          }
        : undefined,
    products: products.map((p) => {
      const product = ctx.store.product(p.product_id)
      return compact({
        productId: p.product_id,
        productName: product?.product_name,
        publisherName: product?.publisher_name,
        salesAgentName: agent.name,
        budget: p.budget,
        budgetCurrency: currency,
        pacing: p.pacing,
        bidPrice: p.bid_price,
        formatOptions: productDetails ? formatsOf(product).map((k) => ({ format_kind: k, params: {} })) : undefined,
      })
    }),
    pacingPeriods: parseJson(buy.pacing_periods_json),
    packages: packages.map((p) => packageView(p, currency)),
    optimizationGoals: parseJson(buy.optimization_goals_json),
    performance: compact({
      impressions,
      spend: round2(spend),
      clicks,
      views: buy.views,
      completedViews: buy.completed_views,
      conversions: buy.conversions,
      leads: buy.leads,
      lastUpdated: buy.last_delivery_at ?? undefined,
    }),
    creatives,
    creativeIds: parseJson<string[]>(buy.creative_ids_json),
    pendingChange: pendingChangeView(pending),
  })
}
