import type { Ctx } from '../context.ts'
import { agentById } from '../agents/catalog.ts'
import type {
  CampaignRow,
  CreativeRow,
  MediaBuyProductRow,
  MediaBuyRow,
  PackageSlim,
  ProductRow,
  StoredPendingChange,
} from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { isLiveBuyStatus, sumMoney } from '../../../src/domain/budget.ts'
import { creativeReviewsOf, type CreativeReviewRow } from './creative-sync.ts'

type Json = Record<string, unknown>

/** Drops undefined and null so optional fields are absent rather than null, as the API sends them. */
export function compact<T extends Json>(obj: T): T {
  for (const key of Object.keys(obj)) if (obj[key] === undefined || obj[key] === null) delete obj[key]
  return obj
}

const CREATIVE_AGENT_URL = 'https://creative.adcontextprotocol.org'

export interface CampaignViewOptions {
  mediaBuyIds?: string[]
  includeProductDetails?: boolean
}

/** Everything one campaign needs, loaded with a fixed number of indexed queries whatever its size. */
export interface CampaignGraph {
  campaign: CampaignRow
  buys: MediaBuyRow[]
  buyProducts: Map<string, MediaBuyProductRow[]>
  packages: Map<string, PackageSlim[]>
  creatives: CreativeRow[]
  /** Sellers' verdicts on the campaign's creatives, `creativeId:agentId` (services/creative-sync.ts). */
  reviews?: Map<string, CreativeReviewRow>
}

export function loadGraph(ctx: Ctx, campaign: CampaignRow): CampaignGraph {
  const buyProducts = groupBy(ctx.store.buyProductsOfCampaign(campaign.id), (r) => r.media_buy_id)
  const packages = groupBy(ctx.store.packagesOfCampaign(campaign.id), (r) => r.media_buy_id)
  return {
    campaign,
    buys: ctx.store.buysOf(campaign.id),
    buyProducts,
    packages,
    creatives: ctx.store.creativesOf(campaign.id),
    reviews: creativeReviewsOf(ctx, campaign.id),
  }
}

export function acceptedFormats(ctx: Ctx, products: MediaBuyProductRow[]): Set<string> {
  const kinds = new Set<string>()
  for (const p of products) for (const k of formatsOf(ctx.store.product(p.product_id))) kinds.add(k)
  return kinds
}

/** The creatives a buy carries: its explicit creative_ids override, else every campaign creative its products accept. */
export function effectiveCreatives(
  ctx: Ctx,
  buy: MediaBuyRow,
  products: MediaBuyProductRow[],
  creatives: CreativeRow[],
): CreativeRow[] {
  const override = parseJson<string[]>(buy.creative_ids_json)
  if (override)
    return override.map((id) => creatives.find((c) => c.id === id)).filter((c): c is CreativeRow => c !== undefined)
  const accepted = acceptedFormats(ctx, products)
  return creatives.filter((c) => accepted.has(c.format_kind))
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
    pendingAt: buy.pending_at,
    pendingReason: buy.pending_reason,
    pendingSince: buy.pending_since,
    errorCode: buy.error_code,
    errorOwner: buy.error_owner,
    sourceMessage: buy.source_message,
    forwardedAt: buy.forwarded_at,
    buyerReference: buy.buyer_reference,
    startTime: buy.start_time ?? graph.campaign.flight_start,
    endTime: buy.end_time ?? graph.campaign.flight_end,
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

/** A buy's D6 pending version as the API shows it (CONTRACT §10.3); undefined when none waits. */
export function pendingChangeView(pending: StoredPendingChange | undefined): Json | undefined {
  return pending
    ? compact({
        status: pending.status,
        pendingAt: pending.pendingAt,
        reason: pending.reason,
        since: pending.since,
        differences: pending.differences,
      })
    : undefined
}

export function packageView(p: PackageSlim, currency: string): Json {
  // Built field by field (no compact pass): this runs once per package, thousands of times for a large campaign.
  const view: Json = { packageId: p.id, status: p.status, productIds: [p.product_id] }
  if (p.budget != null) view.budget = p.budget
  view.budgetCurrency = currency
  if (p.pacing != null) view.pacing = p.pacing
  if (p.bid_price != null) view.bidPrice = p.bid_price
  if (p.start_time != null) view.startTime = p.start_time
  if (p.end_time != null) view.endTime = p.end_time
  if (p.period_index != null)
    view.pacingPeriod =
      p.period_label != null ? { index: p.period_index, label: p.period_label } : { index: p.period_index }
  if (p.targeting_json != null) view.targetingOverlay = JSON.parse(p.targeting_json)
  view.delivery = { impressions: p.impressions, spend: round2(p.spend), clicks: p.clicks }
  return view
}

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

/** AdCP media-buy-valid-action values a seller accepts in each status. */
export function validActions(status: string): string[] {
  switch (status) {
    case 'ACTIVE':
      return ['pause', 'cancel', 'update_budget', 'update_dates', 'update_packages', 'sync_creatives']
    case 'PAUSED':
      return ['resume', 'cancel', 'update_budget', 'update_dates', 'update_packages', 'sync_creatives']
    case 'PENDING_APPROVAL':
      return ['cancel']
    case 'INPUT_REQUIRED':
      return ['cancel', 'update_budget', 'update_dates', 'update_packages']
    default:
      return []
  }
}

export interface AllocationUnit {
  mediaBuyId: string
  /** A package id, or product:<productId> for a buy that has no packages yet. */
  packageId: string
  budget: number
}

/** D3's "live packages": budget still committed, counting a not-yet-executed buy's product budgets. */
export function allocationUnits(graph: Pick<CampaignGraph, 'buys' | 'packages' | 'buyProducts'>): AllocationUnit[] {
  const units: AllocationUnit[] = []
  for (const b of graph.buys) {
    if (!isLiveBuyStatus(b.status)) continue
    const pkgs = graph.packages.get(b.id) ?? []
    if (pkgs.length) {
      for (const p of pkgs)
        if (p.status !== 'canceled' && p.budget != null)
          units.push({ mediaBuyId: b.id, packageId: p.id, budget: p.budget })
    } else {
      for (const p of graph.buyProducts.get(b.id) ?? [])
        if (p.budget != null)
          units.push({ mediaBuyId: b.id, packageId: `product:${b.id}:${p.product_id}`, budget: p.budget })
    }
  }
  return units
}

const parsedFormats = new WeakMap<ProductRow, string[]>()

export function formatsOf(product: ProductRow | undefined): string[] {
  if (!product) return []
  let formats = parsedFormats.get(product)
  if (!formats) {
    formats = JSON.parse(product.format_kinds) as string[]
    parsedFormats.set(product, formats)
  }
  return formats
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const list = map.get(k)
    if (list) list.push(row)
    else map.set(k, [row])
  }
  return map
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}
