import { useRef } from 'react'
import { useIsMutating } from '@tanstack/react-query'
import { campaignKeys, useExecuteCampaign } from '@/api/campaigns'
import { saveResult } from './result-store'

/**
 * Execute, guarded: one request at a time per campaign across the page (the button and "Retry failed" share it), and
 * a synchronous ref so a double click inside one frame cannot send twice before React re-renders.
 */
export function useGuardedExecute(campaignId: string) {
  const mutation = useExecuteCampaign(campaignId)
  const running = useIsMutating({ mutationKey: [...campaignKeys.detail(campaignId), 'execute'] }) > 0
  const guard = useRef(false)
  const execute = (debug: boolean, onDone?: () => void) => {
    if (guard.current || running) return
    guard.current = true
    mutation.mutate(debug ? { debug: true } : {}, {
      onSuccess: (result) => {
        saveResult(campaignId, result, debug)
        onDone?.()
      },
      onSettled: () => {
        guard.current = false
      },
    })
  }
  return { execute, pending: running || mutation.isPending, error: mutation.error, reset: mutation.reset }
}
