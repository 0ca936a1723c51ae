import fc from 'fast-check'
import {
  buildArchiveEntry,
  buildCancelEntry,
  buildUpdateEntry,
  packageChanges,
  productChanges,
} from './media-buy-update.ts'
import { mediaBuyActionSchema } from '../api/schemas/update.ts'

describe('mediaBuys[] payload builder', () => {
  const before = [
    { packageId: 'p1', budget: 1000, pacing: 'even', bidPrice: 4.5 },
    { packageId: 'p2', budget: 500, pacing: 'asap', bidPrice: null },
  ]

  it('sends only the fields that changed, and only the packages that changed', () => {
    const after = [
      { packageId: 'p1', budget: 1200, pacing: 'even', bidPrice: 4.5 },
      { packageId: 'p2', budget: 500, pacing: 'front_loaded', bidPrice: null },
    ]
    expect(packageChanges(before, after)).toEqual([
      { packageId: 'p1', budget: 1200 },
      { packageId: 'p2', pacing: 'front_loaded' },
    ])
  })

  it('treats amounts equal to the cent as unchanged', () => {
    expect(packageChanges(before, [{ packageId: 'p1', budget: 1000.001, pacing: 'even', bidPrice: 4.5 }])).toEqual([])
  })

  it('clears a bid price with null', () => {
    expect(productChanges([{ productId: 'x', bidPrice: 3 }], [{ productId: 'x', bidPrice: null }])).toEqual([
      { productId: 'x', bidPrice: null },
    ])
  })

  it('builds nothing when nothing changed, and a valid entry when something did', () => {
    expect(buildUpdateEntry({ mediaBuyId: 'mb_1', packages: [] })).toBeNull()
    const entry = buildUpdateEntry({
      mediaBuyId: 'mb_1',
      packages: [{ packageId: 'p1', budget: 10 }],
      reason: ' Raised as asked ',
    })
    expect(entry).toEqual({
      mediaBuyId: 'mb_1',
      packages: [{ packageId: 'p1', budget: 10 }],
      updated_reason: 'Raised as asked',
    })
    expect(mediaBuyActionSchema.safeParse(entry).success).toBe(true)
  })

  it('omits creative_ids for auto-sync, sends [] for no creatives, and the list for an override', () => {
    expect(buildUpdateEntry({ mediaBuyId: 'm', creatives: { mode: 'auto' } })).toBeNull()
    expect(buildUpdateEntry({ mediaBuyId: 'm', creatives: { mode: 'none' } })).toEqual({
      mediaBuyId: 'm',
      creative_ids: [],
    })
    expect(
      buildUpdateEntry({ mediaBuyId: 'm', creatives: { mode: 'explicit', creativeIds: ['c1'] } })?.creative_ids,
    ).toEqual(['c1'])
  })

  it('clears goals with [] and builds cancel entries with packageIds', () => {
    expect(buildUpdateEntry({ mediaBuyId: 'm', goals: [] })).toEqual({ mediaBuyId: 'm', optimization_goals: [] })
    expect(buildCancelEntry('m', 'Wrong flight', ['p2'])).toEqual({
      mediaBuyId: 'm',
      action: 'cancel',
      reason: 'Wrong flight',
      packageIds: ['p2'],
    })
  })

  it('never sends an unchanged field (property)', () => {
    const line = fc.record({
      budget: fc.option(
        fc.integer({ min: 1, max: 1e7 }).map((c) => c / 100),
        { nil: null },
      ),
      pacing: fc.constantFrom('even', 'asap', 'front_loaded'),
      bidPrice: fc.option(
        fc.integer({ min: 1, max: 1e5 }).map((c) => c / 100),
        { nil: null },
      ),
    })
    fc.assert(
      fc.property(fc.array(fc.tuple(line, line), { maxLength: 20 }), (pairs) => {
        const b = pairs.map(([x], i) => ({ packageId: `p${i}`, ...x }))
        const a = pairs.map(([, y], i) => ({ packageId: `p${i}`, ...y }))
        return packageChanges(b, a).every((change) => {
          const orig = b.find((p) => p.packageId === change.packageId)!
          return (
            (change.budget === undefined || change.budget !== orig.budget) &&
            (change.pacing === undefined || change.pacing !== orig.pacing) &&
            (change.bidPrice === undefined || change.bidPrice !== orig.bidPrice)
          )
        })
      }),
    )
  })
})

