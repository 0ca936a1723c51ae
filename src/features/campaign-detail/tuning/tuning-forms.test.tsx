import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { api, setupApiServer } from '@/lib/testing/api-server'
import type { ReactNode } from 'react'
import { buy, campaign } from '@/lib/testing/fixtures'
import { BudgetPacingDialog } from './budget-pacing-dialog'
import { GoalsDialog } from './goals-dialog'
import { CancelDialog } from './cancel-dialogs'
import { CampaignBudgetDialog } from './campaign-budget-dialog'
import { reviewedRequest } from './test-helpers'

let sent: unknown = null
const server = setupApiServer()
afterEach(() => {
  sent = null
})

const liveBuy = buy({
  mediaBuyId: 'mb_1',
  name: 'Acme display',
  status: 'PAUSED',
  packages: [
    { packageId: 'pkg_1', status: 'paused', budget: 700, pacing: 'even' },
    { packageId: 'pkg_2', status: 'paused', budget: 300, pacing: 'even' },
  ],
})
const theCampaign = campaign({ campaignId: 'cmp_1', budget: { total: 1000, currency: 'USD' }, mediaBuys: [liveBuy] })

function wrap(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>)
}

describe('budget and pacing form', () => {
  it('refuses amounts that are not money in the campaign currency, with field messages', async () => {
    wrap(<BudgetPacingDialog campaign={theCampaign} buy={liveBuy} onClose={() => {}} />)
    const [first, second] = screen.getAllByLabelText('Budget (USD)')
    await userEvent.clear(first)
    await userEvent.type(first, '12.345')
    await userEvent.clear(second)
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    await screen.findByText('USD allows at most 2 decimals')
    expect(first).toHaveAccessibleDescription('USD allows at most 2 decimals')
    expect(second).toHaveAccessibleDescription('Enter an amount')
    expect(first).toHaveAttribute('aria-invalid', 'true')
  })

  it('says so when nothing changed, and reviews only the changed fields', async () => {
    wrap(<BudgetPacingDialog campaign={theCampaign} buy={liveBuy} onClose={() => {}} />)
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing changed')
    const second = screen.getAllByLabelText('Budget (USD)')[1]
    await userEvent.clear(second)
    await userEvent.type(second, '250')
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    const body = await reviewedRequest()
    expect(body).toEqual({ mediaBuys: [{ mediaBuyId: 'mb_1', packages: [{ packageId: 'pkg_2', budget: 250 }] }] })
  })

  it('puts a server issue on the matching field and keeps what was typed', async () => {
    server.use(
      http.put(`${api}/campaigns/cmp_1`, async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(
          {
            data: null,
            error: {
              code: 'VALIDATION_ERROR',
              message: 'Too low for this seller',
              field: 'mediaBuys.0.packages.0.budget',
              details: { issues: [{ path: 'mediaBuys.0.packages.0.budget', message: 'Too low for this seller' }] },
            },
          },
          { status: 400 },
        )
      }),
    )
    wrap(<BudgetPacingDialog campaign={theCampaign} buy={liveBuy} onClose={() => {}} />)
    const second = screen.getAllByLabelText('Budget (USD)')[1]
    await userEvent.clear(second)
    await userEvent.type(second, '5')
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    // 300 → 5 is a cut of more than half: confirmed on the review step before it can be sent.
    await userEvent.click(screen.getByRole('checkbox', { name: /I understand/ }))
    await userEvent.click(screen.getByRole('button', { name: 'Send changes' }))
    // Index 0 of the sent packages is pkg_2, the second line of the form.
    await screen.findByText('Too low for this seller')
    expect(screen.getAllByLabelText('Budget (USD)')[1]).toHaveAccessibleDescription('Too low for this seller')
    expect(screen.getAllByLabelText('Budget (USD)')[0]).toHaveAccessibleDescription('')
    expect(screen.getAllByLabelText('Budget (USD)')[1]).toHaveValue('5')
    expect(screen.getAllByLabelText('Budget (USD)')[1]).toHaveAttribute('aria-invalid', 'true')
    expect(sent).toEqual({ mediaBuys: [{ mediaBuyId: 'mb_1', packages: [{ packageId: 'pkg_2', budget: 5 }] }] })
  })
})

