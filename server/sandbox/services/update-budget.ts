import type { Ctx } from '../context.ts'
import type { AdcpPackageUpdate } from '../agents/adcp.ts'
import type { CampaignRow } from '../repo/rows.ts'
import { ApiError } from '../http/errors.ts'
import type { UpdateCampaignBody } from '../../../src/api/schemas/update.ts'
import { scalePackageBudgets, sumMoney } from '../../../src/domain/budget.ts'
import { allocationUnits, type CampaignGraph } from './views.ts'
import { AT_SELLER, type AgentNotice } from './update-notify.ts'

export interface BudgetScope {
  campaign: CampaignRow
  body: UpdateCampaignBody
  graph: CampaignGraph
  explicit: Map<string, number>
  closedNow: Set<string>
  canceledPackages: Set<string>
  notices: AgentNotice[]
  warnings: string[]
}

/** D3, with the domain's scaling function (the UI previews the same numbers). */
export function applyBudgetRule(ctx: Ctx, s: BudgetScope): void {
  const newTotal = s.body.budget?.total ?? s.campaign.budget_total
  if (s.body.budget?.total === undefined && s.explicit.size === 0) return
  const units = allocationUnits(s.graph).filter(
    (u) => !s.closedNow.has(u.mediaBuyId) && !s.canceledPackages.has(u.packageId),
  )
  for (const [key, budget] of s.explicit)
    if (!units.some((u) => u.packageId === key))
      units.push({ mediaBuyId: key.split(':')[1] ?? '', packageId: key, budget })
  const current = sumMoney(units.map((u) => u.budget))
  const result = scalePackageBudgets({ newTotal, packages: units, explicit: s.explicit })
  const lowered = s.body.budget?.total !== undefined && s.body.budget.total < s.campaign.budget_total
  if (result.kind === 'insufficient' || (result.kind === 'scaled' && !lowered)) {
    const minimum = result.kind === 'insufficient' ? result.explicitTotal : result.allocation
    throw new ApiError(
      409,
      'INSUFFICIENT_MEDIA_BUDGET',
      `The package budgets (${minimum.toFixed(2)} ${s.campaign.currency}) exceed the campaign budget of ${newTotal.toFixed(2)} ${s.campaign.currency}`,
      result.kind === 'insufficient' ? 'mediaBuys' : 'budget.total',
      { requestedTotal: newTotal, committedAllocation: current, minimumAllowedBudget: minimum },
    )
  }
  if (result.kind !== 'scaled') return
  const perBuy = new Map<string, AdcpPackageUpdate[]>()
  for (const unit of units) {
    if (s.explicit.has(unit.packageId)) continue
    const budget = result.budgets.get(unit.packageId)
    if (budget === undefined || budget === unit.budget) continue
    if (unit.packageId.startsWith('product:')) {
      const [, buyId, productId] = unit.packageId.split(':')
      ctx.db
        .prepare('UPDATE media_buy_products SET budget = ? WHERE media_buy_id = ? AND product_id = ?')
        .run(budget, buyId, productId)
    } else {
      ctx.store.update('packages', unit.packageId, { budget })
      const list = perBuy.get(unit.mediaBuyId) ?? []
      list.push({ package_id: unit.packageId, buyer_ref: unit.packageId, budget })
      perBuy.set(unit.mediaBuyId, list)
    }
  }
  // The platform enforces the campaign cap at once, so scaled budgets apply in place even on ACTIVE buys (a D6 pending
  // version would let the live allocation exceed the new total until the seller answered); sellers are told.
  for (const [buyId, packages] of perBuy) {
    const buy = ctx.store.buy(buyId)
    if (!buy || !AT_SELLER.has(buy.status) || !buy.adcp_media_buy_id) continue
    s.notices.push({
      buyId,
      agentId: buy.sales_agent_id,
      pending: false,
      request: {
        media_buy_id: buy.adcp_media_buy_id,
        buyer_ref: buy.id,
        packages,
        reason: 'Campaign budget lowered',
        push_notification_config: { url: ctx.webhookUrl, token: ctx.webhookToken, operation_id: buy.id },
      },
    })
  }
  s.warnings.push(
    `Package budgets were scaled by ${(result.factor * 100).toFixed(2)}% to fit the new campaign budget of ${newTotal.toFixed(2)} ${s.campaign.currency}.`,
  )
}
