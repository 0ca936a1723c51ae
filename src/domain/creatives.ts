import type { CreativeChoice } from './media-buy-update.ts'

// CONTRACT §9.2: a per-buy creative override may only name creatives linked to the campaign whose format the buy's
// products accept. The form offers the others disabled, with the reason.

export interface CreativeOption {
  creativeId: string
  name: string
  format?: string
  allowed: boolean
  reason?: string
}

interface BuyFormats {
  products?: readonly { formatOptions?: readonly { format_kind: string }[] }[]
}

export function acceptedFormats(buy: BuyFormats): Set<string> {
  return new Set((buy.products ?? []).flatMap((p) => (p.formatOptions ?? []).map((f) => f.format_kind)))
}

export function creativeOptions(
  buy: BuyFormats,
  manifests: readonly { creative_id: string; name: string; format_kind?: string }[],
): CreativeOption[] {
  const accepted = acceptedFormats(buy)
  const list = [...accepted].join(', ')
  return manifests.map((m) => {
    const base = { creativeId: m.creative_id, name: m.name, format: m.format_kind }
    if (!m.format_kind) return { ...base, allowed: false, reason: 'Its format is unknown' }
    if (!accepted.has(m.format_kind))
      return {
        ...base,
        allowed: false,
        reason: `${m.format_kind} is not a format this buy's products accept (${list || 'none listed'})`,
      }
    return { ...base, allowed: true }
  })
}

/** What the buy uses now: no override (auto-sync), an explicit list, or explicitly none. */
export function currentCreativeChoice(buy: { creativeIds?: readonly string[] | null }): CreativeChoice {
  if (buy.creativeIds == null) return { mode: 'auto' }
  if (buy.creativeIds.length === 0) return { mode: 'none' }
  return { mode: 'explicit', creativeIds: [...buy.creativeIds] }
}

const sameSet = (a: readonly string[], b: readonly string[]) => [...a].sort().join(',') === [...b].sort().join(',')

/** Only a change is sent: choosing what the buy already has sends nothing, and neither does choosing, on an auto-synced
 * buy, exactly the creatives it already serves (`inUse`). Returning to auto-sync cannot be expressed by omission, so it
 * is reported as unsupported for a buy that has an override. */
export function creativeChange(
  before: CreativeChoice,
  after: CreativeChoice,
  inUse?: readonly string[],
): CreativeChoice | undefined | 'unsupported' {
  if (after.mode === 'auto') return before.mode === 'auto' ? undefined : 'unsupported'
  if (after.mode === before.mode) {
    if (after.mode === 'none') return undefined
    if (after.mode === 'explicit' && before.mode === 'explicit' && sameSet(after.creativeIds, before.creativeIds))
      return undefined
  }
  if (before.mode === 'auto' && after.mode === 'explicit' && inUse && sameSet(after.creativeIds, inUse))
    return undefined
  return after
}

// D9: a manifest update re-syncs to every buy whose products accept the manifest's format, unless the buy names its
// creatives explicitly (`creative_ids`). Only buys that are with their seller and not over can take the new version.

/** Buy statuses whose seller still serves the buy's creatives, so a new version is worth sending. */
const RESYNCABLE_STATUSES = new Set(['PENDING_APPROVAL', 'INPUT_REQUIRED', 'ACTIVE', 'PAUSED'])

export interface ResyncBuy {
  mediaBuyId: string
  name: string
  status: string
  /** `creative_ids` override; null or absent: auto-sync. */
  creativeIds?: readonly string[] | null
  /** Format kinds the buy's products accept. */
  formatKinds: Iterable<string>
}

export interface ResyncEntry {
  mediaBuyId: string
  name: string
  resync: boolean
  /** Why the buy is left out (only when `resync` is false). */
  reason?: string
}

export interface ResyncPlan {
  resync: ResyncEntry[]
  skipped: ResyncEntry[]
}

/** Which buys a new version of a manifest with this format kind goes to, and why the others do not get it. */
export function creativeResyncPlan(formatKind: string | undefined, buys: readonly ResyncBuy[]): ResyncPlan {
  const plan: ResyncPlan = { resync: [], skipped: [] }
  for (const buy of buys) {
    const base = { mediaBuyId: buy.mediaBuyId, name: buy.name }
    const reason = skipReason(formatKind, buy)
    if (reason) plan.skipped.push({ ...base, resync: false, reason })
    else plan.resync.push({ ...base, resync: true })
  }
  return plan
}

function skipReason(formatKind: string | undefined, buy: ResyncBuy): string | undefined {
  if (buy.status === 'DRAFT') return 'Not sent to its seller yet: it takes the new version when executed'
  if (!RESYNCABLE_STATUSES.has(buy.status)) return `The buy is ${buy.status.toLowerCase().replace(/_/g, ' ')}`
  if (buy.creativeIds != null)
    return buy.creativeIds.length === 0
      ? 'It is set to carry no creatives (creative_ids override)'
      : 'It names its creatives explicitly (creative_ids override)'
  if (!formatKind) return 'The manifest has no format, so no buy can be matched to it'
  const accepted = [...buy.formatKinds]
  if (!accepted.includes(formatKind))
    return `Its products do not accept ${formatKind} (${accepted.join(', ') || 'no formats listed'})`
  return undefined
}
