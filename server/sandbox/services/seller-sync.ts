import type { Ctx } from '../context.ts'
import type { AdcpExchange, AdcpPackageState, AdcpPackageUpdate } from '../agents/adcp.ts'
import type { MediaBuyRow, StoredPendingChange } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { applyPendingChange } from './pending-change.ts'
import { enqueueNotices, type AgentNotice } from './update-notify.ts'
import { drainOutbox } from './outbox.ts'

export interface SyncReport {
  checked: number
  /** Pending changes the seller had already applied, now applied on the platform too. */
  resolved: string[]
  /** Buys whose seller held other terms than the platform; the platform's terms were sent again. */
  repaired: string[]
}

type RemoteOrder = { media_buy_id: string; buyer_ref: string; status: string; packages: AdcpPackageState[] }

const LIVE_REMOTE = new Set(['submitted', 'input-required', 'pending_creatives', 'pending_start', 'active', 'paused'])

/**
 * Compares every open buy with its seller's order (get_media_buys) and repairs what drifted: a pending change the
 * seller has resolved is applied, and live terms that differ are sent again through the outbox. A buy with changes
 * still queued or waiting for the seller's review is left alone: the difference is expected and will settle.
 */
export async function syncWithSellers(ctx: Ctx): Promise<SyncReport> {
  const report: SyncReport = { checked: 0, resolved: [], repaired: [] }
  const byAgent = new Map<string, MediaBuyRow[]>()
  for (const buy of candidates(ctx)) byAgent.set(buy.sales_agent_id, [...(byAgent.get(buy.sales_agent_id) ?? []), buy])
  for (const [agentId, buys] of byAgent) {
    const asked = new Map(buys.map((b) => [b.id, fingerprint(ctx, b.id)]))
    let answer: AdcpExchange
    try {
      answer = await ctx.transport.send(agentId, {
        tool: 'get_media_buys',
        arguments: { media_buy_ids: buys.map((b) => b.adcp_media_buy_id ?? b.id) },
      })
    } catch {
      continue
    }
    if (!ctx.db.open) return report
    // Compared by the seller's own workflow state (ext.seller_status), finer than AdCP's coarse status.
    const remote = new Map(
      (answer.response.media_buys ?? []).map((m): [string, RemoteOrder] => [
        m.media_buy_id,
        { ...m, status: m.ext.seller_status },
      ]),
    )
    ctx.db.transaction(() => {
      for (const seen of buys) {
        const order = remote.get(seen.adcp_media_buy_id ?? '')
        // Anything that happened to the buy while the seller was being asked makes its answer stale: next pass.
        if (order && LIVE_REMOTE.has(order.status) && asked.get(seen.id) === fingerprint(ctx, seen.id))
          compare(ctx, seen.id, order, report)
      }
    })()
  }
  if (report.repaired.length) await drainOutbox(ctx, { buyIds: report.repaired, force: true })
  return report
}

function candidates(ctx: Ctx): MediaBuyRow[] {
  return ctx.db
    .prepare<[], MediaBuyRow>(
      `SELECT * FROM media_buys b WHERE status IN ('PENDING_APPROVAL', 'INPUT_REQUIRED', 'ACTIVE', 'PAUSED') AND adcp_media_buy_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM seller_outbox o WHERE o.buy_id = b.id AND o.state = 'queued')`,
    )
    .all()
}

