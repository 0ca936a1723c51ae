import type { Campaign } from '../api/schemas/campaign.ts'
import { campaignChanges, describeUpdate, updateOutcome } from './update-effects.ts'

const money = (n: number) => `$${n.toFixed(2)}`
const at = '2026-03-01T00:00:00Z'
const campaign = (budget = 1000, pkgBudget = 600): Campaign => ({
  campaignId: 'c', advertiserId: '1', name: 'C', status: 'ACTIVE', createdAt: at, updatedAt: at, revision: 3,
  budget: { total: budget, currency: 'USD' },
  mediaBuys: [
    { mediaBuyId: 'm1', name: 'Buy one', status: 'ACTIVE', createdAt: at, updatedAt: at, optimizationGoals: [{ kind: 'metric' }],
      packages: [{ packageId: 'p1', status: 'active', budget: pkgBudget, pacing: 'even' }, { packageId: 'p2', status: 'active', budget: 400 }] },
    { mediaBuyId: 'm2', name: 'Buy two', status: 'PAUSED', createdAt: at, updatedAt: at },
  ],
})

describe('effects shown before submit', () => {
  it('lists budgets before → after, goals replaced or cleared, creatives cleared, and the pending-approval note', () => {
    const effects = describeUpdate(campaign(), {
      mediaBuys: [{ mediaBuyId: 'm1', packages: [{ packageId: 'p1', budget: 500, pacing: 'asap' }], optimization_goals: [], creative_ids: [] }],
    }, money)
    expect(effects).toEqual([
      'p1 budget: $600.00 → $500.00',
      'p1 pacing: even → asap',
      'Clear all 1 optimization goal(s) of “Buy one”',
      'Clear every creative from “Buy one”: it will have nothing to serve',
      "“Buy one” is live: the change waits for its seller's approval, the live values stay until then",
    ])
  })

  it('names cancel, package cancel and archive', () => {
    expect(describeUpdate(campaign(), { mediaBuys: [
      { mediaBuyId: 'm1', action: 'cancel', packageIds: ['p2'] }, { mediaBuyId: 'm2', action: 'delete' }] }, money)).toEqual([
      'Cancel 1 package(s) of “Buy one”: p2',
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
    expect(campaignChanges(campaign(), after, ['m1'], money)).toEqual(['“Buy one” status: ACTIVE → PAUSED', 'p1 budget: $600.00 → $550.00'])
    expect(campaignChanges(campaign(), campaign(), ['m1'], money)).toHaveLength(1)
  })
})

describe('what the buyer is told after a successful update', () => {
  const body = { mediaBuys: [{ mediaBuyId: 'm1', packages: [{ packageId: 'p1', budget: 500 }] }, { mediaBuyId: 'm2', action: 'cancel' as const }] }

  it('passes on the server warnings, whatever their shape', () => {
    const notes = updateOutcome({ budget: { total: 900 } }, campaign(), ['Package budgets were scaled by 90.00%', { code: 'W', message: 'Flight widened' }, 7])
    expect(notes).toEqual(['Package budgets were scaled by 90.00%', 'Flight widened', '7'])
  })

  it('says which updated buys now wait on their seller (D6, both wire shapes)', () => {
    const withPending = campaign()
    withPending.mediaBuys![0] = { ...withPending.mediaBuys![0], pendingChange: { status: 'PENDING_APPROVAL', differences: { budget: { live: 1000, proposed: 900 } } } }
    expect(updateOutcome(body, withPending, [])).toEqual([
      '“Buy one” is live: the change waits for its seller\'s approval and shows as a pending change in the tree.',
    ])
    const twoEntries = campaign()
    twoEntries.mediaBuys!.push({ ...twoEntries.mediaBuys![0], status: 'PENDING_APPROVAL' })
    expect(updateOutcome(body, twoEntries, [])).toHaveLength(1)
    expect(updateOutcome(body, campaign(), [])).toEqual([])
  })
})
