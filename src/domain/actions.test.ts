import { checkAction, checkBuy, isExecuted, type BuyAction } from './actions.ts'
import { campaignMediaBuySchema, type CampaignMediaBuy } from '../api/schemas/campaign.ts'

const allowed = (status: string, action: BuyAction, executed = status !== 'DRAFT') =>
  checkAction({ status, executed }, action).allowed

describe('actions by media-buy status (CONTRACT §4.2)', () => {
  it('edits product budgets only before the buy reaches its seller', () => {
    expect(allowed('DRAFT', 'edit_products')).toBe(true)
    expect(allowed('PENDING_APPROVAL', 'edit_products', false)).toBe(true)
    expect(allowed('PENDING_APPROVAL', 'edit_products', true)).toBe(false)
    for (const s of ['ACTIVE', 'PAUSED', 'COMPLETED', 'INPUT_REQUIRED']) expect(allowed(s, 'edit_products')).toBe(false)
  })

  it('edits packages on ACTIVE, PAUSED, COMPLETED and INPUT_REQUIRED buys only', () => {
    for (const s of ['ACTIVE', 'PAUSED', 'COMPLETED', 'INPUT_REQUIRED']) expect(allowed(s, 'edit_packages')).toBe(true)
    for (const s of ['DRAFT', 'PENDING_APPROVAL', 'CANCELED', 'ARCHIVED', 'FAILED', 'REJECTED'])
      expect(allowed(s, 'edit_packages')).toBe(false)
  })

  it('cancels live and pending buys, never a draft or a finished one, and says why', () => {
    for (const s of ['ACTIVE', 'PAUSED', 'PENDING_APPROVAL', 'INPUT_REQUIRED']) expect(allowed(s, 'cancel')).toBe(true)
    for (const s of ['DRAFT', 'COMPLETED', 'CANCELED', 'ARCHIVED', 'REJECTED', 'FAILED'])
      expect(allowed(s, 'cancel')).toBe(false)
    expect(checkAction({ status: 'DRAFT', executed: false }, 'cancel').reason).toMatch(/archive it instead/)
  })

  it('archives any buy that is not archived yet', () => {
    for (const s of ['DRAFT', 'ACTIVE', 'COMPLETED', 'FAILED']) expect(allowed(s, 'archive')).toBe(true)
    expect(allowed('ARCHIVED', 'archive')).toBe(false)
  })

  it("narrows by the seller's validActions when present", () => {
    expect(checkAction({ status: 'ACTIVE', executed: true, validActions: ['pause'] }, 'cancel')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/seller/),
    })
    expect(checkAction({ status: 'ACTIVE', executed: true, validActions: ['cancel'] }, 'cancel').allowed).toBe(true)
  })
})

