import { buy, campaign } from '@/lib/testing/fixtures'
import {
  budgetChangeRisk,
  budgetRisks,
  moneyFigure,
  parseBulkPercent,
  riskConfirmation,
  updateBudgetRisks,
} from './budget-risk'

describe('what counts as a risky budget change', () => {
  it('flags a package budget cut below what it has already spent, with the spend figure', () => {
    const risk = budgetChangeRisk({ label: 'Package pkg_1', from: 22_000, to: 100, spent: 2206 }, 'EUR')
    expect(risk?.kind).toBe('below_spend')
    expect(risk?.field).toBe('Below the 2,206.00 EUR already spent')
    expect(risk?.consequence).toMatch(/below the 2,206.00 EUR already spent.*over budget and stop delivering/)
    expect(riskConfirmation(risk ? [risk] : [])).toMatch(/^I understand/)
  })

  it('flags a budget equal to its spend as exhausted', () => {
    expect(budgetChangeRisk({ label: 'x', from: 500, to: 300, spent: 300 }, 'USD')?.kind).toBe('at_spend')
  })

  it('flags a cut of more than half and a rise of more than 5×, and nothing in between', () => {
    expect(budgetChangeRisk({ label: 'x', from: 1000, to: 499, spent: 0 }, 'USD')?.kind).toBe('deep_cut')
    expect(budgetChangeRisk({ label: 'x', from: 1000, to: 500, spent: 0 }, 'USD')).toBeNull()
    expect(budgetChangeRisk({ label: 'x', from: 1000, to: 5000, spent: 0 }, 'USD')).toBeNull()
    expect(budgetChangeRisk({ label: 'x', from: 1000, to: 5001, spent: 0 }, 'USD')?.kind).toBe('big_rise')
    expect(budgetChangeRisk({ label: 'x', from: 1000, to: 900, spent: 200 }, 'USD')).toBeNull()
  })

  it('writes figures to the currency precision', () => {
    expect(moneyFigure(11_900, 'USD')).toBe('11,900.00 USD')
    expect(moneyFigure(5000, 'JPY')).toBe('5,000 JPY')
  })

  it('reads the risks of a PUT body: explicit packages, the campaign total, and packages D3 scales below their spend', () => {
    const c = campaign({
      budget: { total: 20_000, currency: 'USD' },
      mediaBuys: [
        buy({
          mediaBuyId: 'mb_1',
          status: 'ACTIVE',
          packages: [
            {
              packageId: 'pkg_1',
              status: 'active',
              budget: 10_000,
              delivery: { spend: 9000, impressions: 1, clicks: 0 },
            },
            {
              packageId: 'pkg_2',
              status: 'active',
              budget: 10_000,
              delivery: { spend: 2900, impressions: 1, clicks: 0 },
            },
          ],
        }),
      ],
    })
    const lowTotal = updateBudgetRisks(c, { budget: { total: 100 } })
    expect(lowTotal.map((r) => r.label)).toEqual([
      'The campaign total',
      'Package pkg_1 (scaled with the total)',
      'Package pkg_2 (scaled with the total)',
    ])
    expect(lowTotal[0].field).toBe('Below the 11,900.00 USD already spent')
    const explicit = updateBudgetRisks(c, {
      mediaBuys: [{ mediaBuyId: 'mb_1', packages: [{ packageId: 'pkg_2', budget: 9000 }] }],
    })
    expect(explicit).toEqual([])
  })
})

