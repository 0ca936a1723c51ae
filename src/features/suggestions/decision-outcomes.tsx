import { useCallback, useState } from 'react'
import type { DecisionOutcome } from './suggestion-card'

/** What became of each suggestion the buyer decided on here, newest first, one line per suggestion. */
export function useDecisionOutcomes() {
  const [outcomes, setOutcomes] = useState<DecisionOutcome[]>([])
  const record = useCallback(
    (o: DecisionOutcome) => setOutcomes((prev) => [o, ...prev.filter((p) => p.suggestionId !== o.suggestionId)]),
    [],
  )
  return { outcomes, record }
}

/** The outcomes, read out as they arrive; each line says in words whether the decision went through. */
export function DecisionOutcomes({ outcomes }: { outcomes: DecisionOutcome[] }) {
  return (
    <div role="status" className="space-y-1">
      {outcomes.map((o) => (
        <p
          key={o.suggestionId}
          className={
            o.tone === 'ok' ? 'text-sm text-green-800 dark:text-green-300' : 'text-sm text-red-800 dark:text-red-300'
          }
        >
          {o.text}
        </p>
      ))}
    </div>
  )
}
