import { Link } from '@tanstack/react-router'
import type { ExecutionError } from '@/api/schemas/execute'
import { CopyButton } from '@/components/json-tree/copy-button'
import { JsonTree } from '@/components/json-tree/json-tree'
import { downloadJson, wellFormed } from '@/components/json-tree/json-text'
import { Button } from '@/components/ui/button'

/** One failed buy: which buy (linked to its row), the seller's words, and, with debug, the traffic as data. */
export function ErrorEntry({
  campaignId,
  error,
  buyName,
}: {
  campaignId: string
  error: ExecutionError
  buyName?: string
}) {
  const debug = error.debug
  const name = wellFormed(buyName ?? error.mediaBuyId)
  return (
    <li className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <Link
          to="/campaigns/$campaignId"
          params={{ campaignId }}
          search={{ expanded: [error.mediaBuyId] }}
          hash={`buy-${error.mediaBuyId}`}
          className="font-medium text-blue-800 underline dark:text-blue-300"
        >
          {name}
        </Link>
        <span className="font-mono text-xs text-slate-700 dark:text-slate-300">{error.mediaBuyId}</span>
      </div>
      <p className="mt-1 break-words text-sm">{wellFormed(error.message)}</p>
      {debug ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium">
            Debug: AdCP request, response and transport log
          </summary>
          <div className="mt-2 flex flex-wrap gap-2">
            <CopyButton label={`Copy whole entry for ${error.mediaBuyId}`} text={() => JSON.stringify(error, null, 2)}>
              Copy entry
            </CopyButton>
            <Button
              variant="ghost"
              size="sm"
              className="h-6 px-1.5 text-xs"
              onClick={() => downloadJson(`execute-${error.mediaBuyId}.json`, error)}
            >
              Download .json
            </Button>
          </div>
          <div className="mt-2 grid gap-3">
            {debug.request !== undefined ? (
              <JsonTree label={`create_media_buy request for ${error.mediaBuyId}`} value={debug.request} />
            ) : null}
            {debug.response !== undefined ? (
              <JsonTree label={`agent response for ${error.mediaBuyId}`} value={debug.response} />
            ) : null}
            {debug.debugLogs !== undefined ? (
              <JsonTree label={`transport log for ${error.mediaBuyId}`} value={debug.debugLogs} />
            ) : null}
          </div>
        </details>
      ) : null}
    </li>
  )
}
