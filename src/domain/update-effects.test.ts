import type { Campaign } from '../api/schemas/campaign.ts'
import { campaignChanges, describeUpdate, updateOutcome } from './update-effects.ts'

const money = (n: number) => `$${n.toFixed(2)}`
const at = '2026-03-01T00:00:00Z'
const campaign = (budget = 1000, pkgBudget = 600): Campaign => ({
  campaignId: 'c',
  advertiserId: '1',
  name: 'C',
  status: 'ACTIVE',
  createdAt: at,
  updatedAt: at,
  revision: 3,
  budget: { total: budget, currency: 'USD' },
  mediaBuys: [
    {
      mediaBuyId: 'm1',
      name: 'Buy one',
      status: 'ACTIVE',
      createdAt: at,
      updatedAt: at,
      optimizationGoals: [{ kind: 'metric' }],
      packages: [
        { packageId: 'p1', status: 'active', budget: pkgBudget, pacing: 'even' },
        { packageId: 'p2', status: 'active', budget: 400 },
      ],
    },
    { mediaBuyId: 'm2', name: 'Buy two', status: 'PAUSED', createdAt: at, updatedAt: at },
  ],
})

describe('effects shown before submit', () => {
  it('lists budgets before → after, goals replaced or cleared, creatives cleared, and the pending-approval note', () => {
    const effects = describeUpdate(
      campaign(),
      {
        mediaBuys: [
          {
            mediaBuyId: 'm1',
            packages: [{ packageId: 'p1', budget: 500, pacing: 'asap' }],
            optimization_goals: [],
            creative_ids: [],
          },
        ],
      },
      money,
    )
    expect(effects).toEqual([
      'p1 budget: $600.00 → $500.00',
      'p1 pacing: Even → As soon as possible',
      'Clear all 1 optimization goal(s) of “Buy one”',
      'Clear every creative from “Buy one”: it will have nothing to serve',
      "“Buy one” is live: the change waits for its seller's approval, the live values stay until then",
    ])
  })

  it('names cancel, package cancel and archive', () => {
    expect(
      describeUpdate(
        campaign(),
        {
          mediaBuys: [
            { mediaBuyId: 'm1', action: 'cancel', packageIds: ['p2'] },
            { mediaBuyId: 'm2', action: 'delete' },
          ],
        },
        money,
      ),
    ).toEqual([
      'Cancel 1 package of “Buy one”: p2',
      'Archive “Buy two”: it stops for good and is kept only for reporting',
    ])
  })

  it('shows proportionally scaled packages when the campaign budget drops below the allocation (D3)', () => {
    expect(describeUpdate(campaign(), { budget: { total: 500 } }, money)).toEqual([
      'Campaign budget: $1000.00 → $500.00',
      'p1 scaled: $600.00 → $300.00',
      'p2 scaled: $400.00 → $200.00',
    ])
  })
})

describe('conflict: what moved while the form was open', () => {
  it('names status and budget changes of the buys in the form', () => {
    const after = campaign(1000, 550)
    after.mediaBuys![0].status = 'PAUSED'
    expect(campaignChanges(campaign(), after, ['m1'], money)).toEqual([
      '“Buy one” status: Active → Paused',
      'p1 budget: $600.00 → $550.00',
    ])
    expect(campaignChanges(campaign(), campaign(), ['m1'], money)).toHaveLength(1)
  })
})

describe('what the buyer is told after a successful update', () => {
  const body = {
    mediaBuys: [
      { mediaBuyId: 'm1', packages: [{ packageId: 'p1', budget: 500 }] },
      { mediaBuyId: 'm2', action: 'cancel' as const },
    ],
  }

  it('passes on the server warnings, whatever their shape', () => {
    const notes = updateOutcome({ budget: { total: 900 } }, campaign(), [
      'Package budgets were scaled by 90.00%',
      { code: 'W', message: 'Flight widened' },
      7,
    ])
    expect(notes).toEqual(['Package budgets were scaled by 90.00%', 'Flight widened', '7'])
  })

  it('says which updated buys now wait on their seller (D6, both wire shapes)', () => {
    const withPending = campaign()
    withPending.mediaBuys![0] = {
      ...withPending.mediaBuys![0],
      pendingChange: { status: 'PENDING_APPROVAL', differences: { budget: { live: 1000, proposed: 900 } } },
    }
    expect(updateOutcome(body, withPending, [])).toEqual([
      "“Buy one” is live: the change waits for its seller's approval and shows as a pending change in the tree.",
    ])
    const twoEntries = campaign()
    twoEntries.mediaBuys!.push({ ...twoEntries.mediaBuys![0], status: 'PENDING_APPROVAL' })
    expect(updateOutcome(body, twoEntries, [])).toHaveLength(1)
    expect(updateOutcome(body, campaign(), [])).toEqual([])
  })
})

