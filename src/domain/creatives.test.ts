import { buildUpdateEntry, type CreativeChoice } from './media-buy-update.ts'
import {
  acceptedFormats,
  creativeChange,
  creativeOptions,
  creativeResyncPlan,
  currentCreativeChoice,
} from './creatives.ts'

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

  it('sends a different list, but not the same creatives in another order', () => {
    const list: CreativeChoice = { mode: 'explicit', creativeIds: ['c1', 'c2'] }
    const other: CreativeChoice = { mode: 'explicit', creativeIds: ['c3'] }
    expect(creativeChange(list, other)).toEqual(other)
    expect(creativeChange(list, { mode: 'explicit', creativeIds: ['c2', 'c1'] })).toBeUndefined()
    expect(creativeChange({ mode: 'auto' }, { mode: 'explicit', creativeIds: ['c3', 'c1'] }, ['c1', 'c3'])).toBe(
      undefined,
    )
  })

  it('compares with what an auto-synced buy serves only when leaving auto-sync for a list', () => {
    const none: CreativeChoice = { mode: 'none' }
    const list: CreativeChoice = { mode: 'explicit', creativeIds: ['c1'] }
    expect(creativeChange({ mode: 'auto' }, none, ['c1'])).toEqual(none)
    expect(creativeChange(none, list, ['c1'])).toEqual(list)
    expect(creativeChange({ mode: 'explicit', creativeIds: ['c2'] }, list, ['c1'])).toEqual(list)
  })

  it('accepts no format from products that list none, and says so', () => {
    expect(acceptedFormats({ products: [{}] })).toEqual(new Set())
    expect(acceptedFormats({})).toEqual(new Set())
    expect(creativeOptions({ products: [{}] }, manifests.slice(0, 1))).toEqual([
      {
        creativeId: 'c1',
        name: 'Banner',
        format: 'image',
        allowed: false,
        reason: "image is not a format this buy's products accept (none listed)",
      },
    ])
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
      buy({ mediaBuyId: 'two', formatKinds: ['video_hosted', 'audio'] }),
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
      two: 'Its products do not accept image (video_hosted, audio)',
      explicit: 'It names its creatives explicitly (creative_ids override)',
      empty: 'It is set to carry no creatives (creative_ids override)',
      draft: 'Not sent to its seller yet: it takes the new version when executed',
      done: 'The buy is completed',
      rej: 'The buy is rejected',
    })
  })

  it('marks each buy as re-synced or not, and names a status the dashboard does not know in plain words', () => {
    expect(
      creativeResyncPlan('image', [buy({ mediaBuyId: 'a' }), buy({ mediaBuyId: 'b', status: 'ON_HOLD' })]),
    ).toEqual({
      resync: [{ mediaBuyId: 'a', name: 'Buy', resync: true }],
      skipped: [{ mediaBuyId: 'b', name: 'Buy', resync: false, reason: 'The buy is on hold' }],
    })
  })

  it('matches no buy for a manifest without a format', () => {
    const plan = creativeResyncPlan(undefined, [buy({})])
    expect(plan.skipped[0].reason).toBe('The manifest has no format, so no buy can be matched to it')
  })
})
