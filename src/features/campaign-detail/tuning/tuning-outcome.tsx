import clsx from 'clsx'
import type { Campaign, CampaignMediaBuy, CampaignPackage } from '@/api/schemas/campaign'
import { Button } from '@/components/ui/button'
import { dismissTuningOutcome, useTuningOutcome, type TuningOutcome } from './outcome-store'

function OutcomeBox({ outcome, compact }: { outcome: TuningOutcome; compact?: boolean }) {
  return (
    <div
      data-slot="tuning-outcome"
      className={clsx(
        'flex items-start gap-3 rounded-md border border-green-300 bg-green-50 text-sm text-green-950 dark:border-green-800 dark:bg-green-950 dark:text-green-100',
        compact ? 'px-2 py-1 text-xs' : 'mt-2 px-3 py-2',
      )}
    >
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
  )
}

/**
 * A polite status that outlives the dialog: what the platform said about the change just sent, for the campaign's
 * own actions, beside them in the header. The region is always in the page so screen readers announce the text when
 * it appears.
 */
export function TuningOutcomeStatus({ campaignId }: { campaignId: string }) {
  const outcome = useTuningOutcome(campaignId)
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="basis-full">
      {outcome ? <OutcomeBox outcome={outcome} /> : null}
    </div>
  )
}

/**
 * The same outcome for a change made from a buy's or a package's row, shown across that row where the buyer is, so
 * the page does not move to its top. The page's live region has read it out already (the row may be drawn afresh).
 */
function RowTuningOutcome({ campaignId, buyId, packageId }: { campaignId: string; buyId: string; packageId?: string }) {
  const outcome = useTuningOutcome(campaignId, { buyId, packageId })
  if (!outcome) return null
  return (
    <div role="status" aria-live="off">
      <OutcomeBox outcome={outcome} compact />
    </div>
  )
}

/** Slot: under a buy's row. */
export function BuyTuningOutcome({ campaign, buy }: { campaign: Campaign; buy: CampaignMediaBuy }) {
  return <RowTuningOutcome campaignId={campaign.campaignId} buyId={buy.mediaBuyId} />
}

/** Slot: under a package's row. */
export function PackageTuningOutcome({
  campaign,
  buy,
  pkg,
}: {
  campaign: Campaign
  buy: CampaignMediaBuy
  pkg: CampaignPackage
}) {
  return <RowTuningOutcome campaignId={campaign.campaignId} buyId={buy.mediaBuyId} packageId={pkg.packageId} />
}
