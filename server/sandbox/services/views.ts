import type { Ctx } from '../context.ts'
import type {
  CampaignRow,
  CreativeRow,
  MediaBuyProductRow,
  MediaBuyRow,
  PackageSlim,
  ProductRow,
} from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { isLiveBuyStatus } from '../../../src/domain/budget.ts'
import { creativeReviewsOf, type CreativeReviewRow } from './creative-sync.ts'

export type Json = Record<string, unknown>

/** Drops undefined and null so optional fields are absent rather than null, as the API sends them. */
export function compact<T extends Json>(obj: T): T {
  for (const key of Object.keys(obj)) if (obj[key] === undefined || obj[key] === null) delete obj[key]
  return obj
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
