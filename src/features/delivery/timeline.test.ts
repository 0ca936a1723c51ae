import { describe, expect, it } from 'vitest'
import type { BuyerAuditLog } from '@/api/schemas/audit-log'
import { historyMarkers } from './timeline'

const row = (overrides: Partial<BuyerAuditLog>): BuyerAuditLog => ({
  id: 1,
  timestamp: '2026-03-05T23:30:00Z',
  createdAt: '2026-03-05T23:30:00Z',
  action: 'UPDATE',
  resourceType: 'MEDIA_BUY',
  resourceId: 'mb_1',
  resourceName: 'Acme display',
  parentType: null,
  advertiserId: null,
  userId: null,
  userEmail: null,
  userName: null,
  serviceTokenId: null,
  serviceTokenName: null,
  actorOrigin: 'human',
  outcome: 'succeeded',
  parameters: null,
  changes: null,
  description: 'Updated',
  ...overrides,
})

describe('historyMarkers (timeline marks from History, D10)', () => {
  it('marks budget and status changes on their UTC day, by anyone, whenever they were made', () => {
    const markers = historyMarkers(
      [
        row({ changes: { 'packages[pkg_1].budget': { from: 5000, to: 7500 }, name: { from: 'a', to: 'b' } } }),
        row({
          id: 2,
          timestamp: '2026-03-02T08:00:00Z',
          actorOrigin: 'system',
          changes: { status: { from: 'PENDING_APPROVAL', to: 'ACTIVE' } },
        }),
        row({ id: 3, actorOrigin: 'autonomous', changes: { budget: { from: 100, to: 150 } } }),
      ],
      { currency: 'USD', locale: 'en-US', names: new Map([['pkg_1', 'Homepage']]) },
    )
    expect(markers).toEqual([
      { date: '2026-03-02', kind: 'status', label: 'Acme display: Status Pending approval → Active' },
      { date: '2026-03-05', kind: 'budget', label: 'Package Homepage: budget $5,000.00 → $7,500.00' },
      { date: '2026-03-05', kind: 'budget', label: 'Acme display: Budget $100.00 → $150.00 (autonomous)' },
    ])
  })

  it('leaves out attempts that were denied or failed', () => {
    const changes = { budget: { from: 1, to: 2 } }
    expect(historyMarkers([row({ outcome: 'denied', changes }), row({ outcome: 'failed', changes })], {})).toEqual([])
  })
})
