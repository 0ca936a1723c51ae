import { useEffect, useRef, useState } from 'react'
import * as DialogPrimitive from '@radix-ui/react-dialog'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { bellNotificationsQueryOptions, useReadAllNotifications } from '@/api/notifications'
import { suggestionKeys } from '@/api/optimization-suggestions'
import { announce } from '@/components/live-announcer'
import { NotificationItem } from '@/components/notification-item'
import { Button } from '@/components/ui/button'
import { useNow } from '@/lib/use-now'

/**
 * D11: the header's notification centre. The unread count and the newest notifications come in one request, at most
 * once a minute in the background lane, never while the tab is hidden; the panel lists them newest first.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false)
  const queryClient = useQueryClient()
  const bell = useQuery(bellNotificationsQueryOptions())
  const readAll = useReadAllNotifications()
  const now = useNow(30_000)
  const unread = bell.data?.unreadCount ?? 0
  const notifications = bell.data?.notifications ?? []

  // New arrivals: say so once, and let the suggestion lists catch up when the optimizer spoke.
  const seen = useRef<Set<string> | null>(null)
  useEffect(() => {
    if (!bell.data) return
    const ids = new Set(bell.data.notifications.map((n) => n.id))
    const fresh = seen.current ? bell.data.notifications.filter((n) => !seen.current!.has(n.id) && !n.read) : []
    seen.current = ids
    if (fresh.length === 0) return
    announce(
      fresh.length === 1 ? `New notification: ${fresh[0].messagePreview ?? ''}` : `${fresh.length} new notifications`,
    )
    if (fresh.some((n) => n.type.startsWith('optimization.')))
      void queryClient.invalidateQueries({ queryKey: suggestionKeys.lists() })
  }, [bell.data, queryClient])

  const label = unread ? `Notifications, ${unread} unread` : 'Notifications'
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger asChild>
        <button
          type="button"
          aria-label={label}
          data-testid="notification-bell"
          className="relative inline-flex h-9 items-center gap-1 rounded-md px-2 text-slate-800 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            className="size-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          >
            <path d="M4 11V7a4 4 0 0 1 8 0v4l1.5 1.5h-11zM6.5 14a1.5 1.5 0 0 0 3 0" strokeLinejoin="round" />
          </svg>
          {unread ? (
            <span
              data-testid="notification-count"
              className="inline-flex min-w-5 items-center justify-center rounded-full bg-blue-800 px-1.5 text-xs font-semibold text-white dark:bg-blue-300 dark:text-slate-950"
            >
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </button>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-slate-950/30" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed top-0 right-0 z-50 flex h-full w-[min(26rem,100vw)] flex-col border-l border-slate-200 bg-white shadow-xl dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="flex items-center gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
            <DialogPrimitive.Title className="text-lg font-semibold">Notifications</DialogPrimitive.Title>
            <span className="text-sm text-slate-700 dark:text-slate-300">
              {unread ? `${unread} unread` : 'All read'}
            </span>
            <div className="ml-auto flex items-center gap-2">
              <Button
                size="sm"
                variant="secondary"
                disabled={!unread || readAll.isPending}
                onClick={() => readAll.mutate()}
              >
                Mark all read
              </Button>
              <DialogPrimitive.Close
                className="rounded-md p-1 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
                aria-label="Close"
              >
                <span aria-hidden="true">✕</span>
              </DialogPrimitive.Close>
            </div>
          </div>
          <div className="flex-1 overflow-y-auto p-4">
            {bell.isError && !bell.data ? (
              <p role="alert" className="text-sm text-red-800 dark:text-red-300">
                Notifications could not be loaded; they are tried again within a minute.
              </p>
            ) : bell.isPending ? (
              <p className="text-sm text-slate-700 dark:text-slate-300">Loading notifications…</p>
            ) : notifications.length === 0 ? (
              <p className="text-sm text-slate-700 dark:text-slate-300">No notifications.</p>
            ) : (
              <ul aria-label="Notifications, newest first" className="space-y-2">
                {notifications.map((n) => (
                  <li key={n.id}>
                    <NotificationItem notification={n} now={now} onOpen={() => setOpen(false)} />
                  </li>
                ))}
              </ul>
            )}
            {bell.data && bell.data.totalCount > notifications.length ? (
              <p className="mt-3 text-xs text-slate-700 dark:text-slate-300">
                The newest {notifications.length} of {bell.data.totalCount}.
              </p>
            ) : null}
            {readAll.isError ? (
              <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
                Could not mark them read; try again.
              </p>
            ) : null}
          </div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  )
}
