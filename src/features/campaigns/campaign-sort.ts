import type { CampaignSummary } from '@/api/schemas/campaign'
import type { CampaignSort } from './campaign-search'

export const SORT_LABELS: Record<CampaignSort, string> = {
  name: 'Name, A to Z',
  '-name': 'Name, Z to A',
  start: 'Flight start, earliest first',
  '-start': 'Flight start, latest first',
  end: 'Flight end, earliest first',
  '-end': 'Flight end, latest first',
  budget: 'Budget, smallest first',
  '-budget': 'Budget, largest first',
}

const KEYS = {
  name: (c: CampaignSummary) => c.name.toLocaleLowerCase(),
  start: (c: CampaignSummary) => c.flightDates?.startDate ?? '',
  end: (c: CampaignSummary) => c.flightDates?.endDate ?? '',
  budget: (c: CampaignSummary) => c.budget?.total ?? -1,
}

/** Sorts the rows of the page on screen (the API has no sort parameter); the API's order when unset. */
export function sortCampaigns(
  campaigns: readonly CampaignSummary[],
  sort: CampaignSort | undefined,
): CampaignSummary[] {
  if (!sort) return [...campaigns]
  const descending = sort.startsWith('-')
  const key = KEYS[(descending ? sort.slice(1) : sort) as keyof typeof KEYS]
  return [...campaigns].sort((a, b) => {
    const x = key(a)
    const y = key(b)
    const order = x < y ? -1 : x > y ? 1 : 0
    return descending ? -order : order
  })
}
