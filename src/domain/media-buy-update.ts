import type { MediaBuyAction, PackageUpdate, ProductUpdate } from '../api/schemas/update.ts'
import type { MediaBuyOptimizationGoalInput } from '../api/schemas/shared-shapes.ts'

// Builds the mediaBuys[] entries of PUT /campaigns/{id} from what the buyer edited. Only changed fields are sent:
// an unchanged budget is never re-sent (it would create a pending version on an ACTIVE buy for nothing).

export interface LineValues {
  budget?: number | null
  pacing?: string | null
  bidPrice?: number | null
}

const sameMoney = (a: number | null | undefined, b: number | null | undefined) =>
  (a == null && b == null) || (a != null && b != null && Math.round(a * 100) === Math.round(b * 100))

function changedLine<K extends string>(
  idKey: K,
  id: string,
  before: LineValues,
  after: LineValues,
): ({ [key in K]: string } & LineValues) | null {
  const out: LineValues = {}
  if (after.budget != null && !sameMoney(before.budget, after.budget)) out.budget = after.budget
  if (after.pacing != null && after.pacing !== before.pacing) out.pacing = after.pacing
  if (after.bidPrice !== undefined && !sameMoney(before.bidPrice, after.bidPrice)) out.bidPrice = after.bidPrice
  if (Object.keys(out).length === 0) return null
  return { [idKey]: id, ...out } as { [key in K]: string } & LineValues
}

export function packageChanges(
  before: readonly ({ packageId: string } & LineValues)[],
  after: readonly ({ packageId: string } & LineValues)[],
): PackageUpdate[] {
  const original = new Map(before.map((p) => [p.packageId, p]))
  return after.flatMap((p) => {
    const change = changedLine('packageId', p.packageId, original.get(p.packageId) ?? {}, p)
    return change ? [change as PackageUpdate] : []
  })
}

export function productChanges(
  before: readonly ({ productId: string } & LineValues)[],
  after: readonly ({ productId: string } & LineValues)[],
): ProductUpdate[] {
  const original = new Map(before.map((p) => [p.productId, p]))
  return after.flatMap((p) => {
    const change = changedLine('productId', p.productId, original.get(p.productId) ?? {}, p)
    return change ? [change as ProductUpdate] : []
  })
}

export type CreativeChoice = { mode: 'auto' } | { mode: 'explicit'; creativeIds: string[] } | { mode: 'none' }

export interface UpdateDraft {
  mediaBuyId: string
  packages?: PackageUpdate[]
  products?: ProductUpdate[]
  /** Undefined: goals untouched. [] clears them. */
  goals?: MediaBuyOptimizationGoalInput[]
  /** Undefined: untouched. 'auto' sends nothing (auto-sync is the default and omission restores nothing). */
  creatives?: CreativeChoice
  endTime?: string
  /** The buyer's words to the seller (D5). */
  reason?: string
}

/** One `action: update` entry, or null when nothing would change. */
export function buildUpdateEntry(draft: UpdateDraft): MediaBuyAction | null {
  const entry: MediaBuyAction = { mediaBuyId: draft.mediaBuyId }
  if (draft.packages?.length) entry.packages = draft.packages
  if (draft.products?.length) entry.products = draft.products
  if (draft.goals) entry.optimization_goals = draft.goals
  if (draft.creatives?.mode === 'explicit') entry.creative_ids = draft.creatives.creativeIds
  if (draft.creatives?.mode === 'none') entry.creative_ids = []
  if (draft.endTime) entry.end_time = draft.endTime
  const changes = Object.keys(entry).length > 1
  if (draft.reason?.trim()) entry.updated_reason = draft.reason.trim()
  // A reply alone is a change too: answering a seller's question may need no other field (D5).
  return changes || entry.updated_reason ? entry : null
}

export function buildCancelEntry(mediaBuyId: string, reason: string, packageIds?: string[]): MediaBuyAction {
  const entry: MediaBuyAction = { mediaBuyId, action: 'cancel' }
  if (reason.trim()) entry.reason = reason.trim()
  if (packageIds?.length) entry.packageIds = packageIds
  return entry
}

export function buildArchiveEntry(mediaBuyId: string): MediaBuyAction {
  return { mediaBuyId, action: 'delete' }
}
