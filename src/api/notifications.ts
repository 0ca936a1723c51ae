import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { apiRequest } from './client.ts'
import { pollMaxAgeSeconds } from './campaigns.ts'
import { pollWithBackoff } from './polling.ts'
import {
  NOTIFICATION_TYPES_NEEDING_BUYER,
  notificationActionResponseSchema,
  notificationListResponseSchema,
  type NotificationListResponse,
} from './schemas/notification.ts'
import { z } from 'zod'

// D11: the header's bell reads the newest notifications with the unread count in one request, at most once a minute,
// in the background lane and never while the tab is hidden (Query pauses intervals then). Needs you reads the types
// that mean the buyer must act, once a minute while it is open. Marking read or acknowledging is the buyer's own
// request; the lists are then read again.

export const NOTIFICATION_POLL_MS = 60_000
/** How many of the newest the bell's panel lists. */
export const BELL_LIMIT = 20
const NEEDS_YOU_LIMIT = 50

interface NotificationFilters {
  limit: number
  types?: string
}

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (filters: NotificationFilters) => [...notificationKeys.all, 'list', filters] as const,
}

function notificationListQueryOptions(filters: NotificationFilters) {
  return queryOptions({
    queryKey: notificationKeys.list(filters),
    queryFn: ({ signal, client, queryKey }) =>
      apiRequest('/notifications', {
        query: { ...filters },
        schema: notificationListResponseSchema,
        signal,
        lane: 'background',
        label: 'notifications',
        // A second tab's poll takes the first tab's copy; a first read one at most 15 s old.
        maxAgeSeconds: client.getQueryData(queryKey) ? pollMaxAgeSeconds(NOTIFICATION_POLL_MS) : 15,
      }),
    staleTime: NOTIFICATION_POLL_MS,
    refetchInterval: pollWithBackoff<NotificationListResponse>(NOTIFICATION_POLL_MS),
    refetchOnWindowFocus: false,
  })
}

/** The bell: the newest notifications and the unread count. */
export function bellNotificationsQueryOptions() {
  return notificationListQueryOptions({ limit: BELL_LIMIT })
}

/** What Needs you lists besides the buys: notifications whose type means the buyer must act (D11). */
export function actionableNotificationsQueryOptions() {
  return notificationListQueryOptions({ limit: NEEDS_YOU_LIMIT, types: NOTIFICATION_TYPES_NEEDING_BUYER.join(',') })
}

type Patch = { read?: true; acknowledged?: true }

/** Shows the buyer's mark at once in every cached list; the next read confirms it. */
function patchCached(queryClient: QueryClient, ids: 'all' | string, patch: Patch) {
  queryClient.setQueriesData<NotificationListResponse>({ queryKey: notificationKeys.all }, (data) => {
    if (!data) return data
    let unread = data.unreadCount
    const notifications = data.notifications.map((n) => {
      if (ids !== 'all' && n.id !== ids) return n
      if (patch.read && !n.read) unread -= 1
      return { ...n, ...patch }
    })
    return { ...data, notifications, unreadCount: ids === 'all' && patch.read ? 0 : Math.max(0, unread) }
  })
}

const readAllResponseSchema = z.unknown()

export function useNotificationAction() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: [...notificationKeys.all, 'action'],
    mutationFn: ({ id, action }: { id: string; action: 'read' | 'acknowledge' }) =>
      apiRequest(`/notifications/${encodeURIComponent(id)}/${action}`, {
        method: 'POST',
        schema: notificationActionResponseSchema,
      }),
    onMutate: ({ id, action }) =>
      patchCached(queryClient, id, action === 'read' ? { read: true } : { acknowledged: true }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  })
}

export function useReadAllNotifications() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: [...notificationKeys.all, 'read-all'],
    mutationFn: () =>
      apiRequest('/notifications/read-all', { method: 'POST', body: {}, schema: readAllResponseSchema }),
    onMutate: () => patchCached(queryClient, 'all', { read: true }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  })
}

/**
 * Where a notification leads inside the dashboard: its app-relative `actionUrl` when it names a path of ours,
 * nothing otherwise (a full URL or a protocol-relative one is never followed).
 */
export function notificationTarget(actionUrl: string | null): string | undefined {
  if (!actionUrl || !actionUrl.startsWith('/') || actionUrl.startsWith('//') || actionUrl.includes('\\'))
    return undefined
  return actionUrl
}
