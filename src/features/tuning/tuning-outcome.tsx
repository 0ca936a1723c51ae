import { Button } from '@/components/ui/button'
import { dismissTuningOutcome, useTuningOutcome } from './outcome-store'

/**
 * A polite status that outlives the dialog: what the platform said about the change just sent. The region is always
 * in the page so screen readers announce the text when it appears.
 */
export function TuningOutcomeStatus({ campaignId }: { campaignId: string }) {
  const outcome = useTuningOutcome(campaignId)
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="basis-full">
      {outcome ? (
        <div className="mt-2 flex items-start gap-3 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-950 dark:border-green-800 dark:bg-green-950 dark:text-green-100">
          <div className="min-w-0">
            <p className="font-medium">{outcome.title}</p>
            {outcome.notes.length ? (
              <ul className="list-disc pl-5">
                {outcome.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <Button size="sm" variant="ghost" className="ml-auto" onClick={dismissTuningOutcome}>
            Dismiss
          </Button>
        </div>
      ) : null}
    </div>
  )
}
