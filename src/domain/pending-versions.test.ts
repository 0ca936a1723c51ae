import { buy } from '@/lib/testing/fixtures'
import { mergePendingVersions, proposedTerms } from './pending-versions'

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