describe('effects of every kind of change, in words', () => {
  const withProducts = (): Campaign => {
    const c = campaign()
    c.mediaBuys![1] = {
      ...c.mediaBuys![1],
      status: 'DRAFT',
      products: [{ productId: 'prod_a', productName: 'Homepage', budget: 300, pacing: 'even', bidPrice: 4 }],
    }
    c.mediaBuys![0].packages![1] = { ...c.mediaBuys![0].packages![1], bidPrice: 2 }
    return c
  }

  it('names product budgets, pacing and bid prices by product name, and package bid prices', () => {
    const effects = describeUpdate(
      withProducts(),
      {
        mediaBuys: [
          {
            mediaBuyId: 'm2',
            products: [
              { productId: 'prod_a', budget: 350, pacing: 'asap', bidPrice: null },
              { productId: 'prod_new', budget: 10 },
            ],
          },
          {
            mediaBuyId: 'm1',
            packages: [
              { packageId: 'p1', bidPrice: 3 },
              { packageId: 'p2', bidPrice: null },
            ],
          },
        ],
      },
      money,
    )
    expect(effects).toEqual([
      'Homepage budget: $300.00 → $350.00',
      'Homepage pacing: Even → As soon as possible',
      'Homepage bid price: $4.00 → none',
      'prod_new budget: none → $10.00',
      'p1 bid price: none → $3.00',
      'p2 bid price: $2.00 → none',
      "“Buy one” is live: the change waits for its seller's approval, the live values stay until then",
    ])
  })

  it('names pacing that was not set, goals replaced, creatives chosen, a whole-buy cancel and an unknown buy by id', () => {
    const effects = describeUpdate(
      campaign(),
      {
        mediaBuys: [
          {
            mediaBuyId: 'm2',
            optimization_goals: [{ kind: 'metric', metric: 'clicks', priority: 1 }],
            creative_ids: ['cr_1', 'cr_2'],
          },
          { mediaBuyId: 'm1', packages: [{ packageId: 'p2', pacing: 'front_loaded' }] },
          { mediaBuyId: 'm9', action: 'cancel' },
        ],
      },
      money,
    )
    expect(effects).toEqual([
      'Replace the 0 optimization goal(s) of “Buy two” with 1',
      'Use only cr_1; cr_2 on “Buy two” (stops auto-sync)',
      'p2 pacing: not set → Front-loaded',
      "“Buy one” is live: the change waits for its seller's approval, the live values stay until then",
      'Cancel “m9” at its seller',
    ])
  })

  it('a rename of a live buy, or any change to a paused one, waits for nobody', () => {
    expect(describeUpdate(campaign(), { mediaBuys: [{ mediaBuyId: 'm1', name: 'New name' }] }, money)).toEqual([])
    expect(describeUpdate(campaign(), { mediaBuys: [{ mediaBuyId: 'm2', creative_ids: [] }] }, money)).toEqual([
      'Clear every creative from “Buy two”: it will have nothing to serve',
    ])
  })

  it('scales nothing when the budget rises or still covers the allocation, and leaves explicit amounts out of the scaled lines', () => {
    expect(describeUpdate(campaign(), { budget: { total: 2000 } }, money)).toEqual([
      'Campaign budget: $1000.00 → $2000.00',
    ])
    expect(describeUpdate(campaign(), { budget: { total: 1000 } }, money)).toEqual([
      'Campaign budget: $1000.00 → $1000.00',
    ])
    expect(
      describeUpdate(
        campaign(),
        { budget: { total: 500 }, mediaBuys: [{ mediaBuyId: 'm1', packages: [{ packageId: 'p1', budget: 300 }] }] },
        money,
      ),
    ).toEqual([
      'Campaign budget: $1000.00 → $500.00',
      'p1 budget: $600.00 → $300.00',
      "“Buy one” is live: the change waits for its seller's approval, the live values stay until then",
      'p2 scaled: $400.00 → $200.00',
    ])
  })

  it('names frequency caps replaced or removed for the whole campaign', () => {
    const cap = { max_impressions: 3, window: { interval: 1, unit: 'days' as const } }
    expect(describeUpdate(campaign(), { frequencyCaps: [cap, cap] }, money)).toEqual([
      "Replace the campaign's frequency caps with 2 cap(s), enforced across all buys",
    ])
    expect(describeUpdate(campaign(), { frequencyCaps: [] }, money)).toEqual([
      'Remove every frequency cap of the campaign (all buys)',
    ])
  })
})

