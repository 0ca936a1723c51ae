import type { Campaign } from '../api/schemas/campaign.ts'
import type { UpdateCampaignBody } from '../api/schemas/update.ts'
import { liveAllocationUnits, scalePackageBudgets } from './budget.ts'
import { creativeLabel, packageName, pacingLabel } from './labels.ts'
import { buyWithPending } from './pending-versions.ts'
import { isKnownStatus, statusMeta } from './status.ts'

// What a PUT will do, in the buyer's words, computed from the same payload that is sent (expectations §8).

export type Money = (amount: number) => string

/** Creatives by id, as the campaign's manifests name them; the buys' own creatives are looked up too. */
export type CreativeNames = ReadonlyMap<string, { name: string; format?: string }>

type Buy = NonNullable<Campaign['mediaBuys']>[number]

function packageLabel(buy: Buy | undefined, packageId: string): string {
  const pkg = buy?.packages?.find((p) => p.packageId === packageId)
  return buy && pkg ? packageName(buy, pkg) : packageId
}

function creativeNamer(campaign: Campaign, names: CreativeNames | undefined) {
  const known = new Map<string, { name?: string; format?: string }>()
  for (const buy of campaign.mediaBuys ?? [])
    for (const c of [...(buy.creatives ?? []), ...(buy.packages ?? []).flatMap((p) => p.creatives ?? [])])
      known.set(c.creativeId, { name: c.name, format: c.formatId?.id })
  return (id: string) => creativeLabel(names?.get(id) ?? known.get(id) ?? {}, id)
}

export function describeUpdate(
  campaign: Campaign,
  body: UpdateCampaignBody,
  money: Money,
  creativeNames?: CreativeNames,
): string[] {
  const effects: string[] = []
  const buys = campaign.mediaBuys ?? []
  const creative = creativeNamer(campaign, creativeNames)
  const total = campaign.budget?.total
  if (body.budget?.total !== undefined && total !== undefined) {
    effects.push(`Campaign budget: ${money(total)} → ${money(body.budget.total)}`)
  }
  for (const entry of body.mediaBuys ?? []) {
    const buy = buys.find((b) => b.mediaBuyId === entry.mediaBuyId)
    const name = buy?.name ?? entry.mediaBuyId
    if (entry.action === 'delete') {
      effects.push(`Archive “${name}”: it stops for good and is kept only for reporting`)
      continue
    }
    if (entry.action === 'cancel') {
      effects.push(
        entry.packageIds
          ? `Cancel ${entry.packageIds.length === 1 ? '1 package' : `${entry.packageIds.length} packages`} of “${name}”: ${entry.packageIds.map((id) => packageLabel(buy, id)).join('; ')}`
          : `Cancel “${name}” at its seller`,
      )
      continue
    }
    // D6: a value already proposed to the seller is what this change replaces, and is named as such.
    const waiting = buy && buyWithPending(buys, buy.mediaBuyId)?.pendingChange?.differences
    for (const p of entry.packages ?? []) {
      const before = buy?.packages?.find((x) => x.packageId === p.packageId)
      const proposed = waiting?.packages?.find((x) => x.packageId === p.packageId)
      const label = packageLabel(buy, p.packageId)
      const was = <T>(pair: { proposed?: T } | undefined, live: T, show: (v: T) => string) =>
        pair?.proposed !== undefined ? `${show(pair.proposed)} (waiting for the seller)` : show(live)
      if (p.budget !== undefined)
        effects.push(
          `${label} budget: ${was(proposed?.budget, before?.budget, (v) => fmt(v, money))} → ${money(p.budget)}`,
        )
      if (p.pacing !== undefined)
        effects.push(
          `${label} pacing: ${was(proposed?.pacing, before?.pacing, pacingLabel)} → ${pacingLabel(p.pacing)}`,
        )
      if (p.bidPrice !== undefined)
        effects.push(
          `${label} bid price: ${was(proposed?.bidPrice, before?.bidPrice, (v) => fmt(v, money))} → ${fmt(p.bidPrice, money)}`,
        )
    }
    for (const p of entry.products ?? []) {
      const before = buy?.products?.find((x) => x.productId === p.productId)
      if (p.budget !== undefined)
        effects.push(`${before?.productName ?? p.productId} budget: ${fmt(before?.budget, money)} → ${money(p.budget)}`)
      if (p.pacing !== undefined)
        effects.push(
          `${before?.productName ?? p.productId} pacing: ${pacingLabel(before?.pacing)} → ${pacingLabel(p.pacing)}`,
        )
      if (p.bidPrice !== undefined)
        effects.push(
          `${before?.productName ?? p.productId} bid price: ${fmt(before?.bidPrice, money)} → ${fmt(p.bidPrice, money)}`,
        )
    }
    if (entry.optimization_goals) {
      const had = (waiting?.optimizationGoals?.proposed ?? buy?.optimizationGoals)?.length ?? 0
      effects.push(
        entry.optimization_goals.length === 0
          ? `Clear all ${had} optimization goal(s) of “${name}”`
          : `Replace the ${had} optimization goal(s) of “${name}” with ${entry.optimization_goals.length}`,
      )
    }
    if (entry.creative_ids) {
      effects.push(
        entry.creative_ids.length === 0
          ? `Clear every creative from “${name}”: it will have nothing to serve`
          : `Use only ${entry.creative_ids.map(creative).join('; ')} on “${name}”${buy?.creativeIds == null ? ' (stops auto-sync)' : ''}`,
      )
    }
    if (buy?.status === 'ACTIVE' && (entry.packages || entry.optimization_goals || entry.creative_ids))
      effects.push(`“${name}” is live: the change waits for its seller's approval, the live values stay until then`)
  }
  if (body.budget?.total !== undefined && total !== undefined && body.budget.total < total) {
    const explicit = new Map<string, number>()
    for (const e of body.mediaBuys ?? [])
      for (const p of e.packages ?? []) if (p.budget !== undefined) explicit.set(p.packageId, p.budget)
    const units = liveAllocationUnits(buys)
    const result = scalePackageBudgets({ newTotal: body.budget.total, packages: units, explicit })
    if (result.kind === 'scaled')
      for (const u of units)
        if (!explicit.has(u.packageId))
          effects.push(
            `${packageLabel(
              buys.find((b) => b.packages?.some((p) => p.packageId === u.packageId)),
              u.packageId,
            )} scaled: ${money(u.budget)} → ${money(result.budgets.get(u.packageId) ?? u.budget)}`,
          )
  }
  if (body.frequencyCaps)
    effects.push(
      body.frequencyCaps.length === 0
        ? 'Remove every frequency cap of the campaign (all buys)'
        : `Replace the campaign's frequency caps with ${body.frequencyCaps.length} cap(s), enforced across all buys`,
    )
  return effects
}

