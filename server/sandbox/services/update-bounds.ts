import type { UpdateCampaignBody } from '../../../src/api/schemas/update.ts'
import { validation } from '../http/errors.ts'

/**
 * A PUT names each buy at most once, and each package of a buy at most once. Every name must also exist (the entry
 * rules refuse unknown ones), so an accepted request never does more work than the campaign holds, whatever the
 * size of its body.
 */
export function checkEntryBounds(body: UpdateCampaignBody): void {
  const seenBuys = new Set<string>()
  ;(body.mediaBuys ?? []).forEach((entry, i) => {
    if (seenBuys.has(entry.mediaBuyId))
      throw validation(`Media buy ${entry.mediaBuyId} is named twice in one request`, `mediaBuys.${i}.mediaBuyId`)
    seenBuys.add(entry.mediaBuyId)
    const named: [string, readonly string[]][] = [
      ['packages', (entry.packages ?? []).map((p) => p.packageId)],
      ['packageIds', entry.packageIds ?? []],
    ]
    for (const [key, ids] of named) {
      const seen = new Set<string>()
      ids.forEach((id, j) => {
        const at = key === 'packages' ? `mediaBuys.${i}.packages.${j}.packageId` : `mediaBuys.${i}.packageIds.${j}`
        if (seen.has(id)) throw validation(`Package ${id} is named twice for one buy`, at)
        seen.add(id)
      })
    }
  })
}
