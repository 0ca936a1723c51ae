import { z } from 'zod'

/**
 * GET /audit-logs (CONTRACT §12, D10): the buyer's change history. Field names as the spec's `BuyerAuditLog`; the
 * enums are the spec's filter values, while the row itself types them as free strings (unknown values must survive).
 */
export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'ARCHIVE', 'EXECUTE', 'ACTIVATE', 'DEACTIVATE'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const AUDIT_RESOURCE_TYPES = ['ADVERTISER', 'CAMPAIGN', 'CREATIVE', 'MEDIA_BUY', 'PRODUCT', 'PACKAGE'] as const
export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number]

/** Who started it: the buyer (human), the platform's agent on a buyer's behalf, nobody in the loop, or the platform. */
export const ACTOR_ORIGINS = ['human', 'agent', 'autonomous', 'system'] as const
export type ActorOrigin = (typeof ACTOR_ORIGINS)[number]

/** Whether it took effect. The list returns only `succeeded` rows unless the `outcome` filter asks for others. */
export const AUDIT_OUTCOMES = ['succeeded', 'denied', 'failed'] as const
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number]

/** Largest `take` the list accepts; `skip` pages on. */
export const AUDIT_LOG_MAX_TAKE = 500

/** The sandbox's shape of `changes`: `{"<field path>": {from, to}}`; other shapes are rendered generically. */
export const auditFieldChangeSchema = z.looseObject({ from: z.unknown(), to: z.unknown() })
export type AuditFieldChange = z.infer<typeof auditFieldChangeSchema>

export const buyerAuditLogSchema = z.looseObject({
  id: z.number(),
  timestamp: z.string(),
  createdAt: z.string(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  resourceName: z.string().nullable(),
  parentType: z.string().nullable(),
  advertiserId: z.number().nullable(),
  userId: z.number().nullable(),
  userEmail: z.string().nullable(),
  userName: z.string().nullable(),
  serviceTokenId: z.number().nullable(),
  serviceTokenName: z.string().nullable(),
  actorOrigin: z.string().nullable(),
  outcome: z.string().nullable(),
  parameters: z.record(z.string(), z.unknown()).nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  description: z.string(),
})
export type BuyerAuditLog = z.infer<typeof buyerAuditLogSchema>

export const listBuyerActivityResponseSchema = z.looseObject({
  logs: z.array(buyerAuditLogSchema),
  total: z.number().int().nonnegative(),
})
export type ListBuyerActivityResponse = z.infer<typeof listBuyerActivityResponseSchema>
