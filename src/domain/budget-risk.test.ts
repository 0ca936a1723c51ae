import { buy, campaign } from '@/lib/testing/fixtures'
import { budgetChangeRisk, moneyFigure, parseBulkPercent, riskConfirmation, updateBudgetRisks } from './budget-risk'

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

describe('bulk percentages', () => {
  it('accepts whole or one-decimal percentages from 10 to 500', () => {
    expect(parseBulkPercent('90')).toEqual({ ok: true, value: 90 })
    expect(parseBulkPercent('12.5')).toEqual({ ok: true, value: 12.5 })
    expect(parseBulkPercent('500')).toEqual({ ok: true, value: 500 })
    expect(parseBulkPercent('10 %')).toEqual({ ok: true, value: 10 })
  })

  it('refuses more decimals, values out of range and anything that is not a plain number', () => {
    for (const text of ['12.345', '500.1', '9.9', '0', '-20', '1e3', '', 'NaN', '50,5'])
      expect(parseBulkPercent(text).ok).toBe(false)
  })
})