describe('what moved, on every buy or the chosen ones', () => {
  it('names campaign budget and status, pending changes that came or went, and package budget and status', () => {
    const before = campaign()
    const after = campaign(1200, 600)
    after.status = 'PAUSED'
    after.mediaBuys![0] = {
      ...after.mediaBuys![0],
      pendingChange: { status: 'PENDING_APPROVAL', differences: {} },
      packages: [
        { packageId: 'p1', status: 'paused', budget: 600 },
        { packageId: 'p2', status: 'active', budget: 450 },
        { packageId: 'p3', status: 'active', budget: 1 },
      ],
    }
    expect(campaignChanges(before, after, 'all', money)).toEqual([
      'Campaign budget: $1000.00 → $1200.00',
      'Campaign status: Active → Paused',
      '“Buy one” now has a pending change',
      'p1 status: Active → Paused',
      'p2 budget: $400.00 → $450.00',
    ])
    expect(campaignChanges(after, before, ['m1'], money)).toContain('“Buy one” no longer has a pending change')
    expect(campaignChanges(before, after, ['m2', 'm9'], money)).toEqual([
      'Campaign budget: $1000.00 → $1200.00',
      'Campaign status: Active → Paused',
    ])
    expect(campaignChanges(before, campaign(), ['m2'], money)).toEqual([
      'Nothing on the buys in this form changed; other parts of the campaign did.',
    ])
  })
})

describe('notes after an update, for what was updated only', () => {
  it('drops empty warnings, spells out unknown ones, and notes neither canceled buys nor a second entry that is not pending', () => {
    expect(updateOutcome({}, campaign(), [null, undefined, { code: 'X' }, { message: 3 }])).toEqual([
      '{"code":"X"}',
      '{"message":3}',
    ])
    const canceledWithPending = campaign()
    canceledWithPending.mediaBuys![1] = {
      ...canceledWithPending.mediaBuys![1],
      pendingChange: { status: 'PENDING_APPROVAL', differences: {} },
    }
    expect(updateOutcome({ mediaBuys: [{ mediaBuyId: 'm2', action: 'cancel' }] }, canceledWithPending, [])).toEqual([])
    const twoActive = campaign()
    twoActive.mediaBuys!.push({ ...twoActive.mediaBuys![0] })
    expect(updateOutcome({ mediaBuys: [{ mediaBuyId: 'm1', name: 'x' }] }, twoActive, [])).toEqual([])
    const unknownName = campaign()
    unknownName.mediaBuys!.push(
      { mediaBuyId: 'm3', name: 'Three', status: 'PENDING_APPROVAL', createdAt: at, updatedAt: at },
      { mediaBuyId: 'm3', name: 'Three', status: 'ACTIVE', createdAt: at, updatedAt: at },
    )
    expect(updateOutcome({ mediaBuys: [{ mediaBuyId: 'm3', name: 'x' }] }, unknownName, [])).toEqual([
      "“Three” is live: the change waits for its seller's approval and shows as a pending change in the tree.",
    ])
  })
})

