import { useRouter } from '@tanstack/react-router'
import { notificationTarget, useNotificationAction } from '@/api/notifications'
import type { NotificationSummary } from '@/api/schemas/notification'
import { Button } from '@/components/ui/button'
import { enumLabel } from '@/components/audit-changes'
import { formatDateTime, formatRelativeTime } from '@/lib/format'
import { StatusIcon } from './status-icon'
import type { StatusIcon as IconName } from '@/domain/status'

const STATUS: Record<string, { label: string; icon: IconName; className: string }> = {
  error: { label: 'Problem', icon: 'x-circle', className: 'text-red-800 dark:text-red-300' },
  warning: { label: 'Needs attention', icon: 'hand', className: 'text-amber-800 dark:text-amber-300' },
  success: { label: 'Done', icon: 'check', className: 'text-green-800 dark:text-green-300' },
  info: { label: 'For your information', icon: 'question', className: 'text-blue-800 dark:text-blue-300' },
}

/** What a notification type means, in words ("media_buy_update_proposal.rejected" → "Media buy update proposal rejected"). */
export const notificationTypeLabel = (type: string) => enumLabel(type.replace(/\./g, '_'))

/**
 * One notification: its status in an icon and words, the preview as text (never HTML), when, where it leads, and the
 * buyer's marks. Shared by the bell's panel and Needs you.
 */
export function NotificationItem({
  notification: n,
  now,
  onOpen,
}: {
  notification: NotificationSummary
  now: number
  onOpen?: () => void
}) {
  const router = useRouter()
  const action = useNotificationAction()
  const status = STATUS[n.status] ?? STATUS.info
  const target = notificationTarget(n.actionUrl)
  const title = n.messagePreview || notificationTypeLabel(n.type)
  return (
    <article
      aria-label={`${n.read ? '' : 'Unread: '}${title}`}
      data-notification-id={n.id}
      data-read={n.read}
      className={
        n.read
          ? 'rounded-md border border-slate-200 p-3 dark:border-slate-700'
          : 'rounded-md border border-l-4 border-slate-200 border-l-blue-700 bg-blue-50/60 p-3 dark:border-slate-700 dark:border-l-blue-300 dark:bg-blue-950/40'
      }
    >
      <div className="flex items-start gap-2">
        <span className={`mt-0.5 ${status.className}`}>
          <StatusIcon icon={status.icon} className="size-4" />
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-xs font-medium text-slate-700 dark:text-slate-300">
            {status.label} · {notificationTypeLabel(n.type)}
            {n.read ? '' : ' · unread'}
          </p>
          <p className="mt-0.5 text-sm break-words whitespace-pre-line">{title}</p>
          <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">
            <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
              {formatRelativeTime(Date.parse(n.createdAt), now)}
            </time>
          </p>
        </div>
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        {target ? (
          <a
            href={target}
            className="inline-flex h-8 items-center rounded-md px-2.5 text-sm font-medium text-blue-800 underline hover:bg-slate-100 dark:text-blue-300 dark:hover:bg-slate-800"
            onClick={(e) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
              e.preventDefault()
              onOpen?.()
              void router.navigate({ href: target })
            }}
          >
            Open<span className="sr-only">: {title}</span>
          </a>
        ) : null}
        {n.read ? null : (
          <Button size="sm" variant="secondary" onClick={() => action.mutate({ id: n.id, action: 'read' })}>
            Mark read<span className="sr-only">: {title}</span>
          </Button>
        )}
        {n.acknowledged ? null : (
          <Button size="sm" variant="ghost" onClick={() => action.mutate({ id: n.id, action: 'acknowledge' })}>
            Dismiss<span className="sr-only">: {title}</span>
          </Button>
        )}
      </div>
      {action.isError ? (
        <p role="alert" className="mt-1 text-xs text-red-800 dark:text-red-300">
          Could not save that; try again.
        </p>
      ) : null}
    </article>
  )
}
