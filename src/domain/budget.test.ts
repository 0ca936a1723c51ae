import fc from 'fast-check'
import { scalePackageBudgets, sumMoney } from './budget.ts'

const pkg = (packageId: string, budget: number) => ({ mediaBuyId: 'mb', packageId, budget })

describe('proportional package scaling (CONTRACT D3)', () => {
  it('leaves packages alone when the new total still covers them', () => {
    expect(scalePackageBudgets({ newTotal: 1000, packages: [pkg('a', 400), pkg('b', 600)] })).toEqual({ kind: 'unchanged', allocation: 1000 })
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
    const r = scalePackageBudgets({ newTotal: 300, packages: [pkg('a', 500), pkg('b', 500)], explicit: new Map([['a', 350]]) })
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
