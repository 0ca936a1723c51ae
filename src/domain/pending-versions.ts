import type { Campaign, CampaignMediaBuy } from '../api/schemas/campaign.ts'

/**
 * CONTRACT D6 / §10.3: a pending version arrives either as `pendingChange` on the live buy, or as a second
 * `mediaBuys[]` entry with the same id in PENDING_APPROVAL. Fold the second form into the first, so the UI shows
 * one row per buy and the roll-up counts each buy once (with its pending status).
 */
/** A campaign as the dashboard holds it: each buy once, its pending version folded in (done where it is read). */
export function foldPendingVersions(campaign: Campaign): Campaign {
  return campaign.mediaBuys ? { ...campaign, mediaBuys: mergePendingVersions(campaign.mediaBuys) } : campaign
}

export function mergePendingVersions(buys: readonly CampaignMediaBuy[]): CampaignMediaBuy[] {
  const byId = new Map<string, CampaignMediaBuy[]>()
  for (const buy of buys) byId.set(buy.mediaBuyId, [...(byId.get(buy.mediaBuyId) ?? []), buy])
  const merged: CampaignMediaBuy[] = []
  for (const versions of byId.values()) {
    if (versions.length === 1) {
      merged.push(versions[0])
      continue
    }
    const pending = versions.find((v) => v.status === 'PENDING_APPROVAL')
    const live = versions.find((v) => v !== pending) ?? versions[0]
    if (!pending || live.pendingChange) {
      merged.push(live)
      continue
    }
    merged.push({
      ...live,
      pendingChange: {
        status: pending.status,
        pendingAt: pending.pendingAt,
        since: pending.pendingSince ?? pending.updatedAt,
        differences: {
          ...(pending.endTime !== live.endTime ? { endTime: { live: live.endTime, proposed: pending.endTime } } : {}),
        },
      },
    })
  }
  return merged
}
