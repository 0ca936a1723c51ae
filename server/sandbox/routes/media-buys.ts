import type { Hono } from 'hono'
import type { Ctx } from '../context.ts'
import { ok } from '../http/respond.ts'
import { notFound } from '../http/errors.ts'
import { parseJson } from '../repo/store.ts'
import type { StoredPendingChange } from '../repo/rows.ts'
import { compact } from '../services/views.ts'
import { packageView, pendingChangeView } from '../services/views-packages.ts'
import { whyFields } from '../services/views-campaign.ts'

export function mediaBuyRoutes(api: Hono, ctx: Ctx): void {
  api.get('/media-buys/:id', (c) => {
    const buy = ctx.store.buy(c.req.param('id'))
    if (!buy) throw notFound('Media buy')
    const campaign = ctx.store.campaign(buy.campaign_id)!
    const pending = parseJson<StoredPendingChange>(buy.pending_change_json)
    return ok(c, {
      mediaBuy: compact({
        mediaBuyId: buy.id,
        campaignId: buy.campaign_id,
        name: buy.name,
        status: buy.status,
        pendingChange: pendingChangeView(pending),
        ...whyFields(buy, campaign),
        optimizationGoals: parseJson<unknown[]>(buy.optimization_goals_json),
        createdAt: buy.created_at,
        updatedAt: buy.updated_at,
      }),
    })
  })

  api.get('/media-buys/:id/packages', (c) => {
    const buy = ctx.store.buy(c.req.param('id'))
    if (!buy) throw notFound('Media buy')
    const campaign = ctx.store.campaign(buy.campaign_id)!
    const packages = ctx.store.packagesOf(buy.id)
    return ok(c, {
      mediaBuyId: buy.id,
      isPaced: packages.some((p) => p.period_index != null),
      packageCount: packages.length,
      packages: packages.map((p) => {
        const { productIds: _ids, bidPrice: _bid, targetingOverlay: _t, ...rest } = packageView(p, campaign.currency)
        return {
          ...rest,
          productId: p.product_id,
          productName: ctx.store.product(p.product_id)?.product_name,
          budget: p.budget,
        }
      }),
    })
  })
}
