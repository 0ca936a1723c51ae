import { useDeferredValue, useId, useMemo, useState } from 'react'
import { JsonNode } from './json-node'
import { searchPaths } from './json-text'
import { maskSecrets } from './mask'

/**
 * Collapsible, searchable view of arbitrary JSON (e.g. protocol traffic). The value is masked first, so what is shown
 * and every copy taken from it is free of secrets; searching opens the branches that match and highlights them.
 */
export function JsonTree({ value, label }: { value: unknown; label: string }) {
  const safe = useMemo(() => maskSecrets(value), [value])
  const [query, setQuery] = useState('')
  const deferred = useDeferredValue(query)
  const found = useMemo(() => searchPaths(safe, deferred), [safe, deferred])
  const inputId = useId()
  return (
    <div className="min-w-0 rounded-md border border-slate-200 p-2 dark:border-slate-700" data-json-tree>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <label htmlFor={inputId} className="text-sm">
          Search {label}
        </label>
        <input
          id={inputId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="h-8 min-w-40 flex-1 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-950"
        />
        {deferred.trim() ? (
          <span role="status" className="text-sm text-slate-700 dark:text-slate-300">
            {found.matches === 0
              ? 'No matches'
              : `${found.matches}${found.capped ? '+' : ''} ${found.matches === 1 ? 'match' : 'matches'}`}
          </span>
        ) : null}
      </div>
      <ul aria-label={label} className="max-h-[32rem] overflow-auto font-mono text-xs">
        <JsonNode key={deferred} name={undefined} value={safe} path={[]} ctx={{ query: deferred, open: found.open }} />
      </ul>
    </div>
  )
}
