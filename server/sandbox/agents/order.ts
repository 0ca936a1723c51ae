import type { AdcpMediaBuyStatus, PackageDelivery, UpdateMediaBuyArgs } from './adcp.ts'
import type { Ask } from './input-asks.ts'

// A seller's own record of an order, as a real sales agent keeps it (the platform's copy lives in media_buys).

export type OrderStatus = 'submitted' | 'input-required' | AdcpMediaBuyStatus

export interface OrderPackage {
  package_id: string
  buyer_ref: string
  product_id: string
  budget: number
  pacing: string
  paused: boolean
  canceled: boolean
  start_time?: string
  end_time?: string
  spent: number
  impressions: number
  clicks: number
  conversions: number
}

export interface PendingUpdate {
  taskId: string
  dueAt: string
  request: UpdateMediaBuyArgs
}

export interface OrderState {
  createTaskId: string
  /** Where the buyer wants task and delivery notifications; absent when it polls instead. */
  push?: { url: string; token?: string }
  currency: string
  startTime: string
  endTime: string
  paused: boolean
  packages: OrderPackage[]
  replyPending: boolean
  lastReply?: string
  /** Input-asking sellers: what was asked at the first review, and whether the buyer has answered it. */
  ask?: Ask
  askAnswered?: boolean
  /** Creatives the order carries (the union over its packages). */
  creativeIds?: string[]
  pendingUpdates: PendingUpdate[]
  unreported: Record<string, Record<string, PackageDelivery>>
  lastReportAt?: string
}

export interface OrderRow {
  adcp_media_buy_id: string
  sales_agent_id: string
  buyer_ref: string
  status: OrderStatus
  state_json: string
  next_action_at: string | null
}

export interface Order {
  id: string
  buyerRef: string
  status: OrderStatus
  nextActionAt: string | null
  state: OrderState
}

export function toOrder(row: OrderRow): Order {
  return {
    id: row.adcp_media_buy_id,
    buyerRef: row.buyer_ref,
    status: row.status,
    nextActionAt: row.next_action_at,
    state: JSON.parse(row.state_json) as OrderState,
  }
}

export function applyTerms(state: OrderState, req: UpdateMediaBuyArgs): void {
  if (req.end_time) state.endTime = req.end_time
  if (req.start_time) state.startTime = req.start_time
  for (const p of req.packages ?? []) {
    const pkg = state.packages.find(
      (x) => (p.package_id && x.package_id === p.package_id) || (p.buyer_ref && x.buyer_ref === p.buyer_ref),
    )
    if (!pkg) continue
    if (p.budget !== undefined) pkg.budget = p.budget
    if (p.pacing !== undefined) pkg.pacing = p.pacing
    if (p.end_time !== undefined) pkg.end_time = p.end_time
    if (p.start_time !== undefined) pkg.start_time = p.start_time
  }
}

export function packageState(p: OrderPackage) {
  return {
    package_id: p.package_id,
    buyer_ref: p.buyer_ref,
    product_id: p.product_id,
    budget: p.budget,
    paused: p.paused,
    canceled: p.canceled,
  }
}

export function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100
}