describe('names, not ids, in every effect line', () => {
  const named = (): Campaign => ({
    ...campaign(),
    mediaBuys: [
      {
        mediaBuyId: 'mb_1',
        name: 'Northwind display',
        status: 'ACTIVE',
        createdAt: at,
        updatedAt: at,
        products: [{ productId: 'prod_ros', productName: 'Run of Network Display' }],
        creatives: [{ creativeId: 'cr_XXZjevuPTU', name: 'Trail MREC', formatId: { id: 'display_300x250' } }],
        packages: [
          {
            packageId: 'pkg_913_1',
            status: 'active',
            budget: 500,
            pacing: 'even',
            productIds: ['prod_ros'],
            pacingPeriod: { index: 1, label: 'Phase 1' },
          },
          {
            packageId: 'pkg_913_2',
            status: 'active',
            budget: 500,
            productIds: ['prod_ros'],
            pacingPeriod: { index: 2, label: 'Phase 2' },
          },
        ],
      },
    ],
  })

  it('names packages by product and period, pacing by its label and creatives by name and format', () => {
    const effects = describeUpdate(
      named(),
      {
        mediaBuys: [
          {
            mediaBuyId: 'mb_1',
            packages: [{ packageId: 'pkg_913_1', budget: 600, pacing: 'front_loaded' }],
            creative_ids: ['cr_XXZjevuPTU', 'cr_new'],
          },
        ],
      },
      money,
      new Map([['cr_new', { name: 'Trail billboard', format: 'display_970x250' }]]),
    )
    expect(effects).toEqual([
      'Run of Network Display · Phase 1 budget: $500.00 → $600.00',
      'Run of Network Display · Phase 1 pacing: Even → Front-loaded',
      'Use only Trail MREC (display_300x250); Trail billboard (display_970x250) on “Northwind display” (stops auto-sync)',
      "“Northwind display” is live: the change waits for its seller's approval, the live values stay until then",
    ])
  })

  it('names the packages a cancel stops, and the packages a conflict moved', () => {
    expect(
      describeUpdate(
        named(),
        { mediaBuys: [{ mediaBuyId: 'mb_1', action: 'cancel', packageIds: ['pkg_913_1', 'pkg_913_2'] }] },
        money,
      ),
    ).toEqual([
      'Cancel 2 packages of “Northwind display”: Run of Network Display · Phase 1; Run of Network Display · Phase 2',
    ])
    const after = named()
    after.mediaBuys![0].packages![1] = { ...after.mediaBuys![0].packages![1], budget: 400, status: 'paused' }
    expect(campaignChanges(named(), after, ['mb_1'], money)).toEqual([
      'Run of Network Display · Phase 2 budget: $500.00 → $400.00',
      'Run of Network Display · Phase 2 status: Active → Paused',
    ])
  })
})

describe('a change on top of one already waiting for the seller (D6)', () => {
  const pending = (): Campaign => {
    const c = campaign()
    c.mediaBuys![0] = {
      ...c.mediaBuys![0],
      pendingChange: {
        status: 'PENDING_APPROVAL',
        differences: {
          optimizationGoals: { live: [{ kind: 'metric' }], proposed: [{ kind: 'metric' }, { kind: 'metric' }] },
          packages: [
            { packageId: 'p1', budget: { live: 600, proposed: 550 }, pacing: { live: 'even', proposed: 'asap' } },
            { packageId: 'p2', bidPrice: { live: null, proposed: 5 } },
          ],
        },
      },
    }
    return c
  }

  it('says the proposed value is what the change replaces, and counts the proposed goals', () => {
    const effects = describeUpdate(
      pending(),
      {
        mediaBuys: [
          {
            mediaBuyId: 'm1',
            packages: [
              { packageId: 'p1', budget: 500, pacing: 'even' },
              { packageId: 'p2', budget: 350, bidPrice: 6 },
            ],
            optimization_goals: [],
          },
        ],
      },
      money,
    )
    expect(effects).toEqual([
      'p1 budget: $550.00 (waiting for the seller) → $500.00',
      'p1 pacing: As soon as possible (waiting for the seller) → Even',
      'p2 budget: $400.00 → $350.00',
      'p2 bid price: $5.00 (waiting for the seller) → $6.00',
      'Clear all 2 optimization goal(s) of “Buy one”',
      "“Buy one” is live: the change waits for its seller's approval, the live values stay until then",
    ])
  })

  it('names the live values when the waiting change touches neither the packages nor the goals', () => {
    const c = campaign()
    c.mediaBuys![0] = {
      ...c.mediaBuys![0],
      pendingChange: { status: 'PENDING_APPROVAL', differences: { budget: { live: 1000, proposed: 900 } } },
    }
    expect(
      describeUpdate(
        c,
        { mediaBuys: [{ mediaBuyId: 'm1', packages: [{ packageId: 'p1', budget: 500 }], optimization_goals: [] }] },
        money,
      ).slice(0, 2),
    ).toEqual(['p1 budget: $600.00 → $500.00', 'Clear all 1 optimization goal(s) of “Buy one”'])
  })
})

