import { z } from 'zod'
import { isoDateTimeSchema } from './common.ts'

/** GET /notifications and its actions (CONTRACT §12, D11). Field names as the spec's `NotificationSummary`. */
export const NOTIFICATION_STATUSES = ['success', 'error', 'warning', 'info'] as const
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number]

/**
 * The notification types the product acts on (the spec lists about 90; the rest are shown as they come).
 * Those in NOTIFICATION_TYPES_NEEDING_BUYER mean the buyer must act, so they also feed Needs you (D11).
 */
export const NOTIFICATION_TYPES = [
  'media_buy.stuck',
  'media_buy.forward_failed',
  'media_buy.source_rejected',
  'source.action_required',
  'media_buy.updated',
  'creative.rejected',
  'creative.approved',
  'media_buy_update_proposal.approved',
  'media_buy_update_proposal.rejected',
  'media_buy_update_proposal.expired',
  'optimization.suggestion_received',
  'optimization.suggestion_approved',
  'optimization.suggestion_rejected',
  'optimization.suggestion_applied',
  'optimization.suggestion_failed',
] as const
export type NotificationType = (typeof NOTIFICATION_TYPES)[number]

export const NOTIFICATION_TYPES_NEEDING_BUYER: readonly NotificationType[] = [
  'media_buy.stuck',
  'media_buy.forward_failed',
  'media_buy.source_rejected',
  'creative.rejected',
  'optimization.suggestion_received',
  'media_buy_update_proposal.rejected',
  'media_buy_update_proposal.expired',
]

export const notificationNeedsBuyer = (type: string): boolean =>
  (NOTIFICATION_TYPES_NEEDING_BUYER as readonly string[]).includes(type)

/** Largest `limit` the list accepts; `offset` pages on, `hasMore` says when to. */
export const NOTIFICATIONS_MAX_LIMIT = 100
/** `messagePreview` is cut to this many characters. */
export const NOTIFICATION_PREVIEW_MAX = 200

export const notificationSummarySchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  read: z.boolean(),
  acknowledged: z.boolean(),
  messagePreview: z.string().nullable(),
  actionUrl: z.string().nullable(),
  createdAt: isoDateTimeSchema,
})
export type NotificationSummary = z.infer<typeof notificationSummarySchema>

export const notificationListResponseSchema = z.looseObject({
  notifications: z.array(notificationSummarySchema),
  totalCount: z.number().int().nonnegative(),
  unreadCount: z.number().int().nonnegative(),
  hasMore: z.boolean(),
})
export type NotificationListResponse = z.infer<typeof notificationListResponseSchema>

/** POST /notifications/{id}/read and /acknowledge. */
export const notificationActionResponseSchema = z.looseObject({
  success: z.literal(true),
  notificationId: z.string(),
})
export type NotificationActionResponse = z.infer<typeof notificationActionResponseSchema>

/** POST /notifications/read-all: the body is required, its one field optional. */
export const readAllNotificationsBodySchema = z.object({ brandAgentId: z.number().optional() })
