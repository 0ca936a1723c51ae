import { Link } from '@tanstack/react-router'

export function CampaignEmpty({ filtered }: { filtered: boolean }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
      <h2 className="text-lg font-semibold">{filtered ? 'No campaign matches these filters' : 'No campaigns yet'}</h2>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {filtered ? (
          <>
            Change the filters, or{' '}
            <Link to="/campaigns" search={{}} className="underline">
              show every active, draft and paused campaign
            </Link>
            .
          </>
        ) : (
          'Campaigns created through the buyer API appear here.'
        )}
      </p>
    </div>
  )
}
