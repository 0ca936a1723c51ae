import type { Ctx } from '../context.ts'
import { agentById } from '../agents/catalog.ts'
import type { CampaignRow, MediaBuyRow } from '../repo/rows.ts'

const CLOSED = new Set(['CANCELED', 'ARCHIVED', 'COMPLETED', 'REJECTED'])

export interface ProductPick {
  productId: string
  budget: number
  pacing?: string
}

/**
 * Execute step 1 (CONTRACT §5): the campaign's selected products become DRAFT buys, one per sales agent. Products
 * already on an open buy are skipped; an agent's DRAFT is extended; otherwise a new DRAFT is created.
 */
export function reconcileSelectedProducts(ctx: Ctx, campaign: CampaignRow): void {
  const selected = ctx.store.campaignProducts(campaign.id)
  if (selected.length === 0) return
  const buys = ctx.store.buysOf(campaign.id)
  const open = buys.filter((b) => !CLOSED.has(b.status))
  const covered = new Set(open.flatMap((b) => ctx.store.buyProducts(b.id).map((p) => p.product_id)))
  const share = Math.floor((campaign.budget_total * 100) / selected.length) / 100
  const byAgent = new Map<string, ProductPick[]>()
  for (const cp of selected) {
    if (covered.has(cp.product_id)) continue
    const product = ctx.store.product(cp.product_id)
    if (!product) continue
    const list = byAgent.get(product.sales_agent_id) ?? []
    list.push({ productId: cp.product_id, budget: cp.budget ?? share, pacing: cp.pacing ?? undefined })
    byAgent.set(product.sales_agent_id, list)
  }
  for (const [agentId, picks] of byAgent) {
    const draft = open.find((b) => b.sales_agent_id === agentId && b.status === 'DRAFT')
    if (draft) addProducts(ctx, draft, picks)
    else createDraftBuy(ctx, campaign, agentId, picks)
  }
}

export function createDraftBuy(
  ctx: Ctx,
  campaign: CampaignRow,
  agentId: string,
  picks: ProductPick[],
  name?: string,
): MediaBuyRow {
  const now = ctx.clock.nowIso()
  const id = ctx.ids.mediaBuy()
  const position =
    (ctx.db
      .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM media_buys WHERE campaign_id = ?')
      .get(campaign.id)?.n ?? 0) + 1
  ctx.store.insert('media_buys', {
    id,
    campaign_id: campaign.id,
    sales_agent_id: agentId,
    name: name ?? `${campaign.name} · ${agentById(agentId).name}`,
    status: 'DRAFT',
    revision: 1,
    position,
    created_at: now,
    updated_at: now,
  })
  const buy = ctx.store.buy(id)!
  addProducts(ctx, buy, picks)
  ctx.store.touchCampaign(campaign.id, now)
  return buy
}

export function addProducts(ctx: Ctx, buy: MediaBuyRow, picks: ProductPick[]): void {
  const start = ctx.store.buyProducts(buy.id).length
  picks.forEach((p, i) =>
    ctx.store.insert('media_buy_products', {
      media_buy_id: buy.id,
      product_id: p.productId,
      budget: p.budget,
      pacing: p.pacing ?? 'even',
      bid_price: null,
      pricing_option_id: ctx.store.product(p.productId)?.pricing_option_id ?? null,
      position: start + i + 1,
    }),
  )
}
