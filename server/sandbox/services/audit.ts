import type { Ctx } from '../context.ts'
import { agentById } from '../agents/catalog.ts'
import { ApiError } from '../http/errors.ts'
import { parseJson } from '../repo/store.ts'
import type {
  ActorOrigin,
  AuditAction,
  AuditOutcome,
  AuditResourceType,
  BuyerAuditLog,
  ListBuyerActivityResponse,
} from '../../../src/api/schemas/audit-log.ts'

/** Who a history row names: a person (userId/userEmail/userName) or a service token, and how it was started. */
export interface Actor {
  origin: ActorOrigin
  userId?: number
  userEmail?: string
  userName?: string
  serviceTokenId?: number
  serviceTokenName?: string
}

/** Every bearer key is the one sandbox buyer. */
export const BUYER: Actor = {
  origin: 'human',
  userId: 1,
  userEmail: 'buyer@sandbox.example',
  userName: 'Sandbox buyer',
}

/** The platform itself: its clock (flights ending, campaigns completing) and its own failures. */
export const PLATFORM: Actor = { origin: 'system', serviceTokenId: 1, serviceTokenName: 'Platform' }

export const OPTIMIZER_NAME = 'Sandbox optimizer'

/** The optimizer applies a suggestion as `agent` once a person approved it, as `autonomous` when nobody had to. */
export const optimizerActor = (origin: 'agent' | 'autonomous'): Actor => ({
  origin,
  serviceTokenId: 2,
  serviceTokenName: OPTIMIZER_NAME,
})

/** A seller's decision (approve, ask, reject, fail, a change settled) is recorded as `system`, named after the seller. */
export function sellerActor(agentId: string): Actor {
  let name = agentId
  try {
    name = agentById(agentId).name
  } catch {
    // an agent the catalogue no longer knows keeps its id as its name
  }
  return { origin: 'system', serviceTokenId: 100, serviceTokenName: name }
}

/** `changes` as the sandbox writes them: `{"<field path>": {from, to}}`. */
export type Changes = Record<string, { from: unknown; to: unknown }>

export interface AuditEntry {
  action: AuditAction
  resourceType: AuditResourceType
  resourceId: string | null
  resourceName: string | null
  parentType?: AuditResourceType | null
  campaignId: string | null
  actor: Actor
  outcome: AuditOutcome
  parameters?: Record<string, unknown> | null
  changes?: Changes | null
  description: string
}

/** Writes one history row; called inside the transaction of the change it records. */
export function recordAudit(ctx: Ctx, entry: AuditEntry): void {
  const campaign = entry.campaignId ? ctx.store.campaign(entry.campaignId) : undefined
  const advertiser = campaign ? Number(campaign.advertiser_id) : NaN
  const changes = entry.changes && Object.keys(entry.changes).length ? entry.changes : null
  ctx.store.insert('audit_log', {
    timestamp: ctx.clock.nowIso(),
    action: entry.action,
    resource_type: entry.resourceType,
    resource_id: entry.resourceId,
    resource_name: entry.resourceName,
    parent_type: entry.parentType ?? null,
    campaign_id: entry.campaignId,
    advertiser_id: Number.isSafeInteger(advertiser) ? advertiser : null,
    user_id: entry.actor.userId ?? null,
    user_email: entry.actor.userEmail ?? null,
    user_name: entry.actor.userName ?? null,
    service_token_id: entry.actor.serviceTokenId ?? null,
    service_token_name: entry.actor.serviceTokenName ?? null,
    actor_origin: entry.actor.origin,
    outcome: entry.outcome,
    parameters_json: entry.parameters ? JSON.stringify(entry.parameters) : null,
    changes_json: changes ? JSON.stringify(changes) : null,
    description: entry.description,
  })
}

/** A refusal's outcome: the request was turned away (denied) or broke on the way (failed). */
export function outcomeOf(error: unknown): AuditOutcome {
  return error instanceof ApiError && error.status < 500 ? 'denied' : 'failed'
}

export function errorParameters(error: unknown): Record<string, unknown> {
  if (error instanceof ApiError)
    return { error: { status: error.status, code: error.code, message: error.message, field: error.field ?? null } }
  return { error: { status: 500, code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : 'failed' } }
}

