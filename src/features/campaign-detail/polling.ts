import type { Campaign } from '@/api/schemas/campaign'
import { effectiveBuyStatus } from '@/domain/rollup'

const IN_FLIGHT = new Set(['DRAFT', 'PENDING_APPROVAL', 'INPUT_REQUIRED'])

// CONTRACT D4: about every 15 s while a buy is in flight, about every 60 s otherwise.
// Query pauses intervals while the tab is hidden and refetches on return, as D4 asks.
export function campaignPollInterval(campaign: Campaign | undefined): number {
  const inFlight = campaign?.mediaBuys?.some((buy) => IN_FLIGHT.has(effectiveBuyStatus(buy))) ?? false
  return inFlight ? 15_000 : 60_000
}
