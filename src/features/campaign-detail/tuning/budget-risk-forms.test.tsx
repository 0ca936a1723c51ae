import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupApiServer } from '@/lib/testing/api-server'
import { buy, campaign, envelope } from '@/lib/testing/fixtures'
import { BudgetPacingDialog } from './budget-pacing-dialog'
import { BulkEditDialog } from './bulk-edit-dialog'
import { CampaignBudgetDialog } from './campaign-budget-dialog'
import { API, renderTuning } from './test-helpers'

const server = setupApiServer()

const spentBuy = buy({
  mediaBuyId: 'mb_1',
  name: 'Acme display',
  status: 'PAUSED',
  packages: [
    {
      packageId: 'pkg_1',
      status: 'paused',
      budget: 22_000,
      pacing: 'even',
      delivery: { spend: 2206, impressions: 90_000, clicks: 40 },
    },
  ],
})
const euroCampaign = campaign({
  campaignId: 'cmp_1',
  budget: { total: 22_000, currency: 'EUR' },
  mediaBuys: [spentBuy],
})

describe('a budget below what is already spent', () => {
  it('is flagged on the package field, explained on review, and sent only after a second confirmation', async () => {
    const puts: unknown[] = []
    server.use(
      http.put(`${API}/campaigns/cmp_1`, async ({ request }) => {
        puts.push(await request.json())
        return HttpResponse.json(envelope({ campaign: { ...euroCampaign, revision: 2 }, warnings: [] }))
      }),
    )
    const onClose = vi.fn()
    renderTuning(<BudgetPacingDialog campaign={euroCampaign} buy={spentBuy} onClose={onClose} />)
    const field = screen.getByLabelText('Budget (EUR)')
    await userEvent.clear(field)
    await userEvent.type(field, '100')
    expect(field).toHaveAccessibleDescription(/Below the 2,206.00 EUR already spent/)
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(screen.getByLabelText('Budget warnings')).toHaveTextContent(
      /below the 2,206.00 EUR already spent.*stop delivering/,
    )
    const send = screen.getByRole('button', { name: 'Send changes' })
    expect(send).toBeDisabled()
    await userEvent.click(screen.getByRole('checkbox', { name: /I understand/ }))
    expect(send).toBeEnabled()
    await userEvent.click(send)
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(puts).toHaveLength(1)
  })

  it('asks the same for a cut of more than half, but not for an ordinary change', async () => {
    renderTuning(<BudgetPacingDialog campaign={euroCampaign} buy={spentBuy} onClose={() => {}} />)
    const field = screen.getByLabelText('Budget (EUR)')
    await userEvent.clear(field)
    await userEvent.type(field, '20000')
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(screen.getByRole('button', { name: 'Send changes' })).toBeEnabled()
    await userEvent.click(screen.getByRole('button', { name: 'Back to edit' }))
    await userEvent.clear(field)
    await userEvent.type(field, '5000')
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(screen.getByLabelText('Budget warnings')).toHaveTextContent('more than half')
    expect(screen.getByRole('button', { name: 'Send changes' })).toBeDisabled()
  })

  it('is flagged on the campaign total, and the review needs the confirmation', async () => {
    const usd = campaign({
      campaignId: 'cmp_1',
      budget: { total: 20_000, currency: 'USD' },
      mediaBuys: [
        buy({
          mediaBuyId: 'mb_1',
          status: 'ACTIVE',
          packages: [
            {
              packageId: 'pkg_1',
              status: 'active',
              budget: 20_000,
              delivery: { spend: 11_900, impressions: 1, clicks: 0 },
            },
          ],
        }),
      ],
    })
    renderTuning(<CampaignBudgetDialog campaign={usd} onClose={() => {}} />)
    const total = screen.getByLabelText('Total budget (USD)')
    await userEvent.clear(total)
    await userEvent.type(total, '100')
    expect(total).toHaveAccessibleDescription(/Below the 11,900.00 USD already spent/)
    // D3 scales the package to 100 as well: its own field says it falls below its spend.
    expect(screen.getByLabelText('Amount for pkg_1')).toHaveAccessibleDescription(
      /Below the 11,900.00 USD already spent/,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(screen.getByLabelText('Budget warnings')).toHaveTextContent(
      'The campaign total: the new budget of 100.00 USD',
    )
    expect(screen.getByRole('button', { name: 'Change budget' })).toBeDisabled()
  })

  it('is flagged on the bulk percentage with the package and its spend', async () => {
    renderTuning(<BulkEditDialog campaign={euroCampaign} buyIds={['mb_1']} onClose={() => {}} />)
    await userEvent.type(screen.getByLabelText(/Scale package budgets to/), '10')
    expect(screen.getByText('pkg_1: below the 2,206.00 EUR already spent')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(screen.getByRole('button', { name: 'Send changes' })).toBeDisabled()
  })
})

describe('bulk percentages', () => {
  it.each(['12.345', '501', '5'])('refuses %s on the percentage field', async (text) => {
    renderTuning(<BulkEditDialog campaign={euroCampaign} buyIds={['mb_1']} onClose={() => {}} />)
    await userEvent.type(screen.getByLabelText(/Scale package budgets to/), text)
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    await waitFor(() =>
      expect(screen.getByLabelText(/Scale package budgets to/)).toHaveAccessibleDescription(
        /A percentage from 10 to 500/,
      ),
    )
    expect(screen.queryByLabelText('Request body')).not.toBeInTheDocument()
  })
})