/**
 * Runs a buyer's mutation; when it is refused, writes the refusal's history row in a transaction of its own (the
 * mutation's transaction rolled back) and passes the error on.
 */
export async function audited<T>(
  ctx: Ctx,
  refusal: Omit<AuditEntry, 'outcome' | 'description' | 'actor'> & { actor?: Actor; verb: string },
  work: () => T | Promise<T>,
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (ctx.db.open) {
      const { verb, actor, ...entry } = refusal
      const message = error instanceof Error ? error.message : String(error)
      ctx.db.transaction(() =>
        recordAudit(ctx, {
          ...entry,
          // A campaign the request named but that does not exist is no campaign to file the row under.
          campaignId: entry.campaignId && ctx.store.campaign(entry.campaignId) ? entry.campaignId : null,
          actor: actor ?? BUYER,
          outcome: outcomeOf(error),
          parameters: { ...entry.parameters, ...errorParameters(error) },
          description: `${verb} refused: ${message}`,
        }),
      )()
    }
    throw error
  }
}

export interface AuditQuery {
  campaignId?: string
  resourceId?: string
  resourceTypes: string[]
  actions: string[]
  actorOrigin?: string
  actorUserId?: number
  actorUserEmail?: string
  advertiserId?: number
  outcome?: string
  startDate?: string
  endDate?: string
  take: number
  skip: number
}

interface AuditRow {
  id: number
  timestamp: string
  action: string
  resource_type: string
  resource_id: string | null
  resource_name: string | null
  parent_type: string | null
  advertiser_id: number | null
  user_id: number | null
  user_email: string | null
  user_name: string | null
  service_token_id: number | null
  service_token_name: string | null
  actor_origin: string
  outcome: string
  parameters_json: string | null
  changes_json: string | null
  description: string
}

/** GET /audit-logs: newest first; without an `outcome` filter only what succeeded, as the platform's default feed. */
export function listAuditLogs(ctx: Ctx, q: AuditQuery): ListBuyerActivityResponse {
  const where: string[] = ['outcome = ?']
  const args: (string | number)[] = [q.outcome ?? 'succeeded']
  const eq = (column: string, value: string | number | undefined) => {
    if (value === undefined) return
    where.push(`${column} = ?`)
    args.push(value)
  }
  const among = (column: string, values: string[]) => {
    if (!values.length) return
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`)
    args.push(...values)
  }
  eq('campaign_id', q.campaignId)
  eq('resource_id', q.resourceId)
  eq('actor_origin', q.actorOrigin)
  eq('user_id', q.actorUserId)
  eq('user_email', q.actorUserEmail)
  eq('advertiser_id', q.advertiserId)
  among('resource_type', q.resourceTypes)
  among('action', q.actions)
  if (q.startDate) {
    where.push('timestamp >= ?')
    args.push(q.startDate)
  }
  if (q.endDate) {
    where.push('timestamp <= ?')
    args.push(q.endDate)
  }
  const filter = `WHERE ${where.join(' AND ')}`
  const total = ctx.db
    .prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM audit_log ${filter}`)
    .get(...args)!.n
  const rows = ctx.db
    .prepare<unknown[], AuditRow>(`SELECT * FROM audit_log ${filter} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...args, q.take, q.skip)
  return { logs: rows.map(auditView), total }
}

function auditView(r: AuditRow): BuyerAuditLog {
  return {
    id: r.id,
    timestamp: r.timestamp,
    createdAt: r.timestamp,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    resourceName: r.resource_name,
    parentType: r.parent_type,
    advertiserId: r.advertiser_id,
    userId: r.user_id,
    userEmail: r.user_email,
    userName: r.user_name,
    serviceTokenId: r.service_token_id,
    serviceTokenName: r.service_token_name,
    actorOrigin: r.actor_origin,
    outcome: r.outcome,
    parameters: parseJson<Record<string, unknown>>(r.parameters_json) ?? null,
    changes: parseJson<Record<string, unknown>>(r.changes_json) ?? null,
    description: r.description,
  }
}
