import type { Db } from '../db/open.ts'
import { HOUR, addMs, type Clock } from '../clock.ts'
import type { IdGen } from '../ids.ts'
import type { AdcpResponse, CreateMediaBuyArgs, UpdateMediaBuyArgs, WebhookPayload } from './adcp.ts'
import type { AgentProfile } from './catalog.ts'
import { packageState, toOrder, type Order, type OrderRow, type OrderState } from './order.ts'
import { applyDueUpdates, decide } from './simulated-agent-review.ts'
import { updateOrder } from './simulated-agent-changes.ts'
import { accrueDelivery, type Rates } from './delivery.ts'
import { CreativeLibrary } from './creatives.ts'
import { loadOrder, saveOrder } from './order-store.ts'
import { deliveryReport } from './reports.ts'
import { answer } from './seller-tools.ts'
import { CURRENCIES } from './products.ts'
import { idempotencyLedger, type IdempotencyEntry, type IdempotencyLedger } from './idempotency.ts'

const REPORT_EVERY_MS = HOUR

/**
 * A seller with a character. It answers AdCP tool calls synchronously (as an MCP server would), keeps its own copy of
 * each order, and on every clock step decides, approves, delivers and reports back through push-notification
 * webhooks, which is how a real sales agent tells the platform what happened.
 */
export class SimulatedAgent {
  readonly profile: AgentProfile
  readonly creatives: CreativeLibrary
  readonly db: Db
  readonly clock: Clock
  readonly ids: IdGen
  private readonly cpmOf: (productId: string) => Rates
  private readonly ledger: IdempotencyLedger

  constructor(profile: AgentProfile, db: Db, clock: Clock, ids: IdGen, cpmOf: (productId: string) => Rates) {
    this.profile = profile
    this.db = db
    this.clock = clock
    this.ids = ids
    this.cpmOf = cpmOf
    this.creatives = new CreativeLibrary(profile, db, clock)
    this.ledger = idempotencyLedger(db, profile.id)
  }

  /** A seller delay in simulated time, shortened by the clock's speed (auto mode only; 1 in manual mode and tests). */
  scaled(ms: number): number {
    return ms / this.clock.speed()
  }

  get id(): string {
    return this.profile.id
  }

  now(): Date {
    return this.clock.now()
  }

  /** One AdCP tool call, from any transport: validated first (agents/validate.ts), then acted on. */
  handle(tool: string, args: unknown): AdcpResponse {
    return answer(this, tool, args)
  }

  /** What this seller did under an idempotency key before, if it did anything. */
  recall(key: string | undefined): IdempotencyEntry | undefined {
    return this.ledger.recall(key)
  }

  /** A create or update and the key it was made under are written together, so no crash leaves one without the other. */
  underKey(key: string | undefined, tool: string, act: () => AdcpResponse): AdcpResponse {
    return this.db.transaction(() => {
      const response = act()
      this.ledger.remember(key, tool, response)
      return response
    })()
  }

  /** Everything this seller does between two instants of simulated time, as webhooks to push. */
  step(from: Date, to: Date): WebhookPayload[] {
    const out: WebhookPayload[] = []
    const rows = this.db
      .prepare<[string], OrderRow>(
        `SELECT * FROM agent_orders WHERE sales_agent_id = ? AND status IN ('submitted','input-required','pending_creatives','pending_start','active','paused')`,
      )
      .all(this.profile.id)
    for (const row of rows) {
      const order = toOrder(row)
      const pushes: WebhookPayload[] = []
      decide(this, order, to, pushes)
      applyDueUpdates(this, order, to, pushes)
      accrueDelivery(order, from, to, this.cpmOf)
      this.finishIfEnded(order, to)
      this.report(order, to, pushes)
      this.save(order)
      // A buyer that gave no push_notification_config polls instead; the seller has nowhere to send these.
      if (order.state.push?.url) out.push(...pushes)
    }
    out.push(...this.creatives.reviewDue(to))
    return out
  }

