import { describe, expect, it } from 'vitest'
import { hasReachedSeller } from './actions'
import {
  cascadeFor,
  cascadeTarget,
  checkCampaignEdit,
  checkCascade,
  canResubmit,
  checkExecute,
  hasWorkToExecute,
} from './campaign-actions'

const NOW = Date.parse('2026-06-15T12:00:00Z')

describe('campaign actions (CONTRACT §5, §6, D9)', () => {
  it('closes only an archived campaign to edits', () => {
    for (const s of ['DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED']) expect(checkCampaignEdit(s).allowed).toBe(true)
    expect(checkCampaignEdit('ARCHIVED')).toEqual({ allowed: false, reason: 'An archived campaign cannot be changed.' })
  })

  it('pauses only an active campaign and reactivates only a paused one', () => {
    expect(cascadeFor('PAUSED')).toBe('reactivate')
    expect(cascadeFor('ACTIVE')).toBe('pause')
    expect(checkCascade('ACTIVE', 'pause').allowed).toBe(true)
    expect(checkCascade('PAUSED', 'reactivate').allowed).toBe(true)
    expect(checkCascade('PAUSED', 'pause').allowed).toBe(false)
    expect(checkCascade('ACTIVE', 'reactivate').allowed).toBe(false)
    expect(checkCascade('DRAFT', 'pause').reason).toBe('A draft campaign can be neither paused nor reactivated.')
  })

  it('pauses active buys only, and leaves the others as they are', () => {
    const end = '2026-07-01T00:00:00Z'
    expect(cascadeTarget('pause', { status: 'ACTIVE', endTime: end }, NOW)).toBe('PAUSED')
    for (const s of ['PAUSED', 'PENDING_APPROVAL', 'INPUT_REQUIRED', 'REJECTED', 'COMPLETED'])
      expect(cascadeTarget('pause', { status: s, endTime: end }, NOW)).toBeNull()
  })

  it('D9: a paused buy whose flight has ended comes back completed, even by a second', () => {
    expect(cascadeTarget('reactivate', { status: 'PAUSED', endTime: '2026-06-15T11:59:59Z' }, NOW)).toBe('COMPLETED')
    expect(cascadeTarget('reactivate', { status: 'PAUSED', endTime: '2026-06-15T12:00:00Z' }, NOW)).toBe('COMPLETED')
    expect(cascadeTarget('reactivate', { status: 'PAUSED', endTime: '2026-06-15T12:00:01Z' }, NOW)).toBe('ACTIVE')
    expect(cascadeTarget('reactivate', { status: 'ACTIVE', endTime: '2026-07-01T00:00:00Z' }, NOW)).toBeNull()
  })

  it('executes while something is left to send, never on a finished campaign', () => {
    expect(hasWorkToExecute('DRAFT', [])).toBe(true)
    expect(hasWorkToExecute('ACTIVE', ['ACTIVE', 'FAILED'])).toBe(true)
    expect(hasWorkToExecute('ACTIVE', ['ACTIVE', 'DRAFT'])).toBe(true)
    // A rejected buy is terminal: executing again makes its seller's selected products a new draft (§5).
    expect(hasWorkToExecute('ACTIVE', ['ACTIVE', 'REJECTED'])).toBe(true)
    expect(hasWorkToExecute('ACTIVE', ['ACTIVE', 'CANCELED', 'COMPLETED'])).toBe(false)
    for (const s of ['ARCHIVED', 'CANCELED', 'COMPLETED']) {
      expect(checkExecute(s).allowed).toBe(false)
      expect(hasWorkToExecute(s, ['DRAFT'])).toBe(false)
    }
  })

  it('a buy reached its seller when forwarded, or when the seller returned packages', () => {
    expect(hasReachedSeller({ forwardedAt: null, packageCount: 0 })).toBe(false)
    expect(hasReachedSeller({ forwardedAt: '2026-06-01T00:00:00Z', packageCount: 0 })).toBe(true)
    expect(hasReachedSeller({ packageCount: 2 })).toBe(true)
  })

  it('tells the buyer why a campaign cannot be paused or reactivated', () => {
    expect(checkCascade('PAUSED', 'pause')).toEqual({
      allowed: false,
      reason: 'Only an active campaign can be paused.',
    })
    expect(checkCascade('ACTIVE', 'reactivate')).toEqual({
      allowed: false,
      reason: 'Only a paused campaign can be reactivated.',
    })
    expect(checkCascade('COMPLETED', 'reactivate').reason).toBe(
      'A completed campaign can be neither paused nor reactivated.',
    )
  })

  it('tells the buyer why a finished campaign cannot be executed', () => {
    expect(checkExecute('CANCELED')).toEqual({ allowed: false, reason: 'A canceled campaign cannot be executed.' })
    expect(checkExecute('ACTIVE')).toEqual({ allowed: true })
  })

  it('offers to send a failed or rejected buy again, unless its campaign is finished', () => {
    expect(canResubmit('ACTIVE', 'FAILED')).toBe(true)
    expect(canResubmit('ACTIVE', 'REJECTED')).toBe(true)
    for (const s of ['DRAFT', 'ACTIVE', 'PAUSED', 'PENDING_APPROVAL', 'CANCELED'])
      expect(canResubmit('ACTIVE', s)).toBe(false)
    expect(canResubmit('COMPLETED', 'FAILED')).toBe(false)
    expect(canResubmit('ARCHIVED', 'REJECTED')).toBe(false)
  })
})
