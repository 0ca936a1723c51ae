import { buildUpdateEntry, type CreativeChoice } from './media-buy-update.ts'
import { creativeChange, creativeOptions, creativeResyncPlan, currentCreativeChoice } from './creatives.ts'

describe('creative override (CONTRACT §9.2)', () => {
  const buy = { products: [{ formatOptions: [{ format_kind: 'image' }, { format_kind: 'html5' }] }] }
  const manifests = [
    { creative_id: 'c1', name: 'Banner', format_kind: 'image' },
    { creative_id: 'c2', name: 'Spot', format_kind: 'video_hosted' },
    { creative_id: 'c3', name: 'Mystery' },
  ]

  it('offers linked creatives in an accepted format, and says why the others are disabled', () => {
    expect(creativeOptions(buy, manifests)).toEqual([
      { creativeId: 'c1', name: 'Banner', format: 'image', allowed: true },
      {
        creativeId: 'c2',
        name: 'Spot',
        format: 'video_hosted',
        allowed: false,
        reason: "video_hosted is not a format this buy's products accept (image, html5)",
      },
      { creativeId: 'c3', name: 'Mystery', format: undefined, allowed: false, reason: 'Its format is unknown' },
    ])
  })

  it('reads the current mode: absent = auto-sync, [] = none, a list = explicit', () => {
    expect(currentCreativeChoice({})).toEqual({ mode: 'auto' })
    expect(currentCreativeChoice({ creativeIds: [] })).toEqual({ mode: 'none' })
    expect(currentCreativeChoice({ creativeIds: ['c1'] })).toEqual({ mode: 'explicit', creativeIds: ['c1'] })
  })

  it('sends only a change, in each mode', () => {
    const auto: CreativeChoice = { mode: 'auto' }
    const none: CreativeChoice = { mode: 'none' }
    const list: CreativeChoice = { mode: 'explicit', creativeIds: ['c1'] }
    expect(creativeChange(auto, auto)).toBeUndefined()
    expect(creativeChange(auto, none)).toEqual(none)
    expect(creativeChange(none, none)).toBeUndefined()
    expect(creativeChange(auto, list)).toEqual(list)
    expect(creativeChange(list, { mode: 'explicit', creativeIds: ['c1'] })).toBeUndefined()
    expect(creativeChange(list, auto)).toBe('unsupported')
    // An auto-synced buy already serving exactly these creatives: choosing them changes nothing it serves.
    expect(creativeChange(auto, { mode: 'explicit', creativeIds: ['c1', 'c3'] }, ['c3', 'c1'])).toBeUndefined()
    expect(creativeChange(auto, list, ['c1', 'c3'])).toEqual(list)
    expect(buildUpdateEntry({ mediaBuyId: 'm', creatives: none })).toEqual({ mediaBuyId: 'm', creative_ids: [] })
  })
})

describe('creativeResyncPlan (D9)', () => {
  const buy = (over: Partial<Parameters<typeof creativeResyncPlan>[1][number]>) => ({
    mediaBuyId: 'mb',
    name: 'Buy',
    status: 'ACTIVE',
    formatKinds: ['image', 'html5'],
    ...over,
  })

  it('re-syncs to live buys whose products accept the format and that have no override', () => {
    const plan = creativeResyncPlan('image', [
      buy({ mediaBuyId: 'a' }),
      buy({ mediaBuyId: 'b', status: 'PAUSED' }),
      buy({ mediaBuyId: 'c', status: 'PENDING_APPROVAL', creativeIds: null }),
    ])
    expect(plan.resync.map((e) => e.mediaBuyId)).toEqual(['a', 'b', 'c'])
    expect(plan.skipped).toEqual([])
  })

  it('says why every other buy is left out', () => {
    const plan = creativeResyncPlan('image', [
      buy({ mediaBuyId: 'fmt', formatKinds: ['video_hosted'] }),
      buy({ mediaBuyId: 'none', formatKinds: [] }),
      buy({ mediaBuyId: 'explicit', creativeIds: ['cr_1'] }),
      buy({ mediaBuyId: 'empty', creativeIds: [] }),
      buy({ mediaBuyId: 'draft', status: 'DRAFT' }),
      buy({ mediaBuyId: 'done', status: 'COMPLETED' }),
      buy({ mediaBuyId: 'rej', status: 'REJECTED' }),
    ])
    expect(plan.resync).toEqual([])
    expect(Object.fromEntries(plan.skipped.map((e) => [e.mediaBuyId, e.reason]))).toEqual({
      fmt: 'Its products do not accept image (video_hosted)',
      none: 'Its products do not accept image (no formats listed)',
      explicit: 'It names its creatives explicitly (creative_ids override)',
      empty: 'It is set to carry no creatives (creative_ids override)',
      draft: 'Not sent to its seller yet: it takes the new version when executed',
      done: 'The buy is completed',
      rej: 'The buy is rejected',
    })
  })

  it('matches no buy for a manifest without a format', () => {
    const plan = creativeResyncPlan(undefined, [buy({})])
    expect(plan.skipped[0].reason).toBe('The manifest has no format, so no buy can be matched to it')
  })
})
