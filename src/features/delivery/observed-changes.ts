import type { Campaign } from '@/api/schemas/campaign'
import { effectiveBuyStatus } from '@/domain/rollup'
import type { TimelineMarker } from './timeline'
import { statusWord } from '@/domain/status'
import { createChangeSource } from '@/lib/external-store'

// Budget edits and status changes seen while the page is open. The API keeps no change history a buyer can read, so
// this tab remembers what it saw change between two polls of the campaign and marks it on the timeline.

interface Snapshot {
  budget?: number
  buys: Map<string, { name: string; status: string; budget: number }>
}

const snapshots = new Map<string, Snapshot>()
const observed = new Map<string, TimelineMarker[]>()
const NONE: readonly TimelineMarker[] = []

/** Charts redraw when a change is observed. */
export const observedChanges = createChangeSource()

const sumBudget = (b: NonNullable<Campaign['mediaBuys']>[number]) =>
  (b.packages ?? []).reduce((s, p) => s + (p.budget ?? 0), 0)

function snapshot(campaign: Campaign): Snapshot {
  const buys = new Map(
    (campaign.mediaBuys ?? []).map((b) => [
      b.mediaBuyId,
      { name: b.name, status: effectiveBuyStatus(b), budget: sumBudget(b) },
    ]),
  )
  return { budget: campaign.budget?.total, buys }
}

/** Compares the campaign with the last one seen and records what changed, dated today (UTC). */
export function observeCampaign(campaign: Campaign, at: number): void {
  const next = snapshot(campaign)
  const previous = snapshots.get(campaign.campaignId)
  snapshots.set(campaign.campaignId, next)
  if (!previous) return
  const date = new Date(at).toISOString().slice(0, 10)
  const found: TimelineMarker[] = []
  if (previous.budget !== next.budget && next.budget !== undefined)
    found.push({ date, kind: 'budget', label: `Campaign budget ${previous.budget ?? '—'} → ${next.budget}` })
  for (const [id, buy] of next.buys) {
    const before = previous.buys.get(id)
    if (!before) continue
    if (before.status !== buy.status)
      found.push({
        date,
        kind: 'status',
        label: `${buy.name}: ${statusWord(before.status)} → ${statusWord(buy.status)}`,
      })
    if (Math.abs(before.budget - buy.budget) >= 0.01)
      found.push({ date, kind: 'budget', label: `${buy.name}: budget ${before.budget} → ${buy.budget}` })
  }
  if (!found.length) return
  observed.set(campaign.campaignId, [...(observed.get(campaign.campaignId) ?? []), ...found])
  observedChanges.notify()
}

/** The same array until something new is observed, so components can read it with `useExternal`. */
export function observedMarkers(campaignId: string): readonly TimelineMarker[] {
  return observed.get(campaignId) ?? NONE
}
