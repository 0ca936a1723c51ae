import { MINUTE, addMs } from '../clock.ts'
import type { AdcpResponse, UpdateMediaBuyArgs } from './adcp.ts'
import { applyTerms, packageState, type Order } from './order.ts'
import type { SimulatedAgent } from './simulated-agent.ts'

/** A valid change to one of its orders (seller-tools found the order and checked the change). */
export function updateOrder(agent: SimulatedAgent, order: Order, req: UpdateMediaBuyArgs): AdcpResponse {
  const now = agent.clock.now()
  const done = (message: string): AdcpResponse => {
    agent.save(order)
    const packages = order.state.packages.map(packageState)
    return {
      status: 'completed',
      media_buy_id: order.id,
      buyer_ref: order.buyerRef,
      message,
      packages,
      affected_packages: packages,
    }
  }
  if (req.canceled) {
    order.status = 'canceled'
    return done('Media buy canceled')
  }
  if (req.paused !== undefined) {
    order.state.paused = req.paused
    if (order.status === 'active' || order.status === 'paused') order.status = req.paused ? 'paused' : 'active'
  }
  const touchesTerms =
    req.packages?.some(
      (p) =>
        p.budget !== undefined ||
        p.end_time !== undefined ||
        p.start_time !== undefined ||
        p.pacing !== undefined ||
        p.bid_price !== undefined ||
        p.creative_ids !== undefined,
    ) ||
    req.end_time !== undefined ||
    req.start_time !== undefined ||
    req.creative_ids !== undefined ||
    req.optimization_goals !== undefined
  for (const p of req.packages ?? []) {
    const pkg = order.state.packages.find(
      (x) => (p.package_id && x.package_id === p.package_id) || (p.buyer_ref && x.buyer_ref === p.buyer_ref),
    )
    if (!pkg) continue
    if (p.canceled) pkg.canceled = true
    if (p.paused !== undefined) pkg.paused = p.paused
  }
  if (order.state.packages.every((p) => p.canceled)) {
    order.status = 'canceled'
    return done('All packages canceled')
  }
  if (order.status === 'input-required') {
    // The buyer's answer to the question: take the new terms and look again on the next review round.
    applyTerms(order.state, req)
    const creativeIds =
      req.creative_ids ??
      (req.packages?.some((p) => p.creative_ids) ? req.packages.flatMap((p) => p.creative_ids ?? []) : undefined)
    if (creativeIds) order.state.creativeIds = [...new Set(creativeIds)]
    order.state.replyPending = true
    order.state.lastReply = req.reason
    order.nextActionAt = addMs(now, agent.scaled(30 * MINUTE)).toISOString()
    return done('Reply received; the order will be reviewed again')
  }
  if (!touchesTerms) return done('Update applied')
  if (order.status === 'submitted') {
    // Before approval the seller simply takes the new terms into its review.
    applyTerms(order.state, req)
    return done('Update received before review')
  }
  const taskId = agent.ids.task()
  order.state.pendingUpdates.push({
    taskId,
    request: req,
    dueAt: addMs(now, agent.scaled(agent.profile.approvalDelayMs)).toISOString(),
  })
  agent.save(order)
  return {
    status: 'submitted',
    task_id: taskId,
    media_buy_id: order.id,
    buyer_ref: order.buyerRef,
    message: `${agent.profile.name} will review the change`,
  }
}
