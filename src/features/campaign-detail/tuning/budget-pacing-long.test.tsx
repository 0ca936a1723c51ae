import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupApiServer } from '@/lib/testing/api-server'
import { buy, campaign } from '@/lib/testing/fixtures'
import { BudgetPacingDialog } from './budget-pacing-dialog'
import { renderTuning, reviewedRequest } from './test-helpers'

setupApiServer()

// A buy of 20 packages: the dialog opens with its first packages ready to type into and lists the rest after them.
const packages = Array.from({ length: 20 }, (_, i) => ({
  packageId: `pkg_${String(i + 1).padStart(2, '0')}`,
  status: 'active',
  budget: 1_000 + i,
  pacing: 'even',
  delivery: { spend: 0, impressions: 0, clicks: 0 },
}))
const longBuy = buy({ mediaBuyId: 'mb_long', name: 'Forty packages', status: 'PAUSED', packages })
const longCampaign = campaign({
  campaignId: 'cmp_long',
  budget: { total: 100_000, currency: 'USD' },
  mediaBuys: [longBuy],
})

/** The form's package groups once the last one is there. */
async function packageGroups() {
  renderTuning(<BudgetPacingDialog campaign={longCampaign} buy={longBuy} onClose={() => {}} />)
  await screen.findByText('pkg_20', {}, { timeout: 5_000 })
  // Each package's fields are a group named by its legend.
  return screen.getAllByText(/^pkg_\d+$/).map((id) => id.closest('fieldset')!)
}

describe('the budget and pacing form of a buy with 20 packages', () => {
  it('lists every package once, in the buy’s order, each with its budget, pacing and bid fields', async () => {
    const groups = await packageGroups()
    expect(groups.map((g) => g.querySelector('legend')?.textContent)).toEqual(packages.map((p) => p.packageId))
    const [first, last] = [groups[0], groups[19]]
    expect(within(first).getByLabelText('Budget (USD)')).toHaveValue('1000')
    expect(within(last).getByLabelText('Budget (USD)')).toHaveValue('1019')
    expect(within(last).getByLabelText('Pacing')).toHaveValue('even')
    expect(within(last).getByLabelText('Bid price (USD, optional)')).toHaveValue('')
  })

  it('an edit to a package far down the list is the one sent, and Tab moves on to the next package', async () => {
    const groups = await packageGroups()
    const field = within(groups[16]).getByLabelText('Budget (USD)')
    await userEvent.clear(field)
    await userEvent.type(field, '5000')
    await userEvent.tab()
    expect(within(groups[16]).getByLabelText('Pacing')).toHaveFocus()
    await userEvent.tab()
    await userEvent.tab()
    expect(within(groups[17]).getByLabelText('Budget (USD)')).toHaveFocus()
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(await reviewedRequest()).toEqual({
      mediaBuys: [{ mediaBuyId: 'mb_long', packages: [{ packageId: 'pkg_17', budget: 5000 }] }],
    })
  })
})
