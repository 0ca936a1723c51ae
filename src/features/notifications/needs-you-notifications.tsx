import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { actionableNotificationsQueryOptions } from '@/api/notifications'
import { notificationNeedsBuyer } from '@/api/schemas/notification'
import { ListState } from '@/components/list-state'
import { NotificationItem } from '@/components/notification-item'
import { Button } from '@/components/ui/button'
import { useNow } from '@/lib/use-now'

const FIRST = 5

/**
 * D11: notifications whose type means the buyer must act (a stuck or failed buy, a rejected creative, a pending
 * change the seller rejected or let expire, a suggestion received), until the buyer dismisses them.
 */
export function NeedsYouNotifications() {
  const list = useQuery(actionableNotificationsQueryOptions())
  const now = useNow(30_000)
  const [all, setAll] = useState(false)
  // A suggestion received is listed with its approve and reject under "Suggestions waiting for your approval".
  const open = (list.data?.notifications ?? []).filter(
    (n) => !n.acknowledged && notificationNeedsBuyer(n.type) && !n.type.startsWith('optimization.'),
  )
  const shown = all ? open : open.slice(0, FIRST)
  return (
    <section aria-labelledby="needs-you-notifications-title" className="mb-6">
      <h2 id="needs-you-notifications-title" className="text-lg font-semibold">
        Notifications that need you{list.data ? ` (${open.length})` : ''}
      </h2>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
        What sellers and the platform told you that asks for a decision; dismiss one once it is handled.
      </p>
      <ListState query={list} what="notifications" empty={open.length === 0} emptyText="No notification asks for you.">
        <ul aria-labelledby="needs-you-notifications-title" className="space-y-2">
          {shown.map((n) => (
            <li key={n.id}>
              <NotificationItem notification={n} now={now} />
            </li>
          ))}
        </ul>
      </ListState>
      {open.length > FIRST ? (
        <Button size="sm" variant="secondary" className="mt-2" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? `Show the newest ${FIRST}` : `Show all ${open.length}`}
        </Button>
      ) : null}
    </section>
  )
}
