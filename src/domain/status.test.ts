import {
  moreRestrictive,
  rollUpStatus,
  STATUS_META,
  STATUS_ORDER,
  statusMeta,
  statusRank,
  statusWord,
} from './status.ts'
import { MEDIA_BUY_STATUSES } from '../api/schemas/common.ts'

const D1 =
  'FAILED > REJECTED > INPUT_REQUIRED > PENDING_APPROVAL > DRAFT > PAUSED > ACTIVE > COMPLETED > CANCELED > ARCHIVED'

describe('most-restrictive order (CONTRACT D1)', () => {
  it('is written exactly as the contract fixes it', () => {
    expect(STATUS_ORDER.join(' > ')).toBe(D1)
  })

  it('covers every media-buy status of the API once', () => {
    expect([...STATUS_ORDER].sort()).toEqual([...MEDIA_BUY_STATUSES].sort())
  })

  // Every ordered pair: the status earlier in D1 wins, whichever side it is on.
  const order = D1.split(' > ')
  for (const [i, a] of order.entries()) {
    for (const b of order.slice(i + 1)) {
      it(`${a} wins over ${b}`, () => {
        expect(moreRestrictive(a, b)).toBe(a)
        expect(moreRestrictive(b, a)).toBe(a)
        expect(rollUpStatus([b, a, b])).toBe(a)
      })
    }
  }

  it("surfaces the brief's example: ACTIVE + PENDING_APPROVAL → PENDING_APPROVAL", () => {
    expect(rollUpStatus(['ACTIVE', 'PENDING_APPROVAL'])).toBe('PENDING_APPROVAL')
  })

  it('never lets a finished buy hide a live one, and shows ARCHIVED only when all are archived', () => {
    expect(rollUpStatus(['ACTIVE', 'CANCELED'])).toBe('ACTIVE')
    expect(rollUpStatus(['ARCHIVED', 'COMPLETED'])).toBe('COMPLETED')
    expect(rollUpStatus(['ARCHIVED', 'ARCHIVED'])).toBe('ARCHIVED')
  })

  it('between two statuses of the same rank keeps the first one seen', () => {
    expect(moreRestrictive('ON_HOLD', 'UNDER_REVIEW')).toBe('ON_HOLD')
    expect(rollUpStatus(['UNDER_REVIEW', 'ON_HOLD', 'ACTIVE'])).toBe('UNDER_REVIEW')
  })

  it('ranks an unknown status just below INPUT_REQUIRED and keeps it verbatim', () => {
    expect(statusRank('ON_HOLD')).toBeGreaterThan(statusRank('INPUT_REQUIRED'))
    expect(statusRank('ON_HOLD')).toBeLessThan(statusRank('PENDING_APPROVAL'))
    expect(rollUpStatus(['ACTIVE', 'ON_HOLD', 'PENDING_APPROVAL'])).toBe('ON_HOLD')
    expect(rollUpStatus(['ON_HOLD', 'INPUT_REQUIRED'])).toBe('INPUT_REQUIRED')
    expect(statusMeta('ON_HOLD')).toEqual({
      label: 'ON_HOLD',
      tone: 'unknown',
      icon: 'question',
      meaning: 'A status this dashboard does not know yet',
    })
  })

  it('has no status for no buys', () => {
    expect(rollUpStatus([])).toBeUndefined()
  })
})

describe('status labels and colours (CONTRACT D2)', () => {
  it('labels each status as the contract does', () => {
    expect(MEDIA_BUY_STATUSES.map((s) => STATUS_META[s].label)).toEqual([
      'Draft',
      'Pending approval',
      'Input required',
      'Active',
      'Paused',
      'Completed',
      'Canceled',
      'Failed',
      'Rejected',
      'Archived',
    ])
  })

  it('uses the contract colour families', () => {
    const tone = (s: (typeof MEDIA_BUY_STATUSES)[number]) => STATUS_META[s].tone
    expect([tone('FAILED'), tone('REJECTED')]).toEqual(['red', 'red'])
    expect(tone('INPUT_REQUIRED')).toBe('amber')
    expect(tone('PENDING_APPROVAL')).toBe('blue')
    expect(tone('ACTIVE')).toBe('green')
    expect(['DRAFT', 'PAUSED', 'CANCELED', 'ARCHIVED'].map((s) => tone(s as 'DRAFT'))).toEqual([
      'grey',
      'grey',
      'grey',
      'grey',
    ])
    expect(tone('COMPLETED')).toBe('teal')
  })

  it('gives every status its own icon so colour is never the only signal', () => {
    const icons = MEDIA_BUY_STATUSES.map((s) => STATUS_META[s].icon)
    expect(new Set(icons).size).toBe(icons.length)
  })
})

describe('a status inside a sentence', () => {
  it('reads as its label in lower case, and an unknown one verbatim', () => {
    expect(statusWord('PENDING_APPROVAL')).toBe('pending approval')
    expect(statusWord('INPUT_REQUIRED')).toBe('input required')
    expect(statusWord('ON_HOLD')).toBe('ON_HOLD')
  })
})
