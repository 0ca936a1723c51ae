import { render } from '@testing-library/react'
import { buy } from '@/lib/testing/fixtures'
import { changeCells } from './package-cells'

describe('the pending-change row (D6)', () => {
  it('shows a goals, creatives or pacing change live → proposed, by name', () => {
    const live = buy({
      mediaBuyId: 'mb_1',
      products: [{ productId: 'prod_ros', productName: 'Run of Network Display' }],
      creatives: [{ creativeId: 'cr_1', name: 'Trail MREC', formatId: { id: 'display_300x250' } }],
      packages: [
        {
          packageId: 'pkg_1',
          status: 'active',
          budget: 500,
          pacing: 'even',
          productIds: ['prod_ros'],
          pacingPeriod: { index: 1, label: 'Phase 1' },
        },
      ],
    })
    const cells = changeCells({
      buy: live,
      currency: 'USD',
      change: {
        status: 'PENDING_APPROVAL',
        since: '2026-03-02T00:00:00Z',
        differences: {
          optimizationGoals: {
            live: [{ kind: 'metric', metric: 'clicks' }],
            proposed: [{ kind: 'metric', metric: 'completed_views' }],
          },
          creatives: { live: ['cr_1'], proposed: [] },
          packages: [{ packageId: 'pkg_1', pacing: { live: 'even', proposed: 'front_loaded' } }],
        },
      },
    })
    const { getByRole } = render(<>{cells.details}</>)
    const items = Array.from(getByRole('list', { name: 'Proposed changes' }).querySelectorAll('li')).map(
      (li) => li.textContent,
    )
    expect(items).toEqual([
      'Optimization goals: Clicks → Completed views',
      'Creatives: Trail MREC (display_300x250) → none',
      'Run of Network Display · Phase 1 pacing: Even → Front-loaded',
    ])
  })
})
