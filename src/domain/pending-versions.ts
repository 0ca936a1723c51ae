import type { Campaign, CampaignMediaBuy, MediaBuyPendingChange } from '../api/schemas/campaign.ts'

type Differences = NonNullable<MediaBuyPendingChange['differences']>

const liveBudget = (buy: CampaignMediaBuy) =>
  (buy.packages ?? []).filter((p) => p.status.toLowerCase() !== 'canceled').reduce((sum, p) => sum + (p.budget ?? 0), 0)

const creativeIds = (buy: CampaignMediaBuy) => buy.creativeIds ?? (buy.creatives ?? []).map((c) => c.creativeId)
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Every field a second, pending entry proposes that differs from the live one. */
function differencesOf(live: CampaignMediaBuy, pending: CampaignMediaBuy): Differences {
  const d: Differences = {}
  if (pending.endTime !== live.endTime) d.endTime = { live: live.endTime, proposed: pending.endTime }
  if (pending.packages && live.packages && liveBudget(pending) !== liveBudget(live))
    d.budget = { live: liveBudget(live), proposed: liveBudget(pending) }
  if ((pending.creativeIds !== undefined || pending.creatives) && !same(creativeIds(live), creativeIds(pending)))
    d.creatives = { live: creativeIds(live), proposed: creativeIds(pending) }
  if (pending.optimizationGoals && !same(live.optimizationGoals ?? [], pending.optimizationGoals))
    d.optimizationGoals = { live: live.optimizationGoals ?? [], proposed: pending.optimizationGoals }
  const packages = (pending.packages ?? []).flatMap((p) => {
    const was = live.packages?.find((x) => x.packageId === p.packageId)
    if (!was) return []
    const change: NonNullable<Differences['packages']>[number] = { packageId: p.packageId }
    if (p.budget != null && p.budget !== was.budget)
      change.budget = { live: was.budget ?? undefined, proposed: p.budget }
    if (p.pacing != null && p.pacing !== was.pacing)
      change.pacing = { live: was.pacing ?? undefined, proposed: p.pacing }
    if (p.bidPrice !== undefined && p.bidPrice !== was.bidPrice)
      change.bidPrice = { live: was.bidPrice ?? null, proposed: p.bidPrice ?? null }
    return Object.keys(change).length > 1 ? [change] : []
  })
  if (packages.length) d.packages = packages
  return d
}

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
        differences: differencesOf(live, pending),
      },
    })
  }
  return merged
}

/** A buy of the campaign with its pending version folded in (either wire shape). */
export function buyWithPending(buys: readonly CampaignMediaBuy[], mediaBuyId: string): CampaignMediaBuy | undefined {
  return mergePendingVersions(buys.filter((b) => b.mediaBuyId === mediaBuyId))[0]
}

/**
 * What the buy will be once its seller approves the pending change: a form opens on these, so a buyer edits the
 * proposal, not the live terms it replaces. Fields the change does not touch keep their live values.
 */
export function proposedTerms(buy: CampaignMediaBuy): CampaignMediaBuy {
  const d = buy.pendingChange?.differences
  if (!d) return buy
  const packages = buy.packages?.map((p) => {
    const change = d.packages?.find((x) => x.packageId === p.packageId)
    if (!change) return p
    return {
      ...p,
      ...(change.budget?.proposed !== undefined ? { budget: change.budget.proposed } : {}),
      ...(change.pacing?.proposed !== undefined ? { pacing: change.pacing.proposed } : {}),
      ...(change.bidPrice && 'proposed' in change.bidPrice ? { bidPrice: change.bidPrice.proposed } : {}),
    }
  })
  return {
    ...buy,
    packages,
    ...(d.optimizationGoals?.proposed ? { optimizationGoals: d.optimizationGoals.proposed } : {}),
    ...(d.creatives?.proposed ? { creativeIds: d.creatives.proposed } : {}),
    ...(d.endTime?.proposed ? { endTime: d.endTime.proposed } : {}),
  }
}
