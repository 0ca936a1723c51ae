import { checkAction, type BuyAction } from './actions.ts'

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
    for (const s of ['DRAFT', 'PENDING_APPROVAL', 'CANCELED', 'ARCHIVED', 'FAILED', 'REJECTED']) expect(allowed(s, 'edit_packages')).toBe(false)
  })

  it('cancels live and pending buys, never a draft or a finished one, and says why', () => {
    for (const s of ['ACTIVE', 'PAUSED', 'PENDING_APPROVAL', 'INPUT_REQUIRED']) expect(allowed(s, 'cancel')).toBe(true)
    for (const s of ['DRAFT', 'COMPLETED', 'CANCELED', 'ARCHIVED', 'REJECTED', 'FAILED']) expect(allowed(s, 'cancel')).toBe(false)
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
