import { useQuery } from '@tanstack/react-query'
import { waitingSuggestionsQueryOptions } from '@/api/optimization-suggestions'
import { ListState } from '@/components/list-state'
import { useVisibleKeys } from '@/lib/use-visible-keys'
import { SuggestionCard } from './suggestion-card'
import { DecisionOutcomes, useDecisionOutcomes } from './decision-outcomes'

/** Needs you's "Suggestions waiting for your approval" (D12): one list request; details for what is on screen. */
export function WaitingSuggestions() {
  const list = useQuery(waitingSuggestionsQueryOptions())
  const { visible, observe } = useVisibleKeys()
  const { outcomes, record } = useDecisionOutcomes()
  const suggestions = list.data?.suggestions ?? []
  const total = list.data?.totalCount ?? 0
  return (
    <section aria-labelledby="suggestions-title" className="mb-6">
      <h2 id="suggestions-title" className="text-lg font-semibold">
        Suggestions waiting for your approval{list.data ? ` (${total.toLocaleString('en-US')})` : ''}
      </h2>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
        The optimizer proposes changes to buys that pace badly; nothing changes until you approve.
      </p>
      <DecisionOutcomes outcomes={outcomes} />
      <ListState
        query={list}
        what="suggestions"
        empty={suggestions.length === 0}
        emptyText="No suggestion waits for you."
      >
        <ul aria-labelledby="suggestions-title" className="space-y-2">
          {suggestions.map((s) => (
            <li key={s.suggestionId} ref={observe(s.suggestionId)}>
              <SuggestionCard item={s} onScreen={visible.has(s.suggestionId)} onDecided={record} />
            </li>
          ))}
        </ul>
      </ListState>
      {list.data?.hasMore ? (
        <p className="mt-2 text-xs text-slate-700 dark:text-slate-300">
          The oldest {suggestions.length} of {total}; decide on these and the rest follow.
        </p>
      ) : null}
    </section>
  )
}
