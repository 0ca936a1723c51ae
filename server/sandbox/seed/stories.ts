import type { BuyerAuditLog } from '../../../src/api/schemas/audit-log.ts'
import type { Campaign, CampaignMediaBuy } from '../../../src/api/schemas/campaign.ts'
import type { NotificationSummary } from '../../../src/api/schemas/notification.ts'
import type { OptimizationSuggestionListItem } from '../../../src/api/schemas/optimization-suggestion.ts'
import { buyPacing } from '../../../src/domain/pacing-levels.ts'
import type { PacingVerdict } from '../../../src/domain/pacing.ts'
import { campaignIdOf, SCENARIOS } from './scenarios.ts'

/**
 * What a buyer meets in the demo account from the first start, one campaign each. The README's first-screen section
 * names every one (tests/demo-stories.test.ts checks it), and each must still be there after half an hour of the
 * auto clock, while the sellers approve and deliver. A new story is one entry here (and, when no campaign tells it
 * yet, a scenario in scenarios.ts).
 */
export interface DemoStory {
  /** Scenario number of the campaign that tells it (scenarios.ts). */
  campaign: number
  /** What the buyer sees, in the README's words. */
  what: string
  /** True while the campaign, as GET /campaigns/{id} returns it, still tells the story. */
  holds(campaign: Campaign, now: Date, activity: StoryActivity): boolean
}

/** What the campaign's History, suggestions and unread notifications hold (one list call each). */
export interface StoryActivity {
  history: BuyerAuditLog[]
  suggestions: OptimizationSuggestionListItem[]
  unread: NotificationSummary[]
}

const buys = (c: Campaign): CampaignMediaBuy[] => c.mediaBuys ?? []
const at = (c: Campaign, seller: string) => buys(c).find((b) => b.name.endsWith(` · ${seller}`))
const paced = (verdict: PacingVerdict) => (c: Campaign, now: Date) =>
  buys(c).some((b) => buyPacing(c, b, now)?.verdict === verdict)

export const DEMO_STORIES = {
  partialFailure: {
    campaign: 4,
    what: 'a draft whose execute partly fails: one seller refuses a correctable error, another fails for a moment',
    holds: (c) =>
      c.status === 'DRAFT' &&
      at(c, 'Meridian Premium Direct')?.status === 'DRAFT' &&
      at(c, 'Cobalt Social')?.status === 'DRAFT' &&
      at(c, 'Northwind Exchange')?.status === 'DRAFT',
  },
  inputRequired: {
    campaign: 5,
    what: 'a seller asking a question (INPUT_REQUIRED)',
    holds: (c) => buys(c).some((b) => b.status === 'INPUT_REQUIRED' && !!b.sourceMessage),
  },
  rejected: {
    campaign: 6,
    what: "a buy the seller rejected, with the seller's reason",
    holds: (c) => buys(c).some((b) => b.status === 'REJECTED' && !!b.sourceMessage),
  },
  pendingChange: {
    campaign: 2,
    what: 'a change waiting for the seller (live → proposed)',
    holds: (c) => buys(c).some((b) => b.status === 'ACTIVE' && !!b.pendingChange),
  },
  underpacing: {
    campaign: 16,
    what: 'an underpacing buy',
    holds: paced('underpacing'),
  },
  overpacing: {
    campaign: 25,
    what: 'an overpacing buy',
    holds: paced('overpacing'),
  },
  historyByPersonAndAgent: {
    campaign: 12,
    what: "History with the buyer's own changes beside the optimizer's, approved as the agent",
    holds: (_c, _now, a) =>
      a.history.some((l) => l.actorOrigin === 'human') && a.history.some((l) => l.actorOrigin === 'agent'),
  },
  suggestionWaiting: {
    campaign: 2,
    what: 'optimization suggestions waiting for approval',
    holds: (_c, _now, a) => a.suggestions.some((s) => s.status === 'HIL_WAITING'),
  },
  unreadNotification: {
    campaign: 29,
    what: 'unread notifications in the bell (a seller rejecting a buy)',
    holds: (_c, _now, a) => a.unread.some((n) => n.type === 'media_buy.source_rejected'),
  },
} satisfies Record<string, DemoStory>

export type DemoStoryKey = keyof typeof DEMO_STORIES

export const storyCampaignId = (key: DemoStoryKey) => campaignIdOf(DEMO_STORIES[key].campaign)

export function storyCampaignName(key: DemoStoryKey): string {
  const scenario = SCENARIOS.find((s) => s.n === DEMO_STORIES[key].campaign)
  if (!scenario) throw new Error(`demo story ${key}: no scenario ${DEMO_STORIES[key].campaign}`)
  return scenario.name
}