function compare(ctx: Ctx, buyId: string, order: RemoteOrder, report: SyncReport): void {
  // Re-read: the buy may have moved while the seller was being asked.
  const buy = ctx.store.buy(buyId)
  if (!buy || queued(ctx, buy.id)) return
  report.checked++
  const remote = new Map(order.packages.map((p) => [p.buyer_ref, p]))
  const pending = parseJson<StoredPendingChange>(buy.pending_change_json)
  if (pending) {
    if (resolvedAtSeller(ctx, pending, remote)) {
      applyPendingChange(ctx, buy, pending)
      report.resolved.push(buy.id)
    }
    return
  }
  if (awaitingReview(ctx, buy.id)) return
  const packages: AdcpPackageUpdate[] = []
  for (const pkg of ctx.store.packagesOf(buy.id)) {
    const theirs = remote.get(pkg.id)
    if (!theirs || pkg.status === 'canceled' || theirs.canceled) continue
    if (pkg.budget != null && cents(pkg.budget) !== cents(theirs.budget))
      packages.push({ package_id: pkg.id, buyer_ref: pkg.id, budget: pkg.budget })
  }
  const pausedHere = buy.status === 'PAUSED'
  const pauseDiffers =
    (buy.status === 'ACTIVE' || pausedHere) &&
    (order.status === 'active' || order.status === 'paused') &&
    pausedHere !== (order.status === 'paused')
  if (packages.length === 0 && !pauseDiffers) return
  const notice: AgentNotice = {
    buyId: buy.id,
    agentId: buy.sales_agent_id,
    pending: false,
    request: {
      media_buy_id: order.media_buy_id,
      buyer_ref: buy.id,
      reason: 'The platform restates the terms it holds',
      ...(packages.length ? { packages } : {}),
      ...(pauseDiffers ? { paused: pausedHere } : {}),
      push_notification_config: { url: ctx.webhookUrl, token: ctx.webhookToken, operation_id: buy.id },
    },
  }
  enqueueNotices(ctx, [notice])
  report.repaired.push(buy.id)
}

/** The seller already holds every proposed budget, or said it completed the task that proposed them. */
function resolvedAtSeller(ctx: Ctx, pending: StoredPendingChange, remote: Map<string, AdcpPackageState>): boolean {
  if (pending.taskId) {
    const task = ctx.db
      .prepare<[string], { status: string }>('SELECT status FROM agent_tasks WHERE task_id = ?')
      .get(pending.taskId)
    if (task?.status === 'completed') return true
  }
  const proposed = (pending.apply.packages ?? []).filter((p) => p.budget !== undefined)
  const onlyBudgets =
    Object.keys(pending.apply).every((k) => k === 'packages') &&
    (pending.apply.packages ?? []).every((p) => Object.keys(p).every((k) => k === 'packageId' || k === 'budget'))
  return (
    onlyBudgets &&
    proposed.length > 0 &&
    proposed.every((p) => remote.has(p.packageId) && cents(remote.get(p.packageId)!.budget) === cents(p.budget!))
  )
}

/** Changes whenever the platform, its outbox, the seller's answers or the clock move for this buy. */
function fingerprint(ctx: Ctx, buyId: string): string {
  const row = ctx.db
    .prepare<[string, string, string], Record<string, unknown>>(
      `SELECT (SELECT revision FROM media_buys WHERE id = ?) AS revision,
         (SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) || ':' || SUM(state = 'queued') FROM seller_outbox WHERE buy_id = ?) AS outbox,
         (SELECT COUNT(*) || ':' || COALESCE(MAX(updated_at), '') || ':' || SUM(status IN ('submitted', 'working')) FROM agent_tasks WHERE media_buy_id = ?) AS tasks`,
    )
    .get(buyId, buyId, buyId)
  return JSON.stringify([row, ctx.clock.nowIso()])
}

function queued(ctx: Ctx, buyId: string): boolean {
  return (
    ctx.db
      .prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM seller_outbox WHERE buy_id = ? AND state = 'queued'")
      .get(buyId)!.n > 0
  )
}

/** An update the seller took into review and has not decided yet: its terms differ from ours until it does. */
function awaitingReview(ctx: Ctx, buyId: string): boolean {
  return (
    ctx.db
      .prepare<[string], { n: number }>(
        "SELECT COUNT(*) AS n FROM agent_tasks WHERE media_buy_id = ? AND task_type = 'update_media_buy' AND status IN ('submitted', 'working')",
      )
      .get(buyId)!.n > 0
  )
}

function cents(n: number): number {
  return Math.round(n * 100)
}
