import { buy } from '@/lib/testing/fixtures'
import { buyWithPending, mergePendingVersions, proposedTerms } from './pending-versions'

describe('mergePendingVersions', () => {
  it('folds a duplicate PENDING_APPROVAL entry into the live buy as its pending change', () => {
    const merged = mergePendingVersions([
      buy({ mediaBuyId: 'mb_1', status: 'ACTIVE', endTime: '2026-03-31T00:00:00Z' }),
      buy({
        mediaBuyId: 'mb_1',
        status: 'PENDING_APPROVAL',
        endTime: '2026-03-25T00:00:00Z',
        pendingSince: '2026-03-02T00:00:00Z',
      }),
      buy({ mediaBuyId: 'mb_2', status: 'PAUSED' }),
    ])
    expect(merged).toHaveLength(2)
    expect(merged[0]).toMatchObject({
      status: 'ACTIVE',
      pendingChange: {
        status: 'PENDING_APPROVAL',
        since: '2026-03-02T00:00:00Z',
        differences: { endTime: { live: '2026-03-31T00:00:00Z', proposed: '2026-03-25T00:00:00Z' } },
      },
    })
  })
})

describe('every kind of pending difference, whichever wire shape', () => {
  const live = buy({
    mediaBuyId: 'mb_1',
    status: 'ACTIVE',
    optimizationGoals: [{ kind: 'metric', metric: 'clicks', priority: 1 }],
    creatives: [{ creativeId: 'cr_1', name: 'Banner' }],
    packages: [{ packageId: 'pkg_1', status: 'active', budget: 500, pacing: 'even' }],
  })

  it('reads goals, creatives, package pacing and budget off a second pending entry', () => {
    const [merged] = mergePendingVersions([
      live,
      {
        ...live,
        status: 'PENDING_APPROVAL',
        optimizationGoals: [{ kind: 'metric', metric: 'views', priority: 1 }],
        creativeIds: ['cr_1', 'cr_2'],
        packages: [{ packageId: 'pkg_1', status: 'active', budget: 600, pacing: 'asap' }],
      },
    ])
    expect(merged.pendingChange?.differences).toEqual({
      budget: { live: 500, proposed: 600 },
      creatives: { live: ['cr_1'], proposed: ['cr_1', 'cr_2'] },
      optimizationGoals: {
        live: [{ kind: 'metric', metric: 'clicks', priority: 1 }],
        proposed: [{ kind: 'metric', metric: 'views', priority: 1 }],
      },
      packages: [
        { packageId: 'pkg_1', budget: { live: 500, proposed: 600 }, pacing: { live: 'even', proposed: 'asap' } },
      ],
    })
  })

  it('gives a form the proposed terms, and the live ones where nothing is proposed', () => {
    const terms = proposedTerms({
      ...live,
      pendingChange: {
        status: 'PENDING_APPROVAL',
        differences: {
          optimizationGoals: { live: [], proposed: [{ kind: 'metric', metric: 'views' }] },
          packages: [{ packageId: 'pkg_1', pacing: { live: 'even', proposed: 'front_loaded' } }],
        },
      },
    })
    expect(terms.optimizationGoals).toEqual([{ kind: 'metric', metric: 'views' }])
    expect(terms.packages).toEqual([{ packageId: 'pkg_1', status: 'active', budget: 500, pacing: 'front_loaded' }])
    expect(terms.creativeIds).toBeUndefined()
  })
})