const fmt = (amount: number | null | undefined, money: Money) => (amount == null ? 'none' : money(amount))

/** What moved on the buys a form is about, between the campaign it opened on and the one now cached. */
export function campaignChanges(
  before: Campaign,
  after: Campaign,
  buyIds: readonly string[] | 'all',
  money: Money,
): string[] {
  const changes: string[] = []
  if (before.budget?.total !== after.budget?.total)
    changes.push(`Campaign budget: ${fmt(before.budget?.total, money)} → ${fmt(after.budget?.total, money)}`)
  if (before.status !== after.status)
    changes.push(`Campaign status: ${statusMeta(before.status).label} → ${statusMeta(after.status).label}`)
  const ids = buyIds === 'all' ? (after.mediaBuys ?? []).map((b) => b.mediaBuyId) : buyIds
  for (const id of ids) {
    const a = before.mediaBuys?.find((b) => b.mediaBuyId === id)
    const b = after.mediaBuys?.find((x) => x.mediaBuyId === id)
    if (!a || !b) continue
    if (a.status !== b.status)
      changes.push(`“${b.name}” status: ${statusMeta(a.status).label} → ${statusMeta(b.status).label}`)
    if (!a.pendingChange !== !b.pendingChange)
      changes.push(`“${b.name}” ${b.pendingChange ? 'now has' : 'no longer has'} a pending change`)
    for (const p of b.packages ?? []) {
      const old = a.packages?.find((x) => x.packageId === p.packageId)
      const label = packageName(b, p)
      if (old && old.budget !== p.budget)
        changes.push(`${label} budget: ${fmt(old.budget, money)} → ${fmt(p.budget, money)}`)
      if (old && old.status !== p.status)
        changes.push(`${label} status: ${packageStatusLabel(old.status)} → ${packageStatusLabel(p.status)}`)
    }
  }
  if (changes.length === 0) changes.push('Nothing on the buys in this form changed; other parts of the campaign did.')
  return changes
}

/** What the buyer should know once a PUT succeeded: the server's warnings (D3 scaling notes…) and D6 pending versions. */
export function updateOutcome(body: UpdateCampaignBody, result: Campaign, warnings: readonly unknown[]): string[] {
  const notes = warnings.flatMap((w) => {
    if (typeof w === 'string') return [w]
    if (w && typeof w === 'object' && 'message' in w && typeof w.message === 'string') return [w.message]
    return w == null ? [] : [JSON.stringify(w)]
  })
  const sent = new Set(
    (body.mediaBuys ?? []).filter((e) => (e.action ?? 'update') === 'update').map((e) => e.mediaBuyId),
  )
  const buys = result.mediaBuys ?? []
  // D6 comes in two wire shapes: a pendingChange on the live buy, or a second PENDING_APPROVAL entry with the same id.
  const waiting = (id: string) =>
    buys.some((b) => b.mediaBuyId === id && b.pendingChange) ||
    (buys.filter((b) => b.mediaBuyId === id).length > 1 &&
      buys.some((b) => b.mediaBuyId === id && b.status === 'PENDING_APPROVAL'))
  for (const id of sent) {
    const name = buys.find((b) => b.mediaBuyId === id)?.name ?? id
    if (waiting(id))
      notes.push(
        `“${name}” is live: the change waits for its seller's approval and shows as a pending change in the tree.`,
      )
  }
  return notes
}

// Packages report lowercase AdCP states; their labels are the buys' ones.
const packageStatusLabel = (status: string) =>
  isKnownStatus(status.toUpperCase()) ? statusMeta(status.toUpperCase()).label : status
