import { Button } from '@/components/ui/button'
import { campaignListRoute } from './route-api'

type Props = { nextCursor?: string | null; shown: number; total: number }

export function CampaignPagination({ nextCursor, shown, total }: Props) {
  const search = campaignListRoute.useSearch()
  const navigate = campaignListRoute.useNavigate()
  const back = search.back ?? []
  const pageNumber = back.length + 1

  const goNext = () => {
    if (!nextCursor) return
    void navigate({ search: (prev) => ({ ...prev, cursor: nextCursor, back: [...back, prev.cursor ?? ''] }) })
  }
  const goPrevious = () => {
    const previous = back.at(-1)
    void navigate({
      search: (prev) => ({
        ...prev,
        cursor: previous || undefined,
        back: back.length > 1 ? back.slice(0, -1) : undefined,
      }),
    })
  }

  if (pageNumber === 1 && !nextCursor) {
    return (
      <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
        {total === 1 ? '1 campaign' : `${total} campaigns`}
      </p>
    )
  }
  return (
    <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center gap-3">
      <Button variant="secondary" size="sm" onClick={goPrevious} disabled={pageNumber === 1}>
        Previous
      </Button>
      <span className="text-sm text-slate-700 dark:text-slate-300">
        Page {pageNumber} · {shown} of {total} campaigns
      </span>
      <Button variant="secondary" size="sm" onClick={goNext} disabled={!nextCursor}>
        Next
      </Button>
    </nav>
  )
}