describe('every status against every action, with the reason a buyer reads (CONTRACT §4.2)', () => {
  const OK = undefined
  const products = (label: string) =>
    `Product budgets can only change before the buy reaches its seller; this buy is ${label}. Edit its packages instead.`
  // The article follows the word: "An archived buy", "A rejected buy".
  const an = (label: string) => (/^[aeiou]/.test(label) ? 'An' : 'A')
  const closed = (label: string) => `${an(label)} ${label} buy cannot be changed.`
  const uncancelable = (label: string) => `${an(label)} ${label} buy cannot be canceled.`
  const NEVER_SENT = 'A draft was never sent to its seller: archive it instead.'
  const FINISHED = 'This buy has finished delivering.'

  // status, executed, then the reason per action (undefined = allowed):
  // edit_products, edit_packages, edit_goals, edit_creatives, cancel, cancel_packages, archive
  const TABLE: [string, boolean, (string | undefined)[]][] = [
    ['DRAFT', false, [OK, 'A draft has no packages yet; edit its products.', OK, OK, NEVER_SENT, NEVER_SENT, OK]],
    ['PENDING_APPROVAL', false, [OK, 'Packages can change once the seller has accepted the buy.', OK, OK, OK, OK, OK]],
    [
      'PENDING_APPROVAL',
      true,
      [products('pending approval'), 'Packages can change once the seller has accepted the buy.', OK, OK, OK, OK, OK],
    ],
    ['INPUT_REQUIRED', true, [products('input required'), OK, OK, OK, OK, OK, OK]],
    ['ACTIVE', true, [products('active'), OK, OK, OK, OK, OK, OK]],
    ['PAUSED', true, [products('paused'), OK, OK, OK, OK, OK, OK]],
    [
      'COMPLETED',
      true,
      [products('completed'), OK, FINISHED, FINISHED, uncancelable('completed'), uncancelable('completed'), OK],
    ],
    [
      'CANCELED',
      true,
      [
        products('canceled'),
        closed('canceled'),
        closed('canceled'),
        closed('canceled'),
        uncancelable('canceled'),
        uncancelable('canceled'),
        OK,
      ],
    ],
    [
      'REJECTED',
      true,
      [
        products('rejected'),
        closed('rejected'),
        closed('rejected'),
        closed('rejected'),
        uncancelable('rejected'),
        uncancelable('rejected'),
        OK,
      ],
    ],
    [
      'FAILED',
      true,
      [
        products('failed'),
        closed('failed'),
        closed('failed'),
        closed('failed'),
        uncancelable('failed'),
        uncancelable('failed'),
        OK,
      ],
    ],
    [
      'ARCHIVED',
      true,
      [
        products('archived'),
        closed('archived'),
        closed('archived'),
        closed('archived'),
        uncancelable('archived'),
        uncancelable('archived'),
        'This buy is already archived.',
      ],
    ],
  ]
  const ACTIONS: BuyAction[] = [
    'edit_products',
    'edit_packages',
    'edit_goals',
    'edit_creatives',
    'cancel',
    'cancel_packages',
    'archive',
  ]

  it.each(TABLE)('%s (executed: %s)', (status, executed, reasons) => {
    const seen = ACTIONS.map((action) => checkAction({ status, executed }, action))
    expect(seen.map((c) => c.reason)).toEqual(reasons)
    expect(seen.map((c) => c.allowed)).toEqual(reasons.map((r) => r === undefined))
  })

  it("any one of the seller's package actions allows a package change; none of them refuses it", () => {
    const edit = (validActions: string[]) =>
      checkAction({ status: 'ACTIVE', executed: true, validActions }, 'edit_packages')
    for (const name of ['update_packages', 'increase_budget', 'decrease_budget'])
      expect(edit(['pause', name]).allowed).toBe(true)
    expect(edit(['pause', 'cancel'])).toEqual({
      allowed: false,
      reason: 'The seller does not accept this change right now.',
    })
    expect(edit([]).allowed).toBe(true)
  })
})

describe('a buy read from the platform: has it reached its seller?', () => {
  const read = (over: Partial<CampaignMediaBuy>) =>
    campaignMediaBuySchema.parse({
      mediaBuyId: 'mb_1',
      name: 'Buy',
      status: 'PENDING_APPROVAL',
      createdAt: '2026-11-20T09:00:00Z',
      updatedAt: '2026-11-20T09:00:00Z',
      ...over,
    })

  it('counts a buy as executed once it was forwarded or its seller returned packages', () => {
    expect(isExecuted(read({}))).toBe(false)
    expect(isExecuted(read({ forwardedAt: '2026-11-20T10:00:00Z' }))).toBe(true)
    expect(isExecuted(read({ packages: [{ packageId: 'pkg_1', status: 'active' }] }))).toBe(true)
  })

  it('lets product budgets change on a PENDING_APPROVAL buy only while it has not reached its seller', () => {
    expect(checkBuy(read({}), 'edit_products').allowed).toBe(true)
    expect(checkBuy(read({ forwardedAt: '2026-11-20T10:00:00Z' }), 'edit_products').allowed).toBe(false)
    expect(checkBuy(read({ status: 'ACTIVE', forwardedAt: '2026-11-20T10:00:00Z' }), 'edit_products')).toMatchObject({
      allowed: false,
    })
  })
})
