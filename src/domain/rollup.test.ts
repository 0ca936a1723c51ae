import { campaignRollUp } from './rollup.ts'

const buy = (mediaBuyId: string, status: string, agent: string, pending?: string) => ({
  mediaBuyId,
  name: `Buy ${mediaBuyId}`,
  status,
  pendingChange: pending ? { status: pending } : undefined,
  products: [{ salesAgentName: agent }],
})

describe('campaign roll-up', () => {
  it('shows the campaign status when it has no buys', () => {
    expect(campaignRollUp({ status: 'DRAFT' })).toEqual({ status: 'DRAFT', counts: [], fromBuys: false })
  })

  it('names the buy and sales agent that drive the badge, with counts most restrictive first', () => {
    const r = campaignRollUp({
      status: 'ACTIVE',
      mediaBuys: [buy('a', 'ACTIVE', 'Quick'), buy('b', 'INPUT_REQUIRED', 'Asker'), buy('c', 'ACTIVE', 'Slow')],
    })
    expect(r.status).toBe('INPUT_REQUIRED')
    expect(r.driver).toMatchObject({ mediaBuyId: 'b', salesAgentName: 'Asker' })
    expect(r.counts).toEqual([
      { status: 'INPUT_REQUIRED', count: 1 },
      { status: 'ACTIVE', count: 2 },
    ])
  })

  it('counts a pending version with its pending status (D6)', () => {
    const r = campaignRollUp({ status: 'ACTIVE', mediaBuys: [buy('a', 'ACTIVE', 'Quick', 'PENDING_APPROVAL')] })
    expect(r.status).toBe('PENDING_APPROVAL')
  })
})