  /** A valid new order (seller-tools checked it): the seller's character decides what happens to it. */
  create(req: CreateMediaBuyArgs): AdcpResponse {
    const now = this.clock.now()
    if (this.profile.character === 'failer') {
      // Fails the first submission of every buy with a transient upstream error and accepts the retry, so the
      // dashboard's "Retry failed" has something to show in both directions.
      const key = `attempts:${this.profile.id}:${req.buyer_ref}`
      const attempts =
        Number(
          this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value ?? '0',
        ) + 1
      this.db
        .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
        .run(key, String(attempts))
      if (attempts % 2 === 1)
        return {
          status: 'failed',
          buyer_ref: req.buyer_ref,
          errors: [
            {
              code: 'SERVICE_UNAVAILABLE',
              message: `${this.profile.name} ad server timed out after 30000 ms while reserving inventory for ${req.packages?.length ?? 0} package(s)`,
              suggestion: 'Retry the submission; the seller reports the outage as temporary.',
              recovery: 'transient',
            },
          ],
        }
    }
    const id = `${this.profile.id.slice(3)}_${this.ids.token(8)}`
    const state: OrderState = {
      createTaskId: this.ids.task(),
      ...(req.push_notification_config
        ? { push: { url: req.push_notification_config.url, token: req.push_notification_config.token } }
        : {}),
      currency: req.total_budget?.currency ?? CURRENCIES[0],
      startTime: req.start_time === 'asap' ? now.toISOString() : req.start_time,
      endTime: req.end_time,
      paused: false,
      // Package ids are the seller's and scoped to the buy, as AdCP allows: pkg-0, pkg-1, ...
      packages: (req.packages ?? []).map((p, i) => ({
        package_id: `pkg-${i}`,
        buyer_ref: p.buyer_ref,
        product_id: p.product_id,
        budget: p.budget,
        pacing: p.pacing ?? 'even',
        paused: false,
        canceled: false,
        start_time: p.start_time,
        end_time: p.end_time,
        spent: 0,
        impressions: 0,
        clicks: 0,
        conversions: 0,
      })),
      replyPending: false,
      creativeIds: [...new Set((req.packages ?? []).flatMap((p) => p.creative_ids ?? []))],
      pendingUpdates: [],
      unreported: {},
    }
    const order: Order = { id, buyerRef: req.buyer_ref, status: 'submitted', nextActionAt: null, state }
    if (this.profile.character === 'quick') {
      // Auto-approval: the quick seller answers the tool call with the finished buy, no task to wait for.
      order.status = Date.parse(state.startTime) > now.getTime() ? 'pending_start' : 'active'
      this.save(order, true)
      return {
        status: 'completed',
        media_buy_id: id,
        buyer_ref: req.buyer_ref,
        packages: state.packages.map(packageState),
      }
    }
    // Sellers that review first look at the order after an hour (or their own approval delay, if shorter).
    order.nextActionAt = addMs(now, this.scaled(Math.min(this.profile.approvalDelayMs, HOUR))).toISOString()
    if (this.profile.character === 'slow' || this.profile.character === 'steady' || this.profile.character === 'failer')
      order.nextActionAt = addMs(now, this.scaled(this.profile.approvalDelayMs)).toISOString()
    this.save(order, true)
    return {
      status: 'submitted',
      task_id: state.createTaskId,
      media_buy_id: id,
      buyer_ref: req.buyer_ref,
      message: `${this.profile.name} received the order and queued it for review`,
      packages: state.packages.map(packageState),
    }
  }

  /** A valid change to one of its orders (seller-tools found the order and checked the change). */
  update(order: Order, req: UpdateMediaBuyArgs): AdcpResponse {
    return updateOrder(this, order, req)
  }

  private finishIfEnded(order: Order, to: Date): void {
    if (
      (order.status === 'active' || order.status === 'paused' || order.status === 'pending_start') &&
      Date.parse(order.state.endTime) <= to.getTime()
    )
      order.status = 'completed'
  }

  private report(order: Order, to: Date, out: WebhookPayload[]): void {
    const result = deliveryReport(order, to, this.scaled(REPORT_EVERY_MS))
    if (result)
      out.push(
        this.push(order, `dlv_${order.id}`, 'get_media_buy_delivery', 'completed', to.toISOString(), undefined, result),
      )
  }

  push(
    order: Order,
    taskId: string,
    taskType: string,
    status: WebhookPayload['status'],
    at: string,
    message?: string,
    result?: Record<string, unknown>,
  ): WebhookPayload {
    return {
      task_id: taskId,
      task_type: taskType,
      status,
      timestamp: at,
      domain: 'media-buy',
      token: order.state.push?.token,
      notification_id: this.ids.token(12),
      operation_id: order.buyerRef,
      ...(message ? { message } : {}),
      ...(result ? { result } : {}),
    }
  }

  load(adcpId: string): Order | undefined {
    return loadOrder(this.db, this.profile.id, { id: adcpId })
  }

  loadByBuyerRef(buyerRef: string): Order | undefined {
    return loadOrder(this.db, this.profile.id, { buyerRef })
  }

  save(order: Order, insert = false): void {
    saveOrder(this.db, this.profile.id, order, this.clock.nowIso(), insert)
  }
}
