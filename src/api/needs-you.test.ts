import { buy, campaign, summary } from '@/lib/testing/fixtures'
import { entryMatches, groupEntries, needsYouGroup, type InboxEntry } from './needs-you'
import type { Campaign } from './schemas/campaign'

const at = (d: number) => `2026-03-${String(d).padStart(2, '0')}T00:00:00Z`
const listed = [
  summary({ campaignId: 'cmp_new', name: 'Changed lately', updatedAt: at(9) }),
  summary({ campaignId: 'cmp_old', name: 'Waiting for ages', updatedAt: at(2) }),
  summary({ campaignId: 'cmp_mid', name: 'Somewhere between', updatedAt: at(5) }),
]
const keys = (entries: InboxEntry[]) => entries.map((e) => e.key)

describe('Needs you entries from the list calls alone', () => {
  it('lists every campaign of a group, longest unchanged first, before any campaign detail is fetched', () => {
    const entries = groupEntries(needsYouGroup('input'), listed, () => undefined)
    expect(keys(entries)).toEqual(['cmp_old:input', 'cmp_mid:input', 'cmp_new:input'])
    expect(entries.every((e) => e.level === 'campaign' && e.needsBuyer)).toBe(true)
  })

  it('splits a campaign into its waiting buys once its detail is in, without moving the other campaigns', () => {
    const mid: Campaign = campaign({
      campaignId: 'cmp_mid',
      name: 'Somewhere between',
      mediaBuys: [
        buy({
          mediaBuyId: 'mb_late',
          name: 'Asked late',
          status: 'INPUT_REQUIRED',
          pendingSince: at(4),
          agent: 'Harbor',
        }),
        buy({
          mediaBuyId: 'mb_early',
          name: 'Asked early',
          status: 'INPUT_REQUIRED',
          pendingSince: at(3),
          agent: 'Harbor',
        }),
        buy({ mediaBuyId: 'mb_live', name: 'Running', status: 'ACTIVE' }),
        buy({ mediaBuyId: 'mb_failed', name: 'Broken', status: 'FAILED' }),
      ],
    })
    const entries = groupEntries(needsYouGroup('input'), listed, (id) => (id === 'cmp_mid' ? mid : undefined))
    expect(keys(entries)).toEqual(['cmp_old:input', 'mb_early', 'mb_late', 'cmp_new:input'])
    // The failed buy belongs to the failed-or-rejected group, not to this one.
    expect(keys(groupEntries(needsYouGroup('failed'), [listed[2]], () => mid))).toEqual(['mb_failed'])
  })

  it('drops a campaign whose newer detail shows nothing left for the buyer (answered since the list was read)', () => {
    const answered = campaign({
      campaignId: 'cmp_old',
      updatedAt: at(3),
      mediaBuys: [buy({ status: 'PENDING_APPROVAL' })],
    })
    const entries = groupEntries(needsYouGroup('input'), listed, (id) => (id === 'cmp_old' ? answered : undefined))
    expect(keys(entries)).toEqual(['cmp_mid:input', 'cmp_new:input'])
  })

  it('finds an entry by campaign, buy or seller name, in any case', () => {
    const loaded = campaign({
      campaignId: 'cmp_mid',
      name: 'Somewhere between',
      mediaBuys: [
        buy({ mediaBuyId: 'mb_x', name: 'Harbor sports', status: 'INPUT_REQUIRED', agent: 'Harbor Streaming' }),
      ],
    })
    const entries = groupEntries(needsYouGroup('input'), listed, (id) => (id === 'cmp_mid' ? loaded : undefined))
    const find = (q: string) => keys(entries.filter((e) => entryMatches(e, q)))
    expect(find('ages')).toEqual(['cmp_old:input'])
    expect(find('HARBOR STREAM')).toEqual(['mb_x'])
    expect(find('sports')).toEqual(['mb_x'])
    expect(find('cmp_new')).toEqual(['cmp_new:input'])
    expect(find('nothing like it')).toEqual([])
  })
})

describe('Needs you entries when the list is newer than a cached detail', () => {
  it('keeps a campaign listed whose cached detail predates the list, so it is fetched again on screen', () => {
    // The buyer's reply moved the buy to PENDING_APPROVAL (cached), then the seller asked again (the list says so).
    const cached = campaign({
      campaignId: 'cmp_old',
      updatedAt: at(1),
      mediaBuys: [buy({ status: 'PENDING_APPROVAL' })],
    })
    const entries = groupEntries(needsYouGroup('input'), listed, (id) => (id === 'cmp_old' ? cached : undefined))
    expect(keys(entries)).toEqual(['cmp_old:input', 'cmp_mid:input', 'cmp_new:input'])
  })
})
