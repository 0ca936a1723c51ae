import type { Hono } from 'hono'
import { z } from 'zod'
import type { Ctx } from '../context.ts'
import { ok } from '../http/respond.ts'
import { parseWith, readBody } from '../http/validate.ts'
import {
  ACTOR_ORIGINS,
  AUDIT_ACTIONS,
  AUDIT_LOG_MAX_TAKE,
  AUDIT_OUTCOMES,
  AUDIT_RESOURCE_TYPES,
} from '../../../src/api/schemas/audit-log.ts'
import {
  NOTIFICATION_STATUSES,
  NOTIFICATIONS_MAX_LIMIT,
  readAllNotificationsBodySchema,
} from '../../../src/api/schemas/notification.ts'
import {
  rejectSuggestionBodySchema,
  SUGGESTION_STATUSES,
  SUGGESTIONS_MAX_LIMIT,
} from '../../../src/api/schemas/optimization-suggestion.ts'
import { audited, listAuditLogs } from '../services/audit.ts'
import { listNotifications, markAllRead, markNotification } from '../services/notifications.ts'
import { approveSuggestion, rejectSuggestion } from '../services/optimizer-decisions.ts'
import { getSuggestion, listSuggestions, suggestionTarget } from '../services/optimizer-suggestions.ts'
import { notifyAgents } from '../services/update.ts'
import { getProposal, proposalBuy, withdrawProposal } from '../services/update-proposals.ts'

// GET /audit-logs, the /notifications family, /optimization-suggestions and /update-proposals (CONTRACT §12).

const intParam = (min: number, max: number) => z.coerce.number().int().min(min).max(max)
const isoParam = z
  .string()
  .refine((v) => Number.isFinite(Date.parse(v)), 'An ISO 8601 date-time, like 2026-03-01T00:00:00Z')
  .transform((v) => new Date(v).toISOString())
const optional = (v: string | undefined) => (v === undefined || v === '' ? undefined : v)

/** Repeatable query parameters also accept a comma-separated value. */
function many(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
}

const auditQuerySchema = z.object({
  startDate: isoParam.optional(),
  endDate: isoParam.optional(),
  advertiserId: intParam(1, Number.MAX_SAFE_INTEGER).optional(),
  campaignId: z.string().optional(),
  resourceId: z.string().optional(),
  resourceTypes: z.array(z.enum(AUDIT_RESOURCE_TYPES)),
  actions: z.array(z.enum(AUDIT_ACTIONS)),
  actorOrigin: z.enum(ACTOR_ORIGINS).optional(),
  actorUserId: intParam(1, Number.MAX_SAFE_INTEGER).optional(),
  actorUserEmail: z.string().optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  take: intParam(1, AUDIT_LOG_MAX_TAKE).default(50),
  skip: intParam(0, Number.MAX_SAFE_INTEGER).default(0),
})

const notificationQuerySchema = z.object({
  campaignId: z.string().optional(),
  creativeId: z.string().optional(),
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  types: z.array(z.string()),
  unreadOnly: z.enum(['true', 'false']).optional(),
  limit: intParam(1, NOTIFICATIONS_MAX_LIMIT).default(20),
  offset: intParam(0, Number.MAX_SAFE_INTEGER).default(0),
})

const suggestionQuerySchema = z.object({
  campaignId: z.string().optional(),
  mediaBuyId: z.string().optional(),
  status: z.enum(SUGGESTION_STATUSES).optional(),
  limit: intParam(1, SUGGESTIONS_MAX_LIMIT).default(20),
  offset: intParam(0, Number.MAX_SAFE_INTEGER).default(0),
})

const suggestionIdSchema = z
  .string()
  .regex(
    /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/,
    'A suggestion id is a UUID',
  )
const suggestionId = (raw: string) =>
  parseWith(z.object({ suggestionId: suggestionIdSchema }), { suggestionId: raw }).suggestionId

/** A refused approve or reject is a refused change to the buy the suggestion concerns. */
function suggestionRefusal(ctx: Ctx, id: string, verb: string) {
  const target = suggestionTarget(ctx, id)
  const buy = target ? ctx.store.buy(target.mediaBuyId) : undefined
  return {
    action: 'UPDATE' as const,
    resourceType: 'MEDIA_BUY' as const,
    resourceId: target?.mediaBuyId ?? null,
    resourceName: buy?.name ?? null,
    parentType: 'CAMPAIGN' as const,
    campaignId: target?.campaignId ?? null,
    verb,
    parameters: { suggestionId: id } as Record<string, unknown>,
  }
}

