import { onlineManager } from '@tanstack/react-query'
import { useExternal, type ChangeSource } from '@/lib/external-store'

const connection: ChangeSource = { subscribe: (listener) => onlineManager.subscribe(listener) }
const isOnline = () => onlineManager.isOnline()

// While the browser is offline, requests wait (TanStack Query pauses them) and everything refreshes on reconnect;
// the buyer should know why figures stop moving, and that what they see is kept.
export function OfflineBanner() {
  const online = useExternal(connection, isOnline)
  if (online) return null
  return (
    <div
      role="status"
      className="bg-slate-800 px-4 py-2 text-center text-sm text-white dark:bg-slate-200 dark:text-slate-950"
    >
      You are offline. What you see is kept; the dashboard refreshes as soon as the connection is back.
    </div>
  )
}
