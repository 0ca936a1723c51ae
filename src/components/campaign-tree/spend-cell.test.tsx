import { render } from '@testing-library/react'
import { buy, campaign } from '@/lib/testing/fixtures'
import { renderSubtreeCell } from './subtree-cell'

const now = Date.parse('2026-11-16T00:00:00Z')
const spendText = (node: React.ReactNode) =>
  render(<div>{node}</div>).container.querySelector('[data-pacing]')?.textContent

function tree(pkgBudget: number, spend: number) {
  const pkg = {
    packageId: 'pkg_1',
    status: 'active',
    budget: pkgBudget,
    pacing: 'even',
    delivery: { spend, impressions: 1, clicks: 0 },
  }
  const theBuy = buy({ mediaBuyId: 'mb_1', status: 'ACTIVE', packages: [pkg] })
  const c = campaign({
    flightDates: { startDate: '2026-11-01T00:00:00Z', endDate: '2026-12-01T00:00:00Z' },
    budget: { total: 22_000, currency: 'EUR' },
    mediaBuys: [theBuy],
  })
  return {
    buyCell: renderSubtreeCell({ kind: 'buy', campaign: c, buy: theBuy }, 'spend', { now }),
    packageCell: renderSubtreeCell({ kind: 'package', campaign: c, buy: theBuy, pkg }, 'spend', { now }),
  }
}

describe('spend and pacing in the tree', () => {
  it('says over budget on a package cut below its spend, and its buy says the same', () => {
    const { buyCell, packageCell } = tree(100, 2206)
    expect(spendText(packageCell)).toBe('over budget · 2206 % of budget')
    expect(spendText(buyCell)).toBe('over budget · 2206 % of budget')
  })

  it('uses the one vocabulary: underpacing against the plan to date', () => {
    const { buyCell, packageCell } = tree(22_000, 5000)
    expect(spendText(packageCell)).toBe('underpacing · 45 % of plan')
    expect(spendText(buyCell)).toBe('underpacing · 45 % of plan')
  })
})