export function activityRoutes(api: Hono, ctx: Ctx): void {
  api.get('/audit-logs', (c) => {
    const q = parseWith(auditQuerySchema, {
      startDate: optional(c.req.query('startDate')),
      endDate: optional(c.req.query('endDate')),
      advertiserId: optional(c.req.query('advertiserId')),
      campaignId: optional(c.req.query('campaignId')),
      resourceId: optional(c.req.query('resourceId')),
      resourceTypes: many(c.req.queries('resourceTypes') ?? c.req.queries('resourceTypes[]')),
      actions: many(c.req.queries('actions') ?? c.req.queries('actions[]')),
      actorOrigin: optional(c.req.query('actorOrigin')),
      actorUserId: optional(c.req.query('actorUserId')),
      actorUserEmail: optional(c.req.query('actorUserEmail')),
      outcome: optional(c.req.query('outcome')),
      take: optional(c.req.query('take')),
      skip: optional(c.req.query('skip')),
    })
    return ok(c, listAuditLogs(ctx, q))
  })

  api.get('/notifications', (c) => {
    const q = parseWith(notificationQuerySchema, {
      campaignId: optional(c.req.query('campaignId')),
      creativeId: optional(c.req.query('creativeId')),
      status: optional(c.req.query('status')),
      types: many(c.req.queries('types')),
      unreadOnly: optional(c.req.query('unreadOnly')),
      limit: optional(c.req.query('limit')),
      offset: optional(c.req.query('offset')),
    })
    return ok(c, listNotifications(ctx, { ...q, unreadOnly: q.unreadOnly === 'true' }))
  })

  api.post('/notifications/read-all', async (c) => {
    await readBody(c, readAllNotificationsBodySchema)
    return ok(c, { success: true, updatedCount: markAllRead(ctx) })
  })

  for (const what of ['read', 'acknowledge'] as const)
    api.post(`/notifications/:notificationId/${what}`, (c) => {
      const id = c.req.param('notificationId')
      markNotification(ctx, id, what)
      return ok(c, { success: true, notificationId: id })
    })

  api.get('/optimization-suggestions', (c) => {
    const q = parseWith(suggestionQuerySchema, {
      campaignId: optional(c.req.query('campaignId')),
      mediaBuyId: optional(c.req.query('mediaBuyId')),
      status: optional(c.req.query('status')),
      limit: optional(c.req.query('limit')),
      offset: optional(c.req.query('offset')),
    })
    return ok(c, listSuggestions(ctx, q))
  })

  api.get('/optimization-suggestions/:suggestionId', (c) =>
    ok(c, getSuggestion(ctx, suggestionId(c.req.param('suggestionId')))),
  )

  api.post('/optimization-suggestions/:suggestionId/approve', async (c) => {
    const raw = c.req.param('suggestionId')
    const { status, notices } = await audited(ctx, suggestionRefusal(ctx, raw, 'Approve suggestion'), () =>
      approveSuggestion(ctx, suggestionId(raw)),
    )
    await notifyAgents(ctx, notices)
    return ok(c, status)
  })

  api.post('/optimization-suggestions/:suggestionId/reject', async (c) => {
    const raw = c.req.param('suggestionId')
    const refusal = suggestionRefusal(ctx, raw, 'Reject suggestion')
    const status = await audited(ctx, refusal, async () => {
      const id = suggestionId(raw)
      const body = await readBody(c, rejectSuggestionBodySchema)
      refusal.parameters.reason = body.reason ?? null
      return rejectSuggestion(ctx, id, body.reason)
    })
    return ok(c, status)
  })

  api.get('/update-proposals/:id', (c) => ok(c, getProposal(ctx, c.req.param('id'))))
  api.delete('/update-proposals/:id', async (c) => {
    const id = c.req.param('id')
    const buy = proposalBuy(ctx, id)
    await audited(
      ctx,
      {
        action: 'UPDATE',
        resourceType: 'MEDIA_BUY',
        resourceId: buy?.id ?? null,
        resourceName: buy?.name ?? null,
        parentType: 'CAMPAIGN',
        campaignId: buy?.campaign_id ?? null,
        verb: 'Withdraw pending change',
        parameters: { updateProposalId: id },
      },
      () => withdrawProposal(ctx, id),
    )
    return c.body(null, 204)
  })
}