describe('what the buyer reads about a risky change', () => {
  it('names the current amount in the consequence of a budget below its spend', () => {
    expect(budgetChangeRisk({ label: 'Package pkg_1', from: 22_000, to: 100, spent: 2206 }, 'EUR')?.consequence).toBe(
      'Package pkg_1: the new budget of 100.00 EUR (now 22,000.00 EUR) is below the 2,206.00 EUR already spent. It will read over budget and stop delivering at once; what is spent is not refunded.',
    )
  })

  it('leaves the current amount out when the budget had none', () => {
    const risk = budgetChangeRisk({ label: 'Package pkg_1', from: undefined, to: 100, spent: 300 }, 'USD')
    expect(risk?.kind).toBe('below_spend')
    expect(risk?.consequence).toBe(
      'Package pkg_1: the new budget of 100.00 USD is below the 300.00 USD already spent. It will read over budget and stop delivering at once; what is spent is not refunded.',
    )
  })

  it('says a budget equal to its spend is exhausted and stops delivering', () => {
    const risk = budgetChangeRisk({ label: 'Package pkg_1', from: 500, to: 300, spent: 300 }, 'USD')
    expect(risk?.field).toBe('No more than the 300.00 USD already spent')
    expect(risk?.consequence).toBe(
      'Package pkg_1: the new budget of 300.00 USD (now 500.00 USD) equals what is already spent. The budget is exhausted and it stops delivering at once.',
    )
  })

  it('compares a budget with its spend to the cent', () => {
    expect(budgetChangeRisk({ label: 'x', from: 500, to: 299.99, spent: 300 }, 'USD')?.kind).toBe('below_spend')
    expect(budgetChangeRisk({ label: 'x', from: 500, to: 300.001, spent: 300 }, 'USD')?.kind).toBe('at_spend')
    expect(budgetChangeRisk({ label: 'x', from: 500, to: 300.01, spent: 300 }, 'USD')).toBeNull()
  })

  it('never calls a budget with nothing spent exhausted, even at zero: that is a cut', () => {
    expect(budgetChangeRisk({ label: 'x', from: 1000, to: 0, spent: 0 }, 'USD')?.kind).toBe('deep_cut')
  })

  it('does not flag a first budget, or one raised from zero, as a rise', () => {
    expect(budgetChangeRisk({ label: 'x', from: undefined, to: 100_000, spent: null }, 'USD')).toBeNull()
    expect(budgetChangeRisk({ label: 'x', from: null, to: 100_000, spent: undefined }, 'USD')).toBeNull()
    expect(budgetChangeRisk({ label: 'x', from: 0, to: 100_000, spent: 0 }, 'USD')).toBeNull()
  })

  it('says how deep a cut goes, in whole percent', () => {
    const risk = budgetChangeRisk({ label: 'Package pkg_1', from: 1000, to: 400, spent: 0 }, 'USD')
    expect(risk?.field).toBe('A cut of 60 % from 1,000.00 USD')
    expect(risk?.consequence).toBe(
      'Package pkg_1: the budget is cut from 1,000.00 USD to 400.00 USD, more than half; delivery slows down to match.',
    )
  })

  it('says how big a rise is: one decimal below 10×, whole from there', () => {
    const risk = budgetChangeRisk({ label: 'Package pkg_1', from: 1000, to: 6250, spent: 0 }, 'USD')
    expect(risk?.field).toBe('6.3× the current 1,000.00 USD')
    expect(risk?.consequence).toBe(
      'Package pkg_1: the budget rises from 1,000.00 USD to 6,250.00 USD, more than 5× its current amount; the seller will try to spend it all.',
    )
    expect(budgetChangeRisk({ label: 'x', from: 1000, to: 12_400, spent: 0 }, 'USD')?.field).toBe(
      '12× the current 1,000.00 USD',
    )
  })
})

describe('what the buyer ticks before sending', () => {
  const risks = (...changes: { from: number; to: number; spent: number }[]) =>
    budgetRisks(
      changes.map((c) => ({ label: 'x', ...c })),
      'USD',
    )

  it('asks to confirm one or several ordinary risky changes', () => {
    expect(riskConfirmation(risks({ from: 1000, to: 100, spent: 0 }))).toBe('I understand this budget change')
    expect(riskConfirmation(risks({ from: 1000, to: 100, spent: 0 }, { from: 1000, to: 9000, spent: 0 }))).toBe(
      'I understand these budget changes',
    )
  })

  it('asks to confirm the stop whenever any budget ends at or below its spend', () => {
    const stop = 'I understand that a budget at or below its spend stops delivering at once'
    expect(riskConfirmation(risks({ from: 1000, to: 300, spent: 300 }))).toBe(stop)
    expect(riskConfirmation(risks({ from: 1000, to: 100, spent: 0 }, { from: 1000, to: 100, spent: 200 }))).toBe(stop)
  })
})

