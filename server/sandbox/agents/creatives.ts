import type { Db } from '../db/open.ts'
import type { Clock } from '../clock.ts'
import type { AdcpError, AdcpResponse, CreativeAssetArgs, SyncCreativesArgs, WebhookPayload } from './adcp.ts'
import type { AgentProfile } from './catalog.ts'
import { formatById, formatRef, formatsOf, type FormatDef } from './products.ts'
import { correctable } from './validate.ts'

// A seller's creative library. Creatives synced to it are held (agent_creatives) and reviewed at once: approved, or
// rejected with a reason a buyer can act on. The review reads the creative itself (its format and assets), so the
// same creative gets the same verdict every time.

/** How long a seller takes to review a new version of a creative it already approved or rejected once. */
export const UPDATE_REVIEW_MS = 20 * 60_000

export type Review = { status: 'approved'; reason?: undefined } | { status: 'rejected'; reason: string }

interface CreativeRow {
  creative_id: string
  name: string
  format_id: string
  status: string
  rejection_reason: string | null
  creative_json: string
  created_at: string
  updated_at: string
}

const hasString = (asset: Record<string, unknown> | undefined, key: string) => typeof asset?.[key] === 'string'

/** Does the creative carry every asset its format needs, in a shape and size the seller can serve? */
export function review(format: FormatDef, creative: CreativeAssetArgs): Review {
  for (const need of format.assets) {
    const asset = creative.assets[need.id]
    if (!asset) return { status: 'rejected', reason: `Missing the required "${need.id}" asset for ${format.name}` }
    const usable =
      need.type === 'image' || need.type === 'video' || need.type === 'audio' || need.type === 'url'
        ? hasString(asset, 'url')
        : need.type === 'vast' || need.type === 'daast'
          ? hasString(asset, 'url') || hasString(asset, 'content')
          : hasString(asset, 'content')
    if (!usable) return { status: 'rejected', reason: `The "${need.id}" asset is not a usable ${need.type} asset` }
    const width = asset.width
    const height = asset.height
    if (
      format.width &&
      typeof width === 'number' &&
      typeof height === 'number' &&
      (width !== format.width || height !== format.height)
    )
      return {
        status: 'rejected',
        reason: `The "${need.id}" asset is ${width}x${height}; ${format.name} needs ${format.width}x${format.height}`,
      }
  }
  return { status: 'approved' }
}

export class CreativeLibrary {
  private readonly agent: AgentProfile
  private readonly db: Db
  private readonly clock: Clock

  constructor(agent: AgentProfile, db: Db, clock: Clock) {
    this.agent = agent
    this.db = db
    this.clock = clock
  }

  /** Request-level problems: formats this seller does not carry, weights outside 0–100. */
  errors(req: SyncCreativesArgs): AdcpError[] {
    const carried = new Set(formatsOf(this.agent.id).map((f) => f.id))
    const errors: AdcpError[] = []
    req.creatives.forEach((c, i) => {
      if (!carried.has(c.format_id.id))
        errors.push(
          correctable(
            'FORMAT_NOT_SUPPORTED',
            `${this.agent.name} does not carry format ${c.format_id.id}`,
            `creatives[${i}].format_id`,
            'Pick a format from list_creative_formats.',
          ),
        )
      if (c.weight !== undefined && c.weight !== null && !(c.weight >= 0 && c.weight <= 100))
        errors.push(
          correctable(
            'INVALID_REQUEST',
            `creative weight must be between 0 and 100 (got ${c.weight})`,
            `creatives[${i}].weight`,
          ),
        )
    })
    return errors
  }

  sync(req: SyncCreativesArgs): AdcpResponse {
    const now = this.clock.nowIso()
    const account = JSON.stringify(req.account ?? { account_id: 'default' })
    const results = req.creatives.map((c) => {
      const format = formatById(c.format_id.id)
      const verdict: Review = format
        ? review(format, c)
        : { status: 'rejected', reason: `Unknown format ${c.format_id.id}` }
      const json = JSON.stringify(c)
      const before = this.row(c.creative_id)
      const action = !before ? 'created' : before.creative_json === json ? 'unchanged' : 'updated'
      // A new version of a creative the seller holds goes back into its review queue; it answers on its clock.
      const later = action === 'updated' && req.push_notification_config !== undefined
      if (!req.dry_run && action !== 'unchanged')
        this.db
          .prepare(
            `INSERT INTO agent_creatives (sales_agent_id, creative_id, account_key, name, format_id, status, rejection_reason, creative_json, created_at, updated_at, review_due_at, push_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(sales_agent_id, creative_id) DO UPDATE SET name = excluded.name, format_id = excluded.format_id,
             status = excluded.status, rejection_reason = excluded.rejection_reason, creative_json = excluded.creative_json,
             updated_at = excluded.updated_at, review_due_at = excluded.review_due_at, push_json = excluded.push_json`,
          )
          .run(
            this.agent.id,
            c.creative_id,
            account,
            c.name,
            c.format_id.id,
            later ? 'pending_review' : verdict.status,
            later ? null : (verdict.reason ?? null),
            json,
            now,
            now,
            later ? new Date(this.clock.now().getTime() + UPDATE_REVIEW_MS / this.clock.speed()).toISOString() : null,
            later ? JSON.stringify(req.push_notification_config) : null,
          )
      if (later && !req.dry_run)
        return {
          creative_id: c.creative_id,
          action,
          platform_id: this.platformId(c.creative_id),
          status: 'pending_review',
        }
      return {
        creative_id: c.creative_id,
        action,
        platform_id: this.platformId(c.creative_id),
        status: verdict.status,
        ...(verdict.reason ? { rejection_reason: verdict.reason, warnings: [verdict.reason] } : {}),
      }
    })
    return { status: 'completed', creatives: results, ...(req.dry_run ? { dry_run: true } : {}) }
  }

