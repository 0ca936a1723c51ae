import type { SpendSample } from '@/domain/pacing'

// The spend each tile showed at each refresh, kept for this tab's life: a stall is spend that stopped moving while
// watched. Bounded per campaign, so a wall screen left on for days does not grow.
const MAX_SAMPLES = 40
const samples = new Map<string, SpendSample[]>()

export function recordSpend(campaignId: string, at: number, spend: number): void {
  const list = samples.get(campaignId) ?? []
  if (list.length && list[list.length - 1].at === at) return
  list.push({ at, spend })
  if (list.length > MAX_SAMPLES) list.splice(0, list.length - MAX_SAMPLES)
  samples.set(campaignId, list)
}

export function spendSamples(campaignId: string): readonly SpendSample[] {
  return samples.get(campaignId) ?? []
}