describe('effects on what the campaign does not know yet', () => {
  it('names a buy the campaign does not hold, its packages, products, goals and creatives by id', () => {
    expect(
      describeUpdate(
        campaign(),
        {
          mediaBuys: [
            {
              mediaBuyId: 'm9',
              packages: [{ packageId: 'p9', budget: 5 }],
              products: [{ productId: 'prod_x', budget: 7 }],
              optimization_goals: [{ kind: 'metric', metric: 'clicks' }],
              creative_ids: ['cr_9'],
            },
            { mediaBuyId: 'm8', action: 'cancel', packageIds: ['p8'] },
          ],
        },
        money,
      ),
    ).toEqual([
      'p9 budget: none → $5.00',
      'prod_x budget: none → $7.00',
      'Replace the 0 optimization goal(s) of “m9” with 1',
      'Use only cr_9 on “m9” (stops auto-sync)',
      'Cancel 1 package of “m8”: p8',
    ])
  })

  it('names new packages and products of a known buy by id, with nothing set before', () => {
    const c = campaign()
    c.mediaBuys![1] = { ...c.mediaBuys![1], products: [{ productId: 'prod_a', productName: 'Homepage' }] }
    expect(
      describeUpdate(
        c,
        {
          mediaBuys: [
            { mediaBuyId: 'm1', packages: [{ packageId: 'p9', budget: 5, pacing: 'asap', bidPrice: 2 }] },
            { mediaBuyId: 'm1', products: [{ productId: 'prod_b', pacing: 'even' }] },
            { mediaBuyId: 'm2', packages: [{ packageId: 'p7', pacing: 'even' }] },
            { mediaBuyId: 'm2', products: [{ productId: 'prod_x', pacing: 'asap', bidPrice: 1 }] },
            { mediaBuyId: 'm2', action: 'cancel', packageIds: ['p6'] },
            { mediaBuyId: 'm1', action: 'cancel', packageIds: ['p5'] },
          ],
        },
        money,
      ),
    ).toEqual([
      'p9 budget: none → $5.00',
      'p9 pacing: not set → As soon as possible',
      'p9 bid price: none → $2.00',
      "“Buy one” is live: the change waits for its seller's approval, the live values stay until then",
      'prod_b pacing: not set → Even',
      'p7 pacing: not set → Even',
      'prod_x pacing: not set → As soon as possible',
      'prod_x bid price: none → $1.00',
      'Cancel 1 package of “Buy two”: p6',
      'Cancel 1 package of “Buy one”: p5',
    ])
  })

  it('says nothing of the campaign budget when the campaign has none on record', () => {
    const c = campaign()
    delete c.budget
    expect(describeUpdate(c, { budget: { total: 500 } }, money)).toEqual([])
  })

  it('names a creative without a format by its name alone, and keeps quiet about auto-sync a buy already overrides', () => {
    const c = campaign()
    c.mediaBuys![1] = {
      ...c.mediaBuys![1],
      creativeIds: ['cr_1'],
      creatives: [{ creativeId: 'cr_1', name: 'Trail MREC' }],
    }
    expect(describeUpdate(c, { mediaBuys: [{ mediaBuyId: 'm2', creative_ids: ['cr_1'] }] }, money)).toEqual([
      'Use only Trail MREC on “Buy two”',
    ])
  })
})

