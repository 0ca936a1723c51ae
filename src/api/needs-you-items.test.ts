import { buy, campaign } from '@/lib/testing/fixtures'
import { deriveInbox } from './needs-you-items'

const at = (d: number) => `2026-03-${String(d).padStart(2, '0')}T00:00:00Z`

describe('the Needs you inbox order', () => {
  it('lists INPUT_REQUIRED first, then FAILED and REJECTED, then creative rejections, oldest first; waiting apart', () => {
    const c = campaign({
      mediaBuys: [
        buy({
          mediaBuyId: 'rej',
          name: 'Rejected',
          status: 'REJECTED',
          pendingSince: at(2),
        }),
        buy({
          mediaBuyId: 'in-new',
          name: 'Asked late',
          status: 'INPUT_REQUIRED',
          pendingSince: at(9),
        }),
        buy({
          mediaBuyId: 'cr',
          name: 'Creative',
          status: 'ACTIVE',
          updatedAt: at(1),
          creatives: [
            {
              creativeId: 'c1',
              name: 'Spot',
              sourceSyncStatus: [
                {
                  approvalStatus: 'rejected',
                  rejectionReason: 'Audio too loud',
                },
              ],
            },
          ],
        }),
        buy({
          mediaBuyId: 'fail',
          name: 'Failed',
          status: 'FAILED',
          pendingSince: at(5),
        }),
        buy({
          mediaBuyId: 'in-old',
          name: 'Asked early',
          status: 'INPUT_REQUIRED',
          pendingSince: at(3),
        }),
        buy({
          mediaBuyId: 'pa',
          name: 'Pending',
          status: 'PENDING_APPROVAL',
          pendingSince: at(1),
        }),
        buy({
          mediaBuyId: 'pc',
          name: 'Live with change',
          status: 'ACTIVE',
          pendingChange: {
            status: 'PENDING_APPROVAL',
            since: at(4),
            differences: { budget: { live: 1, proposed: 2 } },
          },
        }),
        buy({ mediaBuyId: 'ok', name: 'Fine', status: 'ACTIVE' }),
      ],
    })
    const inbox = deriveInbox([c])
    expect(inbox.needsYou.map((i) => i.key)).toEqual(['in-old', 'in-new', 'rej', 'fail', 'cr:creatives'])
    expect(inbox.needsYou.at(-1)?.reasons).toContain('Creative “Spot” rejected: Audio too loud')
    expect(inbox.waiting.map((i) => i.key)).toEqual(['pa', 'pc'])
  })

  it('is empty for healthy campaigns', () => {
    expect(deriveInbox([campaign({ mediaBuys: [buy({ status: 'ACTIVE' })] })])).toEqual({ needsYou: [], waiting: [] })
  })
})