describe('the risks of a PUT body, against the campaign it changes', () => {
  const spentPackage = (packageId: string, budget: number, spend?: number) => ({
    packageId,
    status: 'active',
    budget,
    ...(spend === undefined ? {} : { delivery: { spend, impressions: 1, clicks: 0 } }),
  })
  const twoPackages = (overrides: Parameters<typeof campaign>[0] = {}) =>
    campaign({
      budget: { total: 20_000, currency: 'USD' },
      mediaBuys: [
        buy({
          mediaBuyId: 'mb_1',
          packages: [spentPackage('pkg_1', 10_000, 9000), spentPackage('pkg_2', 10_000, 2900)],
        }),
      ],
      ...overrides,
    })

  it("writes figures in the campaign's currency, and in USD when the campaign has no budget yet", () => {
    const cut = { mediaBuys: [{ mediaBuyId: 'mb_1', packages: [{ packageId: 'pkg_1', budget: 100 }] }] }
    const eur = twoPackages({ budget: { total: 20_000, currency: 'EUR' } })
    expect(updateBudgetRisks(eur, cut)[0].field).toBe('Below the 9,000.00 EUR already spent')
    const noBudget = twoPackages({ budget: undefined })
    expect(updateBudgetRisks(noBudget, cut)[0].field).toBe('Below the 9,000.00 USD already spent')
    const firstTotal = updateBudgetRisks(noBudget, { budget: { total: 100 } })[0]
    expect(firstTotal.label).toBe('The campaign total')
    expect(firstTotal.consequence).toMatch(/^The campaign total: the new budget of 100.00 USD is below/)
  })

  it('reads the budgets of updated buys, with or without the action, and not of buys being canceled or deleted', () => {
    const c = twoPackages()
    const pkg = [{ packageId: 'pkg_1', budget: 100 }]
    expect(updateBudgetRisks(c, { mediaBuys: [{ mediaBuyId: 'mb_1', action: 'update', packages: pkg }] })).toHaveLength(
      1,
    )
    expect(updateBudgetRisks(c, { mediaBuys: [{ mediaBuyId: 'mb_1', packages: pkg }] })).toHaveLength(1)
    expect(updateBudgetRisks(c, { mediaBuys: [{ mediaBuyId: 'mb_1', action: 'cancel', packages: pkg }] })).toEqual([])
    expect(updateBudgetRisks(c, { mediaBuys: [{ mediaBuyId: 'mb_1', action: 'delete', packages: pkg }] })).toEqual([])
  })

  it('judges each package against its own buy, even one without delivery yet', () => {
    const c = campaign({
      mediaBuys: [
        buy({ mediaBuyId: 'mb_1', packages: [spentPackage('pkg_1', 10_000, 9000)] }),
        buy({ mediaBuyId: 'mb_2', packages: [spentPackage('pkg_2', 10_000)] }),
      ],
    })
    const risks = updateBudgetRisks(c, {
      mediaBuys: [{ mediaBuyId: 'mb_2', packages: [{ packageId: 'pkg_2', budget: 1000 }] }],
    })
    expect(risks.map((r) => [r.label, r.field])).toEqual([['Package pkg_2', 'A cut of 90 % from 10,000.00 USD']])
  })

  it('names a product by its name and judges it against its own budget', () => {
    const c = campaign({
      mediaBuys: [
        buy({
          mediaBuyId: 'mb_1',
          products: [
            { productId: 'p1', productName: 'Homepage takeover', budget: 1000 },
            { productId: 'p2', productName: 'Run of site', budget: 4000 },
          ],
        }),
      ],
    })
    const risks = updateBudgetRisks(c, {
      mediaBuys: [{ mediaBuyId: 'mb_1', products: [{ productId: 'p2', budget: 100 }] }],
    })
    expect(risks.map((r) => [r.label, r.field])).toEqual([['Product Run of site', 'A cut of 98 % from 4,000.00 USD']])
  })

  it('has nothing to compare a package or product with that the campaign does not show yet, and flags nothing', () => {
    const c = campaign({ mediaBuys: [buy({ mediaBuyId: 'mb_1' })] })
    const entry = {
      packages: [{ packageId: 'pkg_9', budget: 1 }],
      products: [{ productId: 'p9', budget: 1 }],
    }
    expect(updateBudgetRisks(c, { mediaBuys: [{ mediaBuyId: 'mb_1', ...entry }] })).toEqual([])
    expect(updateBudgetRisks(c, { mediaBuys: [{ mediaBuyId: 'mb_9', ...entry }] })).toEqual([])
    const packagesOnly = campaign({
      mediaBuys: [buy({ mediaBuyId: 'mb_1', products: undefined, packages: [spentPackage('pkg_1', 10_000, 9000)] })],
    })
    expect(updateBudgetRisks(packagesOnly, { mediaBuys: [{ mediaBuyId: 'mb_1', ...entry }] })).toEqual([])
  })

  it('still scales a package with the total when its entry changes something other than its budget', () => {
    const risks = updateBudgetRisks(twoPackages(), {
      budget: { total: 100 },
      mediaBuys: [{ mediaBuyId: 'mb_1', packages: [{ packageId: 'pkg_1', pacing: 'even' }] }],
    })
    expect(risks.map((r) => r.label)).toEqual([
      'The campaign total',
      'Package pkg_1 (scaled with the total)',
      'Package pkg_2 (scaled with the total)',
    ])
  })

  it('judges an explicit package amount once, as typed, and not again as scaled with the total', () => {
    const risks = updateBudgetRisks(twoPackages(), {
      budget: { total: 100 },
      mediaBuys: [{ mediaBuyId: 'mb_1', packages: [{ packageId: 'pkg_1', budget: 50 }] }],
    })
    expect(risks.map((r) => r.label)).toEqual([
      'Package pkg_1',
      'The campaign total',
      'Package pkg_2 (scaled with the total)',
    ])
  })

  it('flags only the total when its cut still covers every package', () => {
    const c = campaign({
      budget: { total: 20_000, currency: 'USD' },
      mediaBuys: [
        buy({ mediaBuyId: 'mb_1', packages: [spentPackage('pkg_1', 4000, 0), spentPackage('pkg_2', 4000, 0)] }),
      ],
    })
    expect(updateBudgetRisks(c, { budget: { total: 9000 } }).map((r) => [r.label, r.kind])).toEqual([
      ['The campaign total', 'deep_cut'],
    ])
  })

  it("counts the campaign's spend from each buy's performance, else its packages' delivery, and flags scaled packages only below their spend", () => {
    const c = campaign({
      budget: { total: 20_000, currency: 'USD' },
      mediaBuys: [
        buy({
          mediaBuyId: 'mb_1',
          performance: { spend: 5000, impressions: 1 },
          packages: [spentPackage('pkg_1', 10_000, 1000)],
        }),
        buy({ mediaBuyId: 'mb_2', packages: [spentPackage('pkg_a', 5000, 700), spentPackage('pkg_b', 5000)] }),
        buy({ mediaBuyId: 'mb_3' }),
      ],
    })
    const risks = updateBudgetRisks(c, { budget: { total: 4000 } })
    expect(risks.map((r) => [r.label, r.field])).toEqual([
      ['The campaign total', 'Below the 5,700.00 USD already spent'],
    ])
  })
})

describe('bulk percentages', () => {
  it('accepts whole or one-decimal percentages from 10 to 500', () => {
    expect(parseBulkPercent('90')).toEqual({ ok: true, value: 90 })
    expect(parseBulkPercent('12.5')).toEqual({ ok: true, value: 12.5 })
    expect(parseBulkPercent('500')).toEqual({ ok: true, value: 500 })
    expect(parseBulkPercent('10 %')).toEqual({ ok: true, value: 10 })
    expect(parseBulkPercent('90%')).toEqual({ ok: true, value: 90 })
    expect(parseBulkPercent(' 90 ')).toEqual({ ok: true, value: 90 })
  })

  it('refuses more decimals, values out of range and anything that is not a plain number', () => {
    for (const text of ['12.345', '500.1', '9.9', '0', '-20', '1e3', '', 'NaN', '50,5', '%90', '9%0'])
      expect(parseBulkPercent(text)).toEqual({
        ok: false,
        message: 'A percentage from 10 to 500, whole or with one decimal, like 90 or 12.5',
      })
  })
})
