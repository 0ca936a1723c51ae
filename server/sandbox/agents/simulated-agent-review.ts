import type { WebhookPayload } from './adcp.ts'
import { addMs } from '../clock.ts'
import { formatMoney } from './money.ts'
import { applyTerms, packageState, sum, type Order } from './order.ts'
import { askErrors, askMessage, checkReply, chooseAsk, orderFacts, type Ask } from './input-asks.ts'
import type { SimulatedAgent } from './simulated-agent.ts'

/** The seller's question to the buyer, first asked or asked again after a reply that did not answer it. */
function askBuyer(agent: SimulatedAgent, order: Order, ask: Ask, at: string, message: string): WebhookPayload {
  const errors = askErrors(ask, order.state.currency)
  return agent.push(order, order.state.createTaskId, 'create_media_buy', 'input-required', at, message, errors)
}

export function decide(agent: SimulatedAgent, order: Order, to: Date, out: WebhookPayload[]): void {
  if (!order.nextActionAt || Date.parse(order.nextActionAt) > to.getTime()) return
  const at = order.nextActionAt
  const total = sum(order.state.packages.filter((p) => !p.canceled).map((p) => p.budget))
  const min = agent.profile.minimumBudget ?? 0
  const currency = order.state.currency
  order.nextActionAt = null
  if (order.status === 'input-required') {
    if (!order.state.replyPending) return
    order.state.replyPending = false
    const facts = orderFacts(agent.db, agent.profile.minimumBudget ?? 0, order, total, at)
    const verdict = checkReply(
      order.state.ask ?? { kind: 'budget', minimum: min },
      agent.profile.name,
      facts,
      order.state.lastReply,
    )
    if (verdict.ok) {
      order.status = 'submitted'
      order.state.askAnswered = true
      order.nextActionAt = addMs(new Date(at), agent.scaled(agent.profile.approvalDelayMs)).toISOString()
      out.push(agent.push(order, order.state.createTaskId, 'create_media_buy', 'working', at, verdict.message))
    } else {
      out.push(askBuyer(agent, order, order.state.ask ?? { kind: 'budget', minimum: min }, at, verdict.message))
    }
    return
  }
  if (order.status !== 'submitted') return
  const ask =
    agent.profile.character === 'input' && !order.state.askAnswered
      ? chooseAsk(orderFacts(agent.db, agent.profile.minimumBudget ?? 0, order, total, at))
      : null
  if (ask) {
    order.status = 'input-required'
    order.state.ask = ask
    const facts = orderFacts(agent.db, agent.profile.minimumBudget ?? 0, order, total, at)
    out.push(askBuyer(agent, order, ask, at, askMessage(ask, agent.profile.name, facts)))
    return
  }
  if (agent.profile.character === 'rejecter' && total < min) {
    order.status = 'rejected'
    out.push(
      agent.push(
        order,
        order.state.createTaskId,
        'create_media_buy',
        'rejected',
        at,
        `${agent.profile.name} declined the order: the minimum order is ${formatMoney(min, currency)} per flight and this buy totals ${formatMoney(total, currency)}.`,
        {
          errors: [
            {
              code: 'BUDGET_BELOW_MINIMUM',
              message: `Minimum order is ${formatMoney(min, currency)}`,
              recovery: 'correctable',
            },
          ],
        },
      ),
    )
    return
  }
  order.status = Date.parse(order.state.startTime) > Date.parse(at) ? 'pending_start' : 'active'
  out.push(
    agent.push(
      order,
      order.state.createTaskId,
      'create_media_buy',
      'completed',
      at,
      `${agent.profile.name} approved the order`,
      {
        media_buy_id: order.id,
        buyer_ref: order.buyerRef,
        status: order.status,
        packages: order.state.packages.map(packageState),
      },
    ),
  )
}

export function applyDueUpdates(agent: SimulatedAgent, order: Order, to: Date, out: WebhookPayload[]): void {
  const due = order.state.pendingUpdates.filter((u) => Date.parse(u.dueAt) <= to.getTime())
  if (due.length === 0) return
  order.state.pendingUpdates = order.state.pendingUpdates.filter((u) => !due.includes(u))
  for (const u of due) {
    applyTerms(order.state, u.request)
    out.push(
      agent.push(
        order,
        u.taskId,
        'update_media_buy',
        'completed',
        u.dueAt,
        `${agent.profile.name} approved the change`,
        {
          media_buy_id: order.id,
          buyer_ref: order.buyerRef,
          status: order.status,
          packages: order.state.packages.map(packageState),
        },
      ),
    )
  }
}
