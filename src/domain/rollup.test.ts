import { campaignRollUp, effectivePackageStatus } from './rollup.ts'

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

  it('names the first buy listed when several share the most restrictive status', () => {
    const r = campaignRollUp({
      status: 'ACTIVE',
      mediaBuys: [buy('a', 'PAUSED', 'First'), buy('b', 'PAUSED', 'Second'), buy('c', 'ACTIVE', 'Third')],
    })
    expect(r).toMatchObject({ status: 'PAUSED', fromBuys: true, driver: { mediaBuyId: 'a', salesAgentName: 'First' } })
  })

  it('names no sales agent when the driving buy does not say who sells it', () => {
    const noAgent = { mediaBuyId: 'a', name: 'Buy a', status: 'ACTIVE', products: [{}] }
    expect(campaignRollUp({ status: 'ACTIVE', mediaBuys: [noAgent] }).driver).toEqual({
      mediaBuyId: 'a',
      name: 'Buy a',
      salesAgentName: undefined,
      status: 'ACTIVE',
    })
    const noProducts = { mediaBuyId: 'b', name: 'Buy b', status: 'DRAFT' }
    expect(campaignRollUp({ status: 'ACTIVE', mediaBuys: [noProducts] }).driver?.salesAgentName).toBeUndefined()
  })

  it('counts a pending version with its pending status (D6)', () => {
    const r = campaignRollUp({ status: 'ACTIVE', mediaBuys: [buy('a', 'ACTIVE', 'Quick', 'PENDING_APPROVAL')] })
    expect(r.status).toBe('PENDING_APPROVAL')
  })
})

describe('a package is only as live as its buy', () => {
  it('shows its own state under an active buy', () => {
    expect(effectivePackageStatus('ACTIVE', 'active')).toBe('ACTIVE')
    expect(effectivePackageStatus('ACTIVE', 'paused')).toBe('PAUSED')
    expect(effectivePackageStatus('ACTIVE', 'pending_creatives')).toBe('pending_creatives')
  })
  it('shows the buy’s status under a rejected, failed or completed buy, never Active', () => {
    expect(effectivePackageStatus('REJECTED', 'active')).toBe('REJECTED')
    expect(effectivePackageStatus('FAILED', 'active')).toBe('FAILED')
    expect(effectivePackageStatus('COMPLETED', 'paused')).toBe('COMPLETED')
  })
  it('takes the buy’s status when the buy is not live yet or paused, but a paused package stays paused', () => {
    expect(effectivePackageStatus('PENDING_APPROVAL', 'active')).toBe('PENDING_APPROVAL')
    expect(effectivePackageStatus('PAUSED', 'active')).toBe('PAUSED')
    expect(effectivePackageStatus('INPUT_REQUIRED', 'paused')).toBe('PAUSED')
  })
  it('keeps a canceled package canceled', () => {
    expect(effectivePackageStatus('REJECTED', 'canceled')).toBe('CANCELED')
  })
})
