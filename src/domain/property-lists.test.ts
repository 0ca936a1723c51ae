import { describe, expect, it } from 'vitest'
import { propertyListAttachPlan } from './property-lists.ts'

describe('propertyListAttachPlan', () => {
  const buy = (id: string, status: string, packages: { packageId: string; listIds: string[] }[]) => ({
    mediaBuyId: id,
    name: `Buy ${id}`,
    status,
    packages,
  })

  it('updates the packages of active buys that lack the list, and skips the rest with a reason', () => {
    const plan = propertyListAttachPlan('pl_1', [
      buy('a', 'ACTIVE', [
        { packageId: 'a1', listIds: ['pl_1'] },
        { packageId: 'a2', listIds: [] },
      ]),
      buy('b', 'ACTIVE', [{ packageId: 'b1', listIds: ['pl_1', 'pl_2'] }]),
      buy('c', 'ACTIVE', []),
      buy('d', 'PAUSED', [{ packageId: 'd1', listIds: [] }]),
      buy('e', 'DRAFT', [{ packageId: 'e1', listIds: [] }]),
    ])
    expect(plan).toEqual([
      { mediaBuyId: 'a', name: 'Buy a', outcome: 'update', packageIds: ['a2'] },
      {
        mediaBuyId: 'b',
        name: 'Buy b',
        outcome: 'skip',
        packageIds: [],
        reason: 'Every package already carries the list',
      },
      { mediaBuyId: 'c', name: 'Buy c', outcome: 'skip', packageIds: [], reason: 'It has no live packages' },
    ])
  })
})
