// Attaching an advertiser include list to a campaign (CONTRACT §3.7, D9): the list reaches the packages of every active
// buy without a re-execute. A buy with no live package, or whose live packages all carry the list already, is skipped.

export interface AttachBuy {
  mediaBuyId: string
  name: string
  status: string
  /** The buy's live packages and the property lists each already carries. */
  packages: readonly { packageId: string; listIds: readonly string[] }[]
}

export interface AttachEntry {
  mediaBuyId: string
  name: string
  outcome: 'update' | 'skip'
  /** Packages the list goes to (only for `update`). */
  packageIds: string[]
  reason?: string
}

/** Only ACTIVE buys are in the cascade; the others are not counted at all. */
export function propertyListAttachPlan(listId: string, buys: readonly AttachBuy[]): AttachEntry[] {
  return buys
    .filter((b) => b.status === 'ACTIVE')
    .map((b): AttachEntry => {
      const base = { mediaBuyId: b.mediaBuyId, name: b.name }
      if (b.packages.length === 0)
        return { ...base, outcome: 'skip', packageIds: [], reason: 'It has no live packages' }
      const missing = b.packages.filter((p) => !p.listIds.includes(listId)).map((p) => p.packageId)
      if (missing.length === 0)
        return { ...base, outcome: 'skip', packageIds: [], reason: 'Every package already carries the list' }
      return { ...base, outcome: 'update', packageIds: missing }
    })
}
