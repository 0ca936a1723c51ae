import type { InboxEntry } from '@/api/needs-you'

/** Whether an inbox entry matches what the buyer typed: campaign, buy or seller name, or an id, in any case. */
export function entryMatches(entry: InboxEntry, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase()
  if (!needle) return true
  const haystack =
    entry.level === 'campaign'
      ? [entry.summary.name, entry.summary.campaignId]
      : [entry.campaign.name, entry.campaign.campaignId, entry.buy.name, entry.buy.mediaBuyId, entry.seller]
  return haystack.some((text) => text.toLocaleLowerCase().includes(needle))
}
