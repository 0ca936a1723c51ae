import fc from 'fast-check'
import { explicitBudgetsByBuy, liveAllocationUnits, scalePackageBudgets, sumMoney } from './budget.ts'

const pkg = (packageId: string, budget: number) => ({ mediaBuyId: 'mb', packageId, budget })

describe('proportional package scaling (CONTRACT D3)', () => {
  it('leaves packages alone when the new total still covers them', () => {
    expect(scalePackageBudgets({ newTotal: 1000, packages: [pkg('a', 400), pkg('b', 600)] })).toEqual({
      kind: 'unchanged',
      allocation: 1000,
    })
  })

  it('multiplies every live package by newTotal / allocation, rounded down to the cent', () => {
    const r = scalePackageBudgets({ newTotal: 500, packages: [pkg('a', 333.33), pkg('b', 666.67)] })
    expect(r.kind).toBe('scaled')
    if (r.kind !== 'scaled') return
    expect(r.budgets.get('a')).toBe(166.66)
    expect(r.budgets.get('b')).toBe(333.33)
    expect(r.newAllocation).toBeLessThanOrEqual(500)
  })

  it('applies explicit package budgets as given and scales the rest into what is left', () => {
    const r = scalePackageBudgets({
      newTotal: 600,
      packages: [pkg('a', 500), pkg('b', 500)],
      explicit: new Map([['a', 400]]),
    })
    expect(r.kind).toBe('scaled')
    if (r.kind !== 'scaled') return
    expect(r.budgets.get('a')).toBe(400)
    expect(r.budgets.get('b')).toBe(200)
  })

  it('refuses when explicit budgets alone exceed the new total', () => {
    const r = scalePackageBudgets({
      newTotal: 300,
      packages: [pkg('a', 500), pkg('b', 500)],
      explicit: new Map([['a', 350]]),
    })
    expect(r).toMatchObject({ kind: 'insufficient', explicitTotal: 350 })
  })

  it('never exceeds the new total and never goes negative (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (budgetCents, totalCents) => {
          const packages = budgetCents.map((c, i) => pkg(`p${i}`, c / 100))
          const r = scalePackageBudgets({ newTotal: totalCents / 100, packages })
          if (r.kind !== 'scaled') return true
          const values = [...r.budgets.values()]
          return values.every((v) => v >= 0) && sumMoney(values) <= totalCents / 100
        },
      ),
    )
  })
})

describe('D3 in the UI: live allocation and the explicit resend', () => {
  const buys = [
    {
      mediaBuyId: 'a',
      status: 'ACTIVE',
      packages: [
        { packageId: 'a1', status: 'active', budget: 600 },
        { packageId: 'a2', status: 'canceled', budget: 100 },
      ],
    },
    { mediaBuyId: 'b', status: 'DRAFT', products: [{ productId: 'p', budget: 400 }] },
    { mediaBuyId: 'c', status: 'CANCELED', packages: [{ packageId: 'c1', status: 'active', budget: 999 }] },
  ]

  it('counts packages of live buys (not canceled ones) and products of buys without packages', () => {
    expect(liveAllocationUnits(buys)).toEqual([
      { mediaBuyId: 'a', packageId: 'a1', budget: 600 },
      { mediaBuyId: 'b', packageId: 'product:b:p', budget: 400 },
    ])
  })

  it('writes the scaled budgets out per buy, packages and products apart, skipping unchanged ones', () => {
    const units = liveAllocationUnits(buys)
    const result = scalePackageBudgets({ newTotal: 500, packages: units })
    expect(result.kind).toBe('scaled')
    if (result.kind !== 'scaled') return
    expect(explicitBudgetsByBuy(units, result.budgets)).toEqual([
      { mediaBuyId: 'a', packages: [{ packageId: 'a1', budget: 300 }], products: [] },
      { mediaBuyId: 'b', packages: [], products: [{ productId: 'p', budget: 200 }] },
    ])
    expect(explicitBudgetsByBuy(units, new Map([['a1', 600]]))).toEqual([])
  })

  it('rounds each scaled package down to the cent so the sum stays within the new total', () => {
    const units = [1, 2, 3].map((i) => ({ mediaBuyId: 'm', packageId: `p${i}`, budget: 3333.33 }))
    const result = scalePackageBudgets({ newTotal: 5000, packages: units })
    if (result.kind !== 'scaled') throw new Error('expected scaling')
    expect([...result.budgets.values()]).toEqual([1666.66, 1666.66, 1666.66])
    expect(result.newAllocation).toBeLessThanOrEqual(5000)
  })
})

describe('D3 scaling at its edges', () => {
  const pkgs = [
    { mediaBuyId: 'm', packageId: 'a', budget: 600 },
    { mediaBuyId: 'm', packageId: 'b', budget: 400 },
  ]

  it('explicit amounts equal to the new total are allowed and leave nothing for the rest', () => {
    const result = scalePackageBudgets({ newTotal: 500, packages: pkgs, explicit: new Map([['a', 500]]) })
    expect(result).toMatchObject({ kind: 'scaled', factor: 0, newAllocation: 500 })
    if (result.kind === 'scaled')
      expect([...result.budgets]).toEqual([
        ['a', 500],
        ['b', 0],
      ])
  })

  it('explicit amounts that took more than their share leave the rest what remains', () => {
    const result = scalePackageBudgets({ newTotal: 500, packages: pkgs, explicit: new Map([['a', 450]]) })
    expect(result).toMatchObject({ kind: 'scaled', allocation: 850, newAllocation: 500 })
    if (result.kind === 'scaled') {
      expect(result.factor).toBeCloseTo(50 / 400)
      expect(result.budgets.get('b')).toBe(50)
    }
  })

  it('scales by newTotal / allocation when the explicit amounts fit their share', () => {
    const result = scalePackageBudgets({ newTotal: 500, packages: pkgs, explicit: new Map([['a', 250]]) })
    expect(result).toMatchObject({ kind: 'scaled', factor: 0.5, newAllocation: 450 })
    if (result.kind === 'scaled') expect(result.budgets.get('b')).toBe(200)
  })

  it('counts canceled packages and packages without a budget out, and products of buys that have no packages', () => {
    expect(
      liveAllocationUnits([
        {
          mediaBuyId: 'm1',
          status: 'ACTIVE',
          packages: [
            { packageId: 'p1', status: 'canceled', budget: 5 },
            { packageId: 'p2', status: 'active', budget: null },
            { packageId: 'p3', status: 'paused', budget: 7 },
          ],
        },
        {
          mediaBuyId: 'm2',
          status: 'DRAFT',
          products: [
            { productId: 'x', budget: null },
            { productId: 'y', budget: 3 },
          ],
        },
      ]),
    ).toEqual([
      { mediaBuyId: 'm1', packageId: 'p3', budget: 7 },
      { mediaBuyId: 'm2', packageId: 'product:m2:y', budget: 3 },
    ])
  })
})
