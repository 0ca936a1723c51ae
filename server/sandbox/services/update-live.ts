import { openProposal } from './update-proposals.ts'
import type { Ctx } from '../context.ts'
import type { AdcpPackageUpdate } from '../agents/adcp.ts'
import type {
  CampaignRow,
  MediaBuyRow,
  PackageSlim,
  PendingPackageDifference,
  StoredPendingChange,
} from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { invalidState } from '../http/errors.ts'
import type { MediaBuyAction, PackageUpdate } from '../../../src/api/schemas/update.ts'
import { sumMoney } from '../../../src/domain/budget.ts'
import { effectiveCreatives, type CampaignGraph } from './views.ts'
import type { AgentNotice } from './update-notify.ts'

// Changes to buys that are already live at their seller: D6 pending versions and appended pacing periods.

export interface EntryScope {
  campaign: CampaignRow
  graph: CampaignGraph
  entry: MediaBuyAction
  index: number
  explicit: Map<string, number>
  closedNow: Set<string>
  canceledPackages: Set<string>
  notices: AgentNotice[]
  now: string
}

/** A package change as the buyer sent it, with the package it applies to. */
export type PackageChangeInput = PackageUpdate & { pkg: PackageSlim }

/** The change in AdCP's names. A field the buyer left out is undefined here, so the queued request (JSON) omits it. */
export function toAdcpPackage(p: PackageChangeInput): AdcpPackageUpdate {
  return {
    package_id: p.packageId,
    buyer_ref: p.packageId,
    budget: p.budget,
    pacing: p.pacing,
    bid_price: p.bidPrice,
    start_time: p.startTime,
    end_time: p.endTime,
    targeting_overlay: p.targetingOverlay,
  }
}

/** D6: an ACTIVE buy keeps running on its live terms; the proposal waits on top of it for the seller. */
export function storePending(
  ctx: Ctx,
  s: EntryScope,
  buy: MediaBuyRow,
  pkgs: PackageSlim[],
  proposal: StoredPendingChange['apply'],
): void {
  const previous = parseJson<StoredPendingChange>(buy.pending_change_json)
  const apply: StoredPendingChange['apply'] = { ...previous?.apply, ...proposal }
  if (previous?.apply.packages && proposal.packages) {
    const merged = new Map(previous.apply.packages.map((p) => [p.packageId, p]))
    for (const p of proposal.packages) merged.set(p.packageId, { ...merged.get(p.packageId), ...p })
    apply.packages = [...merged.values()]
  }
  const differences: StoredPendingChange['differences'] = {}
  const livePkgs = pkgs.filter((p) => p.status !== 'canceled')
  const liveBudget = sumMoney(livePkgs.map((p) => p.budget ?? 0))
  if (apply.packages?.some((p) => p.budget !== undefined)) {
    const proposed = sumMoney(
      livePkgs.map((p) => apply.packages!.find((x) => x.packageId === p.id)?.budget ?? p.budget ?? 0),
    )
    differences.budget = { live: liveBudget, proposed }
  }
  const liveEnd = buy.end_time ?? s.campaign.flight_end
  const proposedEnd =
    apply.endTime ??
    apply.packages
      ?.map((p) => p.endTime)
      .filter((e): e is string => !!e)
      .sort()
      .at(-1)
  if (proposedEnd) differences.endTime = { live: liveEnd, proposed: proposedEnd }
  if (apply.creativeIds !== undefined) {
    const current = effectiveCreatives(ctx, buy, s.graph.buyProducts.get(buy.id) ?? [], s.graph.creatives).map(
      (c) => c.id,
    )
    differences.creatives = { live: current, proposed: apply.creativeIds ?? [] }
  }
  if (apply.optimizationGoals !== undefined)
    differences.optimizationGoals = {
      live: parseJson<unknown[]>(buy.optimization_goals_json) ?? [],
      proposed: apply.optimizationGoals,
    }
  const packageDifferences = (apply.packages ?? []).flatMap((p) => {
    const live = pkgs.find((x) => x.id === p.packageId)
    if (!live) return []
    const d: PendingPackageDifference = { packageId: p.packageId }
    if (p.budget !== undefined && p.budget !== live.budget)
      d.budget = { live: live.budget ?? undefined, proposed: p.budget }
    if (p.pacing !== undefined && p.pacing !== live.pacing)
      d.pacing = { live: live.pacing ?? undefined, proposed: p.pacing }
    if (p.bidPrice !== undefined && p.bidPrice !== live.bid_price)
      d.bidPrice = { live: live.bid_price, proposed: p.bidPrice }
    return Object.keys(d).length > 1 ? [d] : []
  })
  if (packageDifferences.length) differences.packages = packageDifferences
  const pending: StoredPendingChange = {
    proposalId: openProposal(ctx, buy.id, previous),
    status: 'PENDING_APPROVAL',
    pendingAt: 'salesagent',
    reason: s.entry.updated_reason ?? previous?.reason,
    since: previous?.since ?? s.now,
    differences,
    apply,
  }
  ctx.store.update('media_buys', buy.id, {
    pending_change_json: JSON.stringify(pending),
    pending_change_status: 'PENDING_APPROVAL',
  })
}

