import type { Ctx } from '../context.ts'
import type { UpdateMediaBuyRequest } from '../agents/adcp.ts'
import type { MediaBuyRow, StoredPendingChange } from '../repo/rows.ts'
import { invalidState, notFound, validation } from '../http/errors.ts'
import { checkAction, hasReachedSeller, type BuyAction } from '../../../src/domain/actions.ts'
import { buyDateIssues } from '../../../src/domain/buy-dates.ts'
import { statusPhrase, upperFirst } from '../../../src/domain/labels.ts'
import { acceptedFormats } from './views.ts'
import { moveBuy } from './transitions.ts'
import { writePackage } from './pending-change.ts'
import { addProducts } from './reconcile.ts'
import { AT_SELLER, type AgentNotice } from './update-notify.ts'
import { applyBuyPacing, storePending, toAdcpPackage, type EntryScope, type PackageChangeInput } from './update-live.ts'
import { checkGoals, checkPrecision } from './update-checks.ts'
import { closeProposal } from './update-proposals.ts'

export type Value = string | number | null

const CLOSED = new Set(['CANCELED', 'ARCHIVED', 'REJECTED'])

export function applyEntry(ctx: Ctx, s: EntryScope): void {
  const { entry, index } = s
  const field = (path: string) => `mediaBuys.${index}.${path}`
  const buy = s.graph.buys.find((b) => b.id === entry.mediaBuyId)
  if (!buy) throw notFound(`Media buy ${entry.mediaBuyId} in this campaign`, field('mediaBuyId'))
  const live = ctx.store.buy(buy.id)!
  const action = entry.action ?? 'update'
  const executed = hasReachedSeller({
    forwardedAt: live.forwarded_at,
    packageCount: s.graph.packages.get(live.id)?.length ?? 0,
  })
  const require = (kind: BuyAction, path: string) => {
    const check = checkAction({ status: live.status, executed }, kind)
    if (!check.allowed) throw invalidState(check.reason ?? `Not allowed while the buy is ${live.status}`, field(path))
  }
  const request = (extra: Partial<UpdateMediaBuyRequest>): AgentNotice['request'] => ({
    media_buy_id: live.adcp_media_buy_id ?? live.id,
    buyer_ref: live.id,
    push_notification_config: { url: ctx.webhookUrl, token: ctx.webhookToken, operation_id: live.id },
    ...extra,
  })
  const atSeller = AT_SELLER.has(live.status) && live.adcp_media_buy_id !== null

  if (action === 'delete') {
    if (live.status === 'ARCHIVED') return
    if (atSeller)
      s.notices.push({
        buyId: live.id,
        agentId: live.sales_agent_id,
        pending: false,
        request: request({ canceled: true, cancellation_reason: 'Archived by the buyer' }),
      })
    closeProposal(ctx, live, 'The buyer archived the buy')
    moveBuy(ctx, live, 'ARCHIVED', { pending_change_json: null, pending_change_status: null })
    deselect(ctx, live)
    s.closedNow.add(live.id)
    return
  }

  if (action === 'cancel') {
    require('cancel', 'action')
    const pkgs = s.graph.packages.get(live.id) ?? []
    if (entry.packageIds) {
      entry.packageIds.forEach((id, j) => {
        if (!pkgs.some((p) => p.id === id))
          throw validation(`Package ${id} does not belong to media buy ${live.id}`, field(`packageIds.${j}`))
      })
      for (const id of entry.packageIds) {
        ctx.store.update('packages', id, { status: 'canceled' })
        s.canceledPackages.add(id)
      }
      const remaining = pkgs.filter((p) => p.status !== 'canceled' && !s.canceledPackages.has(p.id))
      if (atSeller)
        s.notices.push({
          buyId: live.id,
          agentId: live.sales_agent_id,
          pending: false,
          request: request({
            packages: entry.packageIds.map((id) => ({ package_id: id, buyer_ref: id, canceled: true })),
            reason: entry.reason,
          }),
        })
      if (remaining.length === 0) {
        closeProposal(ctx, live, 'The buyer canceled the buy')
        moveBuy(ctx, live, 'CANCELED', { pending_change_json: null, pending_change_status: null }, 'canceled')
        s.closedNow.add(live.id)
      } else {
        ctx.store.touchBuy(live.id, s.now)
      }
      return
    }
    if (atSeller)
      s.notices.push({
        buyId: live.id,
        agentId: live.sales_agent_id,
        pending: false,
        request: request({ canceled: true, cancellation_reason: entry.reason }),
      })
    closeProposal(ctx, live, 'The buyer canceled the buy')
    moveBuy(ctx, live, 'CANCELED', { pending_change_json: null, pending_change_status: null }, 'canceled')
    deselect(ctx, live)
    s.closedNow.add(live.id)
    return
  }

  // action: update
  if (CLOSED.has(live.status))
    throw invalidState(`${upperFirst(statusPhrase(live.status))} buy cannot be changed`, field('action'))
  checkPrecision(entry, s.campaign.currency, field)
  checkGoals(entry, field)
  const products = s.graph.buyProducts.get(live.id) ?? []
  const pkgs = s.graph.packages.get(live.id) ?? []
  const window = {
    start: live.start_time && live.start_time !== 'asap' ? live.start_time : s.campaign.flight_start,
    end: live.end_time ?? s.campaign.flight_end,
  }
  const direct: Record<string, Value> = {}
  const proposal: StoredPendingChange['apply'] = {}
  const adcp: Partial<UpdateMediaBuyRequest> = {}

  if (entry.name !== undefined) direct.name = entry.name
  if (entry.updated_reason !== undefined) {
    direct.buyer_reply = entry.updated_reason
    adcp.reason = entry.updated_reason
  }

  if (entry.products) {
    require('edit_products', 'products')
    const newPicks: { productId: string; budget: number; pacing?: string }[] = []
    entry.products.forEach((p, j) => {
      const existing = products.find((x) => x.product_id === p.productId)
      const adding = !existing && !p.remove
      if ((adding || p.remove) && live.status !== 'DRAFT')
        throw invalidState('Products can only be added or removed while the buy is a DRAFT', field(`products.${j}`))
      const product = ctx.store.product(p.productId)
      if (!product || product.sales_agent_id !== live.sales_agent_id)
        throw validation(
          `Product ${p.productId} is not sold by this buy's sales agent`,
          field(`products.${j}.productId`),
        )
      if (p.remove) {
        if (existing)
          ctx.db
            .prepare('DELETE FROM media_buy_products WHERE media_buy_id = ? AND product_id = ?')
            .run(live.id, p.productId)
        return
      }
      if (adding) {
        newPicks.push({ productId: p.productId, budget: p.budget ?? 0, pacing: p.pacing })
        if (p.budget !== undefined) s.explicit.set(`product:${live.id}:${p.productId}`, p.budget)
        return
      }
      const patch: Record<string, Value> = {}
      if (p.budget !== undefined) {
        patch.budget = p.budget
        s.explicit.set(`product:${live.id}:${p.productId}`, p.budget)
      }
      if (p.pacing !== undefined) patch.pacing = p.pacing
      if (p.bidPrice !== undefined) patch.bid_price = p.bidPrice
      if (p.pricingOptionId !== undefined) patch.pricing_option_id = p.pricingOptionId
      const cols = Object.keys(patch)
      if (cols.length)
        ctx.db
          .prepare(
            `UPDATE media_buy_products SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE media_buy_id = ? AND product_id = ?`,
          )
          .run(...cols.map((c) => patch[c]), live.id, p.productId)
    })
    if (newPicks.length) addProducts(ctx, live, newPicks)
  }

  if (entry.packages) {
    require('edit_packages', 'packages')
    const changes: PackageChangeInput[] = []
    entry.packages.forEach((p, j) => {
      const pkg = pkgs.find((x) => x.id === p.packageId)
      if (!pkg)
        throw validation(
          `Package ${p.packageId} does not belong to media buy ${live.id}`,
          field(`packages.${j}.packageId`),
        )
      if (pkg.status === 'canceled' || s.canceledPackages.has(pkg.id))
        throw invalidState(`Package ${p.packageId} is canceled`, field(`packages.${j}`))
      for (const key of ['startTime', 'endTime'] as const) {
        const value = p[key]
        if (value && (value < window.start || value > window.end))
          throw validation(
            `${key} must fall within the buy's window (${window.start} – ${window.end})`,
            field(`packages.${j}.${key}`),
          )
      }
      if (p.budget !== undefined) s.explicit.set(pkg.id, p.budget)
      changes.push({ ...p, pkg })
    })
    if (live.status === 'ACTIVE') proposal.packages = changes.map(({ pkg: _pkg, ...rest }) => rest)
    else for (const { pkg: _pkg, ...change } of changes) writePackage(ctx, live.id, change)
    adcp.packages = changes.map(toAdcpPackage)
  }

  if (entry.creative_ids !== undefined) {
    require('edit_creatives', 'creative_ids')
    const accepted = acceptedFormats(ctx, products)
    entry.creative_ids.forEach((id, j) => {
      const creative = s.graph.creatives.find((c) => c.id === id)
      if (!creative) throw validation(`Creative ${id} is not linked to this campaign`, field(`creative_ids.${j}`))
      if (!accepted.has(creative.format_kind))
        throw validation(
          `Creative ${id} is ${creative.format_kind}, a format this buy's products do not accept (${[...accepted].join(', ')})`,
          field(`creative_ids.${j}`),
        )
    })
    if (live.status === 'ACTIVE') proposal.creativeIds = entry.creative_ids
    else direct.creative_ids_json = JSON.stringify(entry.creative_ids)
    adcp.creative_ids = entry.creative_ids
  }

  if (entry.optimization_goals !== undefined) {
    require('edit_goals', 'optimization_goals')
    if (live.status === 'ACTIVE') proposal.optimizationGoals = entry.optimization_goals
    else direct.optimization_goals_json = JSON.stringify(entry.optimization_goals)
    adcp.optimization_goals = entry.optimization_goals
  }

  const dateIssue = buyDateIssues({
    flight: { start: s.campaign.flight_start, end: s.campaign.flight_end },
    current: { start: live.start_time, end: live.end_time },
    start: entry.start_time,
    end: entry.end_time,
  })[0]
  if (dateIssue) throw validation(dateIssue.message, field(dateIssue.field))
  if (entry.start_time !== undefined) {
    if (live.status === 'ACTIVE') proposal.startTime = entry.start_time
    else direct.start_time = entry.start_time
    adcp.start_time = entry.start_time
  }
  if (entry.end_time !== undefined) {
    if (live.status === 'ACTIVE') proposal.endTime = entry.end_time
    else direct.end_time = entry.end_time
    adcp.end_time = entry.end_time
  }

  if (entry.pacingPeriods !== undefined)
    applyBuyPacing(
      ctx,
      s,
      live,
      products.map((p) => p.product_id),
      pkgs,
      field,
    )

  ctx.store.update('media_buys', live.id, direct)
  // D5: an update to a buy in INPUT_REQUIRED is the buyer's answer; the ball is now with the seller, whose review
  // moves it on (approval, or INPUT_REQUIRED again with a new question).
  if (live.status === 'INPUT_REQUIRED' && atSeller)
    moveBuy(ctx, live, 'PENDING_APPROVAL', {
      pending_at: 'salesagent',
      pending_reason: 'awaiting_source_moderation',
      pending_since: s.now,
    })
  const hasProposal = Object.keys(proposal).length > 0
  if (hasProposal) storePending(ctx, s, live, pkgs, proposal)
  ctx.store.touchBuy(live.id, s.now)
  if (atSeller && (hasProposal || Object.keys(adcp).length > 0))
    s.notices.push({ buyId: live.id, agentId: live.sales_agent_id, pending: hasProposal, request: request(adcp) })
}

/** A buy the buyer canceled or deleted must not come back from the product selection on the next execute. */
function deselect(ctx: Ctx, buy: MediaBuyRow): void {
  ctx.db
    .prepare(
      'DELETE FROM campaign_products WHERE campaign_id = ? AND product_id IN (SELECT product_id FROM media_buy_products WHERE media_buy_id = ?)',
    )
    .run(buy.campaign_id, buy.id)
}