describe('what a pending version proposes, and what it leaves alone', () => {
  const pkg = (packageId: string, extra: Record<string, unknown> = {}) => ({
    packageId,
    status: 'active',
    budget: 500,
    pacing: 'even' as const,
    ...extra,
  })
  const live = buy({
    mediaBuyId: 'mb_1',
    status: 'ACTIVE',
    optimizationGoals: [{ kind: 'metric', metric: 'clicks', priority: 1 }],
    creatives: [{ creativeId: 'cr_1', name: 'Banner' }],
    packages: [pkg('pkg_1', { bidPrice: 5 }), pkg('pkg_2')],
  })
  const differencesWith = (pending: Partial<typeof live>, base = live) =>
    mergePendingVersions([base, buy({ mediaBuyId: 'mb_1', status: 'PENDING_APPROVAL', ...pending })])[0].pendingChange
      ?.differences

  it('proposes nothing when the pending version repeats the live terms', () => {
    expect(
      differencesWith({
        optimizationGoals: live.optimizationGoals,
        creativeIds: ['cr_1'],
        packages: [pkg('pkg_1', { bidPrice: 5 }), pkg('pkg_2')],
      }),
    ).toEqual({})
  })

  it('says nothing about fields the pending version leaves out', () => {
    expect(differencesWith({})).toEqual({})
    expect(
      differencesWith({
        packages: [
          pkg('pkg_1', { budget: undefined, pacing: undefined }),
          pkg('pkg_2', { budget: 1000, pacing: undefined }),
        ],
      }),
    ).toEqual({ packages: [{ packageId: 'pkg_2', budget: { live: 500, proposed: 1000 } }] })
  })

  it('leaves canceled packages out of the budget a buy spends', () => {
    expect(
      differencesWith({
        packages: [pkg('pkg_1', { bidPrice: 5 }), pkg('pkg_2'), pkg('pkg_3', { status: 'Canceled', budget: 900 })],
      }),
    ).toEqual({})
  })

  it('compares the total budget only when both versions list their packages', () => {
    const withoutPackages = { ...live, packages: undefined }
    expect(differencesWith({ packages: [pkg('pkg_1')] }, withoutPackages)).toEqual({})
  })

  it('does not list a package the live buy does not have as a change of it', () => {
    expect(differencesWith({ packages: [pkg('pkg_1', { bidPrice: 5 }), pkg('pkg_2'), pkg('pkg_9')] })).toEqual({
      budget: { live: 1000, proposed: 1500 },
    })
  })

  it('shows a changed bid price, and a removed one as null', () => {
    expect(differencesWith({ packages: [pkg('pkg_1', { bidPrice: null }), pkg('pkg_2', { bidPrice: 3 })] })).toEqual({
      packages: [
        { packageId: 'pkg_1', bidPrice: { live: 5, proposed: null } },
        { packageId: 'pkg_2', bidPrice: { live: null, proposed: 3 } },
      ],
    })
  })

  it('reads proposed creatives whether they come as ids or as creatives', () => {
    expect(differencesWith({ creativeIds: ['cr_2'] })).toEqual({ creatives: { live: ['cr_1'], proposed: ['cr_2'] } })
    expect(differencesWith({ creatives: [{ creativeId: 'cr_3', name: 'Video' }] })).toEqual({
      creatives: { live: ['cr_1'], proposed: ['cr_3'] },
    })
    expect(differencesWith({ creativeIds: ['cr_2'] }, { ...live, creatives: undefined })).toEqual({
      creatives: { live: [], proposed: ['cr_2'] },
    })
  })

  it('treats a buy without goals as having none', () => {
    const noGoals = { ...live, optimizationGoals: undefined }
    expect(differencesWith({ optimizationGoals: [] }, noGoals)).toEqual({})
    expect(differencesWith({ optimizationGoals: [{ kind: 'metric', metric: 'views' }] }, noGoals)).toEqual({
      optimizationGoals: { live: [], proposed: [{ kind: 'metric', metric: 'views' }] },
    })
  })

  it('keeps the live terms as the row, whichever entry comes first', () => {
    const [merged] = mergePendingVersions([
      buy({ mediaBuyId: 'mb_1', status: 'PENDING_APPROVAL', endTime: '2026-03-25T00:00:00Z' }),
      buy({ mediaBuyId: 'mb_1', status: 'ACTIVE', endTime: '2026-03-31T00:00:00Z' }),
    ])
    expect(merged).toMatchObject({
      status: 'ACTIVE',
      endTime: '2026-03-31T00:00:00Z',
      pendingChange: { differences: { endTime: { live: '2026-03-31T00:00:00Z', proposed: '2026-03-25T00:00:00Z' } } },
    })
  })

  it('shows a new buy awaiting approval as itself, with no pending change', () => {
    const fresh = buy({ mediaBuyId: 'mb_9', status: 'PENDING_APPROVAL' })
    expect(mergePendingVersions([fresh])).toEqual([fresh])
  })

  it('shows one row for a buy listed twice with no pending version', () => {
    const first = buy({ mediaBuyId: 'mb_1', status: 'ACTIVE', name: 'first' })
    expect(mergePendingVersions([first, buy({ mediaBuyId: 'mb_1', status: 'PAUSED' })])).toEqual([first])
  })

  it('keeps a pending change the live buy already carries', () => {
    const carried = buy({
      mediaBuyId: 'mb_1',
      status: 'ACTIVE',
      pendingChange: { status: 'PENDING_APPROVAL', differences: { endTime: { live: 'a', proposed: 'b' } } },
    })
    expect(mergePendingVersions([carried, buy({ mediaBuyId: 'mb_1', status: 'PENDING_APPROVAL' })])).toEqual([carried])
  })
})

