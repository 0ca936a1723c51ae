import { clearApiKey, isApiKeyRemembered, maskApiKey, useApiKey } from '@/api/api-key'
import { Button } from '@/components/ui/button'

export function CurrentKey({ onRemoved }: { onRemoved: () => void }) {
  const key = useApiKey()
  if (!key) {
    return (
      <p data-testid="current-key">
        No key saved. The dashboard uses the <strong>built-in sandbox</strong>: demo campaigns and simulated sellers,
        nothing real is bought.
      </p>
    )
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p data-testid="current-key">
        Current key:{' '}
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono dark:bg-slate-800">{maskApiKey(key)}</code>{' '}
        <span className="text-slate-700 dark:text-slate-300">
          ({isApiKeyRemembered() ? 'remembered on this device' : 'for this tab only'})
        </span>
      </p>
      <Button
        variant="danger"
        size="sm"
        onClick={() => {
          clearApiKey()
          onRemoved()
        }}
      >
        Remove key
      </Button>
    </div>
  )
}
