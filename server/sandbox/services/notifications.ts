import type { Ctx } from '../context.ts'
import { notFound } from '../http/errors.ts'
import {
  NOTIFICATION_PREVIEW_MAX,
  type NotificationListResponse,
  type NotificationStatus,
  type NotificationSummary,
  type NotificationType,
} from '../../../src/api/schemas/notification.ts'

export interface NotificationEvent {
  type: NotificationType
  status: NotificationStatus
  campaignId: string | null
  mediaBuyId?: string | null
  creativeId?: string | null
  message: string
  /** The same event seen twice (a webhook replayed, a buy still stuck) raises one notification. */
  dedupeKey?: string
}

/** Where the dashboard shows what a notification concerns: the campaign page, opened at the buy when there is one. */
export function actionUrl(campaignId: string | null, mediaBuyId?: string | null): string | null {
  if (!campaignId) return null
  const page = `/campaigns/${encodeURIComponent(campaignId)}`
  return mediaBuyId ? `${page}?mediaBuyId=${encodeURIComponent(mediaBuyId)}` : page
}

/** Raises a notification; called inside the transaction of the event it reports. */
export function notify(ctx: Ctx, event: NotificationEvent): void {
  const seq = ctx.db.prepare<[], { n: number | null }>('SELECT MAX(seq) AS n FROM notifications').get()!.n ?? 0
  ctx.db
    .prepare(
      `INSERT INTO notifications (id, seq, type, status, campaign_id, media_buy_id, creative_id, message, action_url, created_at, dedupe_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING`,
    )
    .run(
      `ntf_${ctx.ids.token(12)}`,
      seq + 1,
      event.type,
      event.status,
      event.campaignId,
      event.mediaBuyId ?? null,
      event.creativeId ?? null,
      event.message,
      actionUrl(event.campaignId, event.mediaBuyId),
      ctx.clock.nowIso(),
      event.dedupeKey ?? null,
    )
}

export interface NotificationQuery {
  campaignId?: string
  creativeId?: string
  status?: string
  types: string[]
  unreadOnly: boolean
  limit: number
  offset: number
}

interface NotificationRow {
  id: string
  type: string
  status: string
  message: string | null
  action_url: string | null
  read: number
  acknowledged: number
  created_at: string
}

/** The summary cuts the message at 200 characters, on a word when it can, with an ellipsis. */
export function preview(message: string | null): string | null {
  if (message === null) return null
  if (message.length <= NOTIFICATION_PREVIEW_MAX) return message
  const cut = message.slice(0, NOTIFICATION_PREVIEW_MAX - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > NOTIFICATION_PREVIEW_MAX / 2 ? cut.slice(0, space) : cut}…`
}

/** GET /notifications: newest first; acknowledged ones stay listed (with `acknowledged: true`), as the platform does. */
export function listNotifications(ctx: Ctx, q: NotificationQuery): NotificationListResponse {
  const where: string[] = []
  const args: (string | number)[] = []
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return
    where.push(`${column} = ?`)
    args.push(value)
  }
  eq('campaign_id', q.campaignId)
  eq('creative_id', q.creativeId)
  eq('status', q.status)
  if (q.types.length) {
    where.push(`type IN (${q.types.map(() => '?').join(', ')})`)
    args.push(...q.types)
  }
  const scope = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const filter = q.unreadOnly ? (scope ? `${scope} AND read = 0` : 'WHERE read = 0') : scope
  const count = (sql: string) => ctx.db.prepare<unknown[], { n: number }>(sql).get(...args)!.n
  const totalCount = count(`SELECT COUNT(*) AS n FROM notifications ${filter}`)
  const unreadCount = count(`SELECT COUNT(*) AS n FROM notifications ${scope ? `${scope} AND` : 'WHERE'} read = 0`)
  const rows = ctx.db
    .prepare<unknown[], NotificationRow>(`SELECT * FROM notifications ${filter} ORDER BY seq DESC LIMIT ? OFFSET ?`)
    .all(...args, q.limit, q.offset)
  return {
    notifications: rows.map(summary),
    totalCount,
    unreadCount,
    hasMore: q.offset + rows.length < totalCount,
  }
}

function summary(r: NotificationRow): NotificationSummary {
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    read: r.read === 1,
    acknowledged: r.acknowledged === 1,
    messagePreview: preview(r.message),
    actionUrl: r.action_url,
    createdAt: r.created_at,
  }
}

/** POST /notifications/{id}/read; acknowledging also marks it read, since the buyer has seen it. */
export function markNotification(ctx: Ctx, id: string, what: 'read' | 'acknowledge'): void {
  const sql =
    what === 'read'
      ? 'UPDATE notifications SET read = 1 WHERE id = ?'
      : 'UPDATE notifications SET read = 1, acknowledged = 1 WHERE id = ?'
  if (ctx.db.prepare(sql).run(id).changes === 0) throw notFound('Notification', 'notificationId')
}

export function markAllRead(ctx: Ctx): number {
  return ctx.db.prepare('UPDATE notifications SET read = 1 WHERE read = 0').run().changes
}