  list(args: Record<string, unknown>): AdcpResponse {
    const page =
      typeof args.pagination === 'object' && args.pagination !== null
        ? (args.pagination as { max_results?: number; cursor?: string })
        : {}
    const limit = Math.min(Math.max(1, page.max_results ?? 50), 100)
    const offset = Math.max(0, Number(page.cursor ?? 0) || 0)
    const rows = this.db
      .prepare<[string], CreativeRow>(
        'SELECT * FROM agent_creatives WHERE sales_agent_id = ? ORDER BY created_at, creative_id',
      )
      .all(this.agent.id)
    const slice = rows.slice(offset, offset + limit)
    const more = offset + slice.length < rows.length
    return {
      status: 'completed',
      query_summary: { total_matching: rows.length, returned: slice.length },
      pagination: {
        has_more: more,
        total_count: rows.length,
        ...(more ? { cursor: String(offset + slice.length) } : {}),
      },
      creatives: slice.map((r) => {
        const format = formatById(r.format_id)
        return {
          creative_id: r.creative_id,
          name: r.name,
          status: r.status,
          created_date: r.created_at,
          updated_date: r.updated_at,
          format_id: format ? formatRef(format) : { agent_url: '', id: r.format_id },
          ...(r.rejection_reason ? { rejection_reason: r.rejection_reason } : {}),
        }
      }),
    }
  }

  /** The library's verdicts on the given creatives, for the ones it holds. */
  verdicts(ids: readonly string[]): Map<string, Review> {
    const out = new Map<string, Review>()
    if (ids.length === 0) return out
    const rows = this.db
      .prepare<string[], { creative_id: string; status: string; rejection_reason: string | null }>(
        `SELECT creative_id, status, rejection_reason FROM agent_creatives WHERE sales_agent_id = ? AND creative_id IN (${ids.map(() => '?').join(',')})`,
      )
      .all(this.agent.id, ...ids)
    for (const r of rows)
      out.set(
        r.creative_id,
        r.status === 'rejected'
          ? { status: 'rejected', reason: r.rejection_reason ?? 'Rejected in review' }
          : { status: 'approved' },
      )
    return out
  }

  /** Reviews whose time has come: each verdict is kept and pushed to the address the sync named. */
  reviewDue(to: Date): WebhookPayload[] {
    const due = this.db
      .prepare<[string, string], CreativeRow & { push_json: string | null }>(
        `SELECT * FROM agent_creatives WHERE sales_agent_id = ? AND status = 'pending_review' AND review_due_at <= ?`,
      )
      .all(this.agent.id, to.toISOString())
    const out: WebhookPayload[] = []
    for (const row of due) {
      const creative = JSON.parse(row.creative_json) as CreativeAssetArgs
      const format = formatById(row.format_id)
      const verdict: Review = format
        ? review(format, creative)
        : { status: 'rejected', reason: `Unknown format ${row.format_id}` }
      this.db
        .prepare(
          `UPDATE agent_creatives SET status = ?, rejection_reason = ?, review_due_at = NULL, updated_at = ?
           WHERE sales_agent_id = ? AND creative_id = ?`,
        )
        .run(verdict.status, verdict.reason ?? null, to.toISOString(), this.agent.id, row.creative_id)
      const push = row.push_json
        ? (JSON.parse(row.push_json) as { url?: string; token?: string; operation_id?: string })
        : {}
      if (!push.url) continue
      out.push({
        task_id: `review_${this.agent.id}_${row.creative_id}_${to.getTime()}`,
        task_type: 'sync_creatives',
        status: 'completed',
        timestamp: to.toISOString(),
        ...(push.operation_id ? { operation_id: push.operation_id } : {}),
        ...(push.token ? { token: push.token } : {}),
        result: {
          creatives: [
            {
              creative_id: row.creative_id,
              action: 'updated',
              platform_id: this.platformId(row.creative_id),
              status: verdict.status,
              ...(verdict.reason ? { rejection_reason: verdict.reason } : {}),
            },
          ],
        },
      })
    }
    return out
  }

  private platformId(creativeId: string): string {
    return `${this.agent.id.slice(3)}_crv_${creativeId}`
  }

  private row(creativeId: string): CreativeRow | undefined {
    return this.db
      .prepare<[string, string], CreativeRow>(
        'SELECT * FROM agent_creatives WHERE sales_agent_id = ? AND creative_id = ?',
      )
      .get(this.agent.id, creativeId)
  }
}
