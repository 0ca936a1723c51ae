import type { AdcpError, AdcpResponse } from './adcp.ts'
import type { SimulatedAgent } from './simulated-agent.ts'
import { packageState, round2, sum, type Order, type OrderStatus } from './order.ts'

// The seller's read tools: get_media_buys (status) and get_media_buy_delivery (figures to date).

/** AdCP's media-buy status is coarse: everything before the first impression is pending_activation. */
export function adcpStatus(
  status: OrderStatus,
): 'pending_activation' | 'active' | 'paused' | 'completed' | 'rejected' | 'canceled' {
  switch (status) {
    case 'active':
    case 'paused':
    case 'completed':
    case 'rejected':
    case 'canceled':
      return status
    default:
      return 'pending_activation'
  }
}

/** Buys by the seller's id, then by the buyer's reference (an order not yet heard of is looked up this way). */
function lookUp(agent: SimulatedAgent, ids: string[], refs: string[] = []): { orders: Order[]; errors: AdcpError[] } {
  const orders: Order[] = []
  const errors: AdcpError[] = []
  const wanted = [
    ...ids.map((id) => ({ id, field: 'media_buy_ids', order: agent.load(id) })),
    ...refs.map((id) => ({ id, field: 'buyer_refs', order: agent.loadByBuyerRef(id) })),
  ]
  for (const { id, field, order } of wanted) {
    if (order) {
      if (!orders.some((o) => o.id === order.id)) orders.push(order)
    } else
      errors.push({
        code: 'MEDIA_BUY_NOT_FOUND',
        message: `No media buy ${id} at ${agent.profile.name}`,
        field,
        recovery: 'terminal',
      })
  }
  return { orders, errors }
}

/** Found buys are answered; unknown ids come back as errors, and a request that finds none has failed. */
function outcome(found: number, errors: AdcpError[]): { status: 'completed' | 'failed'; errors?: AdcpError[] } {
  return { status: found === 0 && errors.length > 0 ? 'failed' : 'completed', ...(errors.length ? { errors } : {}) }
}

export function mediaBuys(agent: SimulatedAgent, ids: string[], refs: string[] = []): AdcpResponse {
  const { orders, errors } = lookUp(agent, ids, refs)
  return {
    ...outcome(orders.length, errors),
    media_buys: orders.map((o) => ({
      media_buy_id: o.id,
      buyer_ref: o.buyerRef,
      status: adcpStatus(o.status),
      currency: o.state.currency,
      total_budget: round2(sum(o.state.packages.filter((p) => !p.canceled).map((p) => p.budget))),
      start_time: o.state.startTime,
      end_time: o.state.endTime,
      packages: o.state.packages.map(packageState),
      // The seller's own workflow state (submitted, input-required, pending_start...), finer than AdCP's status.
      ext: { seller_status: o.status },
    })),
  }
}

export function mediaBuyDeliveries(agent: SimulatedAgent, ids: string[]): AdcpResponse {
  const { orders, errors } = lookUp(agent, ids)
  const now = agent.now().toISOString()
  const starts = orders.map((o) => Date.parse(o.state.startTime)).filter((t) => t <= Date.parse(now))
  const currencies = new Set(orders.map((o) => o.state.currency))
  return {
    ...outcome(orders.length, errors),
    reporting_period: {
      start: new Date(starts.length ? Math.min(...starts) : Date.parse(now)).toISOString(),
      end: now,
    },
    ...(currencies.size === 1 ? { currency: [...currencies][0] } : {}),
    media_buy_deliveries: orders.map((o) => ({
      media_buy_id: o.id,
      buyer_ref: o.buyerRef,
      status: adcpStatus(o.status),
      totals: {
        impressions: sum(o.state.packages.map((p) => p.impressions)),
        spend: round2(sum(o.state.packages.map((p) => p.spent))),
        clicks: sum(o.state.packages.map((p) => p.clicks)),
        conversions: sum(o.state.packages.map((p) => p.conversions)),
      },
      by_package: o.state.packages.map((p) => ({
        package_id: p.package_id,
        buyer_ref: p.buyer_ref,
        impressions: p.impressions,
        spend: round2(p.spent),
        clicks: p.clicks,
        conversions: p.conversions,
        paused: p.paused,
        currency: o.state.currency,
      })),
    })),
  }
}

/**
 * The scheduled delivery push: the days accrued since the last report, every `everyMs`, and a final one when the buy
 * completes. Null when nothing is due (the unreported rows are consumed when it is).
 */
export function deliveryReport(order: Order, to: Date, everyMs: number): Record<string, unknown> | null {
  const final = order.status === 'completed'
  const last = order.state.lastReportAt ? Date.parse(order.state.lastReportAt) : 0
  if (!final && to.getTime() - last < everyMs) return null
  const rows = Object.values(order.state.unreported).flatMap((byDate) => Object.values(byDate))
  order.state.unreported = {}
  order.state.lastReportAt = to.toISOString()
  if (rows.length === 0 && !final) return null
  return {
    notification_type: final ? 'final' : 'scheduled',
    reporting_period: {
      start: new Date(last || Date.parse(order.state.startTime)).toISOString(),
      end: to.toISOString(),
    },
    currency: order.state.currency,
    media_buy_deliveries: [
      {
        media_buy_id: order.id,
        buyer_ref: order.buyerRef,
        status: order.status,
        by_package: rows,
        totals: {
          impressions: sum(rows.map((r) => r.impressions)),
          spend: round2(sum(rows.map((r) => r.spend))),
          clicks: sum(rows.map((r) => r.clicks)),
        },
      },
    ],
  }
}