describe('buyWithPending', () => {
  const buys = [
    buy({ mediaBuyId: 'mb_1', status: 'ACTIVE', endTime: '2026-03-31T00:00:00Z' }),
    buy({ mediaBuyId: 'mb_2', status: 'PAUSED' }),
    buy({ mediaBuyId: 'mb_1', status: 'PENDING_APPROVAL', endTime: '2026-03-25T00:00:00Z' }),
  ]

  it('finds the buy asked for, with its pending version folded in', () => {
    expect(buyWithPending(buys, 'mb_2')).toEqual(buys[1])
    expect(buyWithPending(buys, 'mb_1')).toMatchObject({
      status: 'ACTIVE',
      pendingChange: { differences: { endTime: { proposed: '2026-03-25T00:00:00Z' } } },
    })
    expect(buyWithPending(buys, 'mb_3')).toBeUndefined()
  })
})

describe('proposedTerms', () => {
  const live = buy({
    endTime: '2026-03-31T00:00:00Z',
    packages: [
      { packageId: 'pkg_1', status: 'active', budget: 500, pacing: 'even', bidPrice: 5 },
      { packageId: 'pkg_2', status: 'active', budget: 300, pacing: 'even', bidPrice: 4 },
    ],
  })
  const withChange = (differences: NonNullable<NonNullable<typeof live.pendingChange>['differences']>) =>
    proposedTerms({ ...live, pendingChange: { status: 'PENDING_APPROVAL', differences } })

  it('is the live buy when nothing is pending', () => {
    expect(proposedTerms(live)).toBe(live)
    expect(proposedTerms({ ...live, pendingChange: { status: 'PENDING_APPROVAL' } }).endTime).toBe(live.endTime)
  })

  it('takes the proposed end date and creatives, and keeps the packages when none change', () => {
    const terms = withChange({
      endTime: { live: '2026-03-31T00:00:00Z', proposed: '2026-04-30T00:00:00Z' },
      creatives: { live: ['cr_1'], proposed: ['cr_2'] },
    })
    expect(terms).toMatchObject({ endTime: '2026-04-30T00:00:00Z', creativeIds: ['cr_2'], packages: live.packages })
    expect(terms.optimizationGoals).toBe(live.optimizationGoals)
  })

  it('changes only the package the change names, with its proposed budget and bid', () => {
    const terms = withChange({
      packages: [{ packageId: 'pkg_2', budget: { live: 300, proposed: 350 }, bidPrice: { live: 4, proposed: null } }],
    })
    expect(terms.packages).toEqual([
      live.packages![0],
      { packageId: 'pkg_2', status: 'active', budget: 350, pacing: 'even', bidPrice: null },
    ])
  })

  it('opens a buy without packages on its proposed terms too', () => {
    const terms = proposedTerms({
      ...live,
      packages: undefined,
      pendingChange: {
        status: 'PENDING_APPROVAL',
        differences: { endTime: { live: '2026-03-31T00:00:00Z', proposed: '2026-04-30T00:00:00Z' } },
      },
    })
    expect(terms.endTime).toBe('2026-04-30T00:00:00Z')
    expect(terms.packages).toBeUndefined()
  })
})