export function applyBuyPacing(
  ctx: Ctx,
  s: EntryScope,
  buy: MediaBuyRow,
  productIds: string[],
  pkgs: PackageSlim[],
  field: (p: string) => string,
): void {
  const next = s.entry.pacingPeriods ?? null
  if (buy.status === 'DRAFT' || buy.status === 'PENDING_APPROVAL') {
    ctx.store.update('media_buys', buy.id, { pacing_periods_json: next === null ? null : JSON.stringify(next) })
    return
  }
  if (buy.status !== 'ACTIVE' && buy.status !== 'PAUSED')
    throw invalidState(`Pacing periods cannot change while the buy is ${buy.status}`, field('pacingPeriods'))
  type Pacing = NonNullable<typeof next>
  const current = parseJson<Pacing>(buy.pacing_periods_json) ?? parseJson<Pacing>(s.campaign.pacing_periods_json)
  if (!current || !next)
    throw invalidState('Pacing can only be appended to a buy that is already paced', field('pacingPeriods'))
  const same = (a: Pacing['periods'][number], b: Pacing['periods'][number]) =>
    a.label === b.label && a.start === b.start && a.end === b.end
  const isAppend =
    next.mode === current.mode &&
    next.periods.length > current.periods.length &&
    current.periods.every((p, i) => same(p, next.periods[i]))
  if (!isAppend)
    throw invalidState('On a live buy only a strict append of new periods is accepted', field('pacingPeriods'))
  // New periods go out as new packages (AdCP update_media_buy.new_packages); each product gets its average period budget, weighted.
  const added = next.periods.slice(current.periods.length)
  const avgWeight = current.periods.reduce((a, p) => a + (p.weight ?? 1), 0) / current.periods.length
  let position = pkgs.length
  for (const productId of productIds) {
    const own = pkgs.filter((p) => p.product_id === productId)
    const avg = own.reduce((a, p) => a + (p.budget ?? 0), 0) / Math.max(1, own.length)
    for (const period of added) {
      position++
      const budget =
        next.mode === 'budget'
          ? Math.floor(((period.budget ?? 0) / productIds.length) * 100) / 100
          : Math.floor(avg * ((period.weight ?? 1) / avgWeight) * 100) / 100
      ctx.store.insert('packages', {
        id: `pkg_${buy.id.slice(3)}_${position}`,
        media_buy_id: buy.id,
        campaign_id: buy.campaign_id,
        product_id: productId,
        status: 'active',
        budget,
        pacing: own[0]?.pacing ?? 'even',
        position,
        start_time: `${period.start}T00:00:00Z`,
        end_time: `${period.end}T23:59:59Z`,
        period_index: next.periods.indexOf(period) + 1,
        period_label: period.label,
      })
    }
  }
  ctx.store.update('media_buys', buy.id, { pacing_periods_json: JSON.stringify(next) })
}
