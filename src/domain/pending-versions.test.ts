import { buy } from '@/lib/testing/fixtures'
import { mergePendingVersions } from './pending-versions'

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