describe('proportional scaling is for a lower campaign budget only (D3)', () => {
  it('never scales when the budget rises or stays, even on a campaign whose packages exceed it', () => {
    const over = campaign(800)
    expect(describeUpdate(over, { budget: { total: 900 } }, money)).toEqual(['Campaign budget: $800.00 → $900.00'])
    expect(describeUpdate(over, { budget: { total: 800 } }, money)).toEqual(['Campaign budget: $800.00 → $800.00'])
  })

  it('still scales a package whose pacing alone changes in the same request', () => {
    expect(
      describeUpdate(
        campaign(),
        { budget: { total: 500 }, mediaBuys: [{ mediaBuyId: 'm2', packages: [{ packageId: 'p1', pacing: 'asap' }] }] },
        money,
      ),
    ).toEqual([
      'Campaign budget: $1000.00 → $500.00',
      'p1 pacing: not set → As soon as possible',
      'p1 scaled: $600.00 → $300.00',
      'p2 scaled: $400.00 → $200.00',
    ])
  })

  it('shows no scaled lines when the explicit amounts alone exceed the new total', () => {
    expect(
      describeUpdate(
        campaign(),
        { budget: { total: 500 }, mediaBuys: [{ mediaBuyId: 'm2', packages: [{ packageId: 'p1', budget: 600 }] }] },
        money,
      ),
    ).toEqual(['Campaign budget: $1000.00 → $500.00', 'p1 budget: none → $600.00'])
  })

  it('names each scaled package by its own buy’s product and period', () => {
    const c = campaign()
    c.mediaBuys = [
      { mediaBuyId: 'm0', name: 'Empty', status: 'PAUSED', createdAt: at, updatedAt: at },
      {
        mediaBuyId: 'm1',
        name: 'Display',
        status: 'ACTIVE',
        createdAt: at,
        updatedAt: at,
        packages: [
          { packageId: 'a1', status: 'active', budget: 300, productIds: ['Display'], pacingPeriod: { index: 1 } },
          { packageId: 'a2', status: 'active', budget: 300, productIds: ['Display'], pacingPeriod: { index: 2 } },
        ],
      },
      {
        mediaBuyId: 'm2',
        name: 'Video',
        status: 'ACTIVE',
        createdAt: at,
        updatedAt: at,
        packages: [{ packageId: 'b1', status: 'active', budget: 400, productIds: ['Video'] }],
      },
    ]
    expect(describeUpdate(c, { budget: { total: 500 } }, money)).toEqual([
      'Campaign budget: $1000.00 → $500.00',
      'Display · period 1 scaled: $300.00 → $150.00',
      'Display · period 2 scaled: $300.00 → $150.00',
      'Video scaled: $400.00 → $200.00',
    ])
  })
})

describe('what moved, when one side lacks a budget or a buy', () => {
  it('names a campaign budget that appeared or went away', () => {
    const none = campaign()
    delete none.budget
    expect(campaignChanges(none, campaign(), ['m1'], money)).toEqual(['Campaign budget: none → $1000.00'])
    expect(campaignChanges(campaign(), none, ['m1'], money)).toEqual(['Campaign budget: $1000.00 → none'])
  })

  it('skips a buy that is on one side only, and packages a buy did not have before', () => {
    const noBuys = { ...campaign(), mediaBuys: undefined }
    const nothing = 'Nothing on the buys in this form changed; other parts of the campaign did.'
    expect(campaignChanges(noBuys, campaign(), ['m1'], money)).toEqual([nothing])
    expect(campaignChanges(campaign(), noBuys, ['m1'], money)).toEqual([nothing])
    const gone = campaign()
    gone.mediaBuys = gone.mediaBuys!.slice(1)
    expect(campaignChanges(campaign(), gone, ['m1'], money)).toEqual([nothing])
    const executed = campaign()
    executed.mediaBuys![1] = {
      ...executed.mediaBuys![1],
      packages: [{ packageId: 'q1', status: 'active', budget: 10 }],
    }
    expect(campaignChanges(campaign(), executed, ['m2'], money)).toEqual([nothing])
  })
})

describe('the pending note is for the updated buy’s own pending version only', () => {
  it('ignores another buy’s pending change or pending entry, and a lone buy that is itself pending approval', () => {
    const body = { mediaBuys: [{ mediaBuyId: 'm1', name: 'x' }] }
    const otherPending = campaign()
    otherPending.mediaBuys![1] = {
      ...otherPending.mediaBuys![1],
      pendingChange: { status: 'PENDING_APPROVAL', differences: {} },
    }
    expect(updateOutcome(body, otherPending, [])).toEqual([])
    const lonePending = campaign()
    lonePending.mediaBuys![0].status = 'PENDING_APPROVAL'
    expect(updateOutcome(body, lonePending, [])).toEqual([])
    const twoLiveOneOtherPending = campaign()
    twoLiveOneOtherPending.mediaBuys!.push({ ...twoLiveOneOtherPending.mediaBuys![0] })
    twoLiveOneOtherPending.mediaBuys![1].status = 'PENDING_APPROVAL'
    expect(updateOutcome(body, twoLiveOneOtherPending, [])).toEqual([])
  })

  it('says nothing of a buy the answer does not hold', () => {
    expect(updateOutcome({ mediaBuys: [{ mediaBuyId: 'm9', name: 'x' }] }, campaign(), [])).toEqual([])
  })
})