describe('only what changed is sent, line by line', () => {
  it('compares money to the cent, and sends a line only for the fields that moved', () => {
    const before = [{ packageId: 'p1', budget: 100, pacing: 'even', bidPrice: 2 }]
    expect(packageChanges(before, [{ packageId: 'p1', budget: 100.001, pacing: 'even', bidPrice: 2.004 }])).toEqual([])
    expect(packageChanges(before, [{ packageId: 'p1', budget: 100.01, pacing: 'even', bidPrice: 2 }])).toEqual([
      { packageId: 'p1', budget: 100.01 },
    ])
    expect(packageChanges(before, [{ packageId: 'p1', budget: 100, pacing: 'asap', bidPrice: 2 }])).toEqual([
      { packageId: 'p1', pacing: 'asap' },
    ])
    expect(packageChanges(before, [{ packageId: 'p1', budget: 100, pacing: 'even', bidPrice: null }])).toEqual([
      { packageId: 'p1', bidPrice: null },
    ])
    expect(productChanges([{ productId: 'a', bidPrice: null }], [{ productId: 'a', bidPrice: 3 }])).toEqual([
      { productId: 'a', bidPrice: 3 },
    ])
    expect(productChanges([{ productId: 'a', bidPrice: null }], [{ productId: 'a', bidPrice: null }])).toEqual([])
  })

  it('a cleared budget or pacing field is not a change; a new line sends what it has', () => {
    const before = [{ packageId: 'p1', budget: 100, pacing: 'even' }]
    expect(packageChanges(before, [{ packageId: 'p1', budget: null, pacing: null }])).toEqual([])
    expect(productChanges([], [{ productId: 'new', budget: 50, pacing: 'asap' }])).toEqual([
      { productId: 'new', budget: 50, pacing: 'asap' },
    ])
  })

  it('builds an entry with products and an end time, trims the reply, and sends nothing for nothing', () => {
    expect(
      buildUpdateEntry({
        mediaBuyId: 'm',
        products: [{ productId: 'a', budget: 5 }],
        endTime: '2026-12-01T00:00:00Z',
        reason: '  ok  ',
      }),
    ).toEqual({
      mediaBuyId: 'm',
      products: [{ productId: 'a', budget: 5 }],
      end_time: '2026-12-01T00:00:00Z',
      updated_reason: 'ok',
    })
    expect(buildUpdateEntry({ mediaBuyId: 'm', products: [], packages: [], reason: '   ' })).toBeNull()
    expect(buildUpdateEntry({ mediaBuyId: 'm', creatives: { mode: 'auto' } })).toBeNull()
  })

  it('a cancel carries a trimmed reason and package ids only when there are some', () => {
    expect(buildCancelEntry('m', '  ')).toEqual({ mediaBuyId: 'm', action: 'cancel' })
    expect(buildCancelEntry('m', ' late ', [])).toEqual({ mediaBuyId: 'm', action: 'cancel', reason: 'late' })
    expect(buildCancelEntry('m', 'x', ['p1'])).toEqual({
      mediaBuyId: 'm',
      action: 'cancel',
      reason: 'x',
      packageIds: ['p1'],
    })
  })
})

describe('what a bid, a reason and an archive send', () => {
  it('a bid set where there was none, or removed where there was one, is a change; none to none is not', () => {
    expect(packageChanges([{ packageId: 'p1', bidPrice: null }], [{ packageId: 'p1', bidPrice: 3 }])).toEqual([
      { packageId: 'p1', bidPrice: 3 },
    ])
    expect(packageChanges([{ packageId: 'p1', bidPrice: 3 }], [{ packageId: 'p1', bidPrice: null }])).toEqual([
      { packageId: 'p1', bidPrice: null },
    ])
    expect(packageChanges([{ packageId: 'p1', bidPrice: null }], [{ packageId: 'p1', bidPrice: null }])).toEqual([])
  })

  it("sends the buyer's reason without the spaces around it", () => {
    expect(
      buildUpdateEntry({ mediaBuyId: 'mb_1', endTime: '2026-12-31T23:59:59Z', reason: '  Holiday push  ' }),
    ).toEqual({ mediaBuyId: 'mb_1', end_time: '2026-12-31T23:59:59Z', updated_reason: 'Holiday push' })
  })

  it('archives a buy with the delete action, the only way the contract archives one', () => {
    const entry = buildArchiveEntry('mb_1')
    expect(entry).toEqual({ mediaBuyId: 'mb_1', action: 'delete' })
    expect(mediaBuyActionSchema.safeParse(entry).success).toBe(true)
  })
})