describe('optimization goals form', () => {
  it('offers only the targets that fit, and requires a value for a threshold rate', async () => {
    wrap(<GoalsDialog campaign={theCampaign} buy={liveBuy} onClose={() => {}} />)
    await userEvent.click(screen.getByRole('button', { name: 'Add metric goal' }))
    const target = screen.getByLabelText('Target')
    expect(within(target).getByRole('option', { name: /Maximize value/ })).toBeDisabled()
    expect(screen.getByText(/Maximize value: Only for event goals\./)).toBeInTheDocument()
    await userEvent.selectOptions(target, 'threshold_rate')
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    await screen.findByText('Enter a target value above 0')
    expect(screen.getByLabelText(/^Minimum rate/)).toHaveAccessibleDescription('Enter a target value above 0')
    expect(screen.queryByLabelText('Request body')).toBeNull()
  })

  it('requires a custom event name and a value field for return on ad spend', async () => {
    wrap(<GoalsDialog campaign={theCampaign} buy={liveBuy} onClose={() => {}} />)
    await userEvent.click(screen.getByRole('button', { name: 'Add event goal' }))
    await userEvent.selectOptions(screen.getByLabelText('Event type'), 'custom')
    expect(within(screen.getByLabelText('Target')).getByRole('option', { name: /Return on ad spend/ })).toBeDisabled()
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    await screen.findByText('Name the custom event')
    expect(screen.getByLabelText('Custom event name')).toHaveAccessibleDescription('Name the custom event')
    expect(screen.getByLabelText('Event source id')).toHaveAccessibleDescription('Enter the event source id')
  })

  it('clearing every goal sends []', async () => {
    const withGoal = { ...liveBuy, optimizationGoals: [{ kind: 'metric', metric: 'clicks', priority: 1 }] }
    wrap(<GoalsDialog campaign={{ ...theCampaign, mediaBuys: [withGoal] }} buy={withGoal} onClose={() => {}} />)
    await userEvent.click(screen.getByRole('button', { name: 'Clear all goals' }))
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(await reviewedRequest()).toEqual({
      mediaBuys: [{ mediaBuyId: 'mb_1', optimization_goals: [] }],
    })
  })
})

describe('cancel packages form', () => {
  it('needs at least one package and says it cannot be undone', async () => {
    wrap(<CancelDialog scope="packages" campaign={theCampaign} buy={liveBuy} onClose={() => {}} />)
    expect(screen.getByText(/cannot be resumed/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    await screen.findByText('Choose at least one package')
    expect(screen.getByRole('group', { name: 'Packages to cancel' })).toHaveAccessibleDescription(
      'Choose at least one package',
    )
    expect(screen.queryByLabelText('Request body')).toBeNull()
  })
})

describe('campaign budget form', () => {
  it('previews proportional package budgets and offers the explicit resend on 409', async () => {
    server.use(
      http.put(`${api}/campaigns/cmp_1`, () =>
        HttpResponse.json(
          { data: null, error: { code: 'INSUFFICIENT_MEDIA_BUDGET', message: 'Over', field: 'budget.total' } },
          { status: 409 },
        ),
      ),
    )
    wrap(<CampaignBudgetDialog campaign={theCampaign} onClose={() => {}} />)
    const total = screen.getByLabelText('Total budget (USD)')
    await userEvent.clear(total)
    await userEvent.type(total, '500')
    expect(screen.getByTestId('after-pkg_1')).toHaveTextContent('$350.00')
    expect(screen.getByTestId('after-pkg_2')).toHaveTextContent('$150.00')
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    await userEvent.click(screen.getByRole('button', { name: 'Change budget' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Resend with proportional package budgets' }))
    expect(await reviewedRequest()).toEqual({
      budget: { total: 500 },
      mediaBuys: [
        {
          mediaBuyId: 'mb_1',
          packages: [
            { packageId: 'pkg_1', budget: 350 },
            { packageId: 'pkg_2', budget: 150 },
          ],
        },
      ],
    })
  })
})
