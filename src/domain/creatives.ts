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
