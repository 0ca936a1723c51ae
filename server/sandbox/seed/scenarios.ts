import type { UpdateCampaignBody } from '../../../src/api/schemas/update.ts'
import type { CreativeKey } from './creatives.ts'
import { SCENARIOS_01_13 } from './scenarios-01-13.ts'
import { SCENARIOS_14_23 } from './scenarios-14-23.ts'
import { SCENARIOS_24_30 } from './scenarios-24-30.ts'

/** Lets a scripted PUT find the ids the replay created (buys per sales agent, their packages, creatives). */
export interface ScenarioLookup {
  buyOf(agentId: string): string
  packagesOf(agentId: string): { id: string; budget: number }[]
  creatives(): { id: string; kind: string }[]
  /** The campaign's flight end, shifted by whole days. */
  flightEnd(shiftDays: number): string
}

export type Step =
  | { at: number; op: 'reconcile' | 'execute' | 'pause' | 'reactivate' | 'archive' }
  | { at: number; op: 'put'; body: (find: ScenarioLookup) => UpdateCampaignBody }
  /** The buyer approves the optimizer's suggestion for one of the campaign's buys (asked for then if none waits). */
  | { at: number; op: 'approve-suggestion' }

export interface Scenario {
  /** Campaign id is cmp_1000000NN, stable across resets. */
  n: number
  name: string
  advertiser: string
  brief: string
  mode?: 'discovery' | 'performance'
  /** Days relative to "now" at seeding time (negative = past). */
  created: number
  flight: [number, number]
  budget: number
  products: [string, number][]
  paced?: boolean
  creatives: CreativeKey[]
  steps: Step[]
}

export const campaignIdOf = (n: number) => `cmp_1000000${String(n).padStart(2, '0')}`

/**
 * About thirty campaigns replayed through the real services and the simulated sellers, so every status is reached
 * the way it would be in production and delivery history accrues day by day.
 */
export const SCENARIOS: Scenario[] = [...SCENARIOS_01_13, ...SCENARIOS_14_23, ...SCENARIOS_24_30]

export const DEMO_NOTES = {
  executableDraft: campaignIdOf(3),
  executableDraftWithDraftBuys: campaignIdOf(4),
  pacedExecutableDraft: campaignIdOf(28),
  inputRequired: campaignIdOf(5),
  inputRequiredAfterReply: campaignIdOf(26),
  failingAgent: campaignIdOf(7),
  failedOnly: campaignIdOf(19),
  pendingChange: campaignIdOf(2),
  pendingApproval: campaignIdOf(8),
  rejected: campaignIdOf(6),
  paused: campaignIdOf(11),
  pausedPastFlight: campaignIdOf(23),
  canceledBuy: campaignIdOf(12),
  archivedBuy: campaignIdOf(13),
  creditLimitExceeded: campaignIdOf(14),
  noProducts: campaignIdOf(21),
  completed: campaignIdOf(10),
  multiAgentRetried: campaignIdOf(15),
  canceledPackage: campaignIdOf(22),
} as const
