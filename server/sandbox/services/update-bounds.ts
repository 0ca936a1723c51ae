import type { UpdateCampaignBody } from '../../../src/api/schemas/update.ts'
import { validation } from '../http/errors.ts'

/**
 * A PUT names each buy at most once, and each package of a buy at most once. Every name must also exist (the entry
 * rules refuse unknown ones), so an accepted request never does more work than the campaign holds, whatever the
 * size of its body.
 */
export function checkEntryBounds(body: UpdateCampaignBody): void {
  const seenBuys = new Set<string>()
  body.mediaBuys?.forEach((entry, i) => {
    if (seenBuys.has(entry.mediaBuyId))
      throw validation(`Media buy ${entry.mediaBuyId} is named twice in one request`, `mediaBuys.${i}.mediaBuyId`)
    seenBuys.add(entry.mediaBuyId)
    const named: [(j: number) => string, readonly string[] | undefined][] = [
      [(j) => `mediaBuys.${i}.packages.${j}.packageId`, entry.packages?.map((p) => p.packageId)],
      [(j) => `mediaBuys.${i}.packageIds.${j}`, entry.packageIds],
    ]
    for (const [at, ids] of named) {
      const seen = new Set<string>()
      ids?.forEach((id, j) => {
        if (seen.has(id)) throw validation(`Package ${id} is named twice for one buy`, at(j))
        seen.add(id)
      })
    }
  })
}
