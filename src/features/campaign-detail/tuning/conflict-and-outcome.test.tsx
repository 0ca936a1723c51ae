import { useState } from 'react'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupApiServer } from '@/lib/testing/api-server'
import { buy, campaign, envelope } from '@/lib/testing/fixtures'
import { LiveAnnouncer } from '@/components/live-announcer'
import { BudgetPacingDialog } from './budget-pacing-dialog'
import { CampaignBudgetDialog } from './campaign-budget-dialog'
import { dismissTuningOutcome, OutcomePlaceContext } from './outcome-store'
import { API, renderTuning, reviewedRequest } from './test-helpers'
import { BuyTuningOutcome, TuningOutcomeStatus } from './tuning-outcome'

const server = setupApiServer()
afterEach(() => {
  dismissTuningOutcome()
})

const liveBuy = (budget1: number) =>
  buy({
    mediaBuyId: 'mb_1',
    name: 'Acme display',
    status: 'ACTIVE',
    packages: [
      { packageId: 'pkg_1', status: 'active', budget: budget1, pacing: 'even' },
      { packageId: 'pkg_2', status: 'active', budget: 300, pacing: 'even' },
    ],
  })
const opened = campaign({
  campaignId: 'cmp_1',
  revision: 4,
  budget: { total: 1000, currency: 'USD' },
  mediaBuys: [liveBuy(700)],
})
const movedOn = { ...opened, revision: 5, mediaBuys: [liveBuy(650)] }

async function editSecondBudgetAndReview(value: string) {
  const second = screen.getAllByLabelText('Budget (USD)')[1]
  await userEvent.clear(second)
  await userEvent.type(second, value)
  await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
}

describe('conflict safety', () => {
  it('when the revision moved under the form, says what changed and holds the send until the buyer chooses', async () => {
    const view = renderTuning(<BudgetPacingDialog campaign={opened} buy={opened.mediaBuys![0]} onClose={() => {}} />)
    await editSecondBudgetAndReview('250')
    view.rerender(<BudgetPacingDialog campaign={movedOn} buy={movedOn.mediaBuys[0]} onClose={() => {}} />)
    const warning = screen.getByText('This campaign changed while the form was open:').parentElement!
    expect(warning).toHaveTextContent('pkg_1 budget: $700.00 → $650.00')
    expect(screen.getByRole('button', { name: 'Send changes' })).toBeDisabled()

    await userEvent.click(within(warning).getByRole('button', { name: 'Keep my values' }))
    expect(screen.queryByText('This campaign changed while the form was open:')).toBeNull()
    // Re-diffed against the campaign as it is now: only what the buyer typed differs.
    expect(await reviewedRequest()).toEqual({
      mediaBuys: [{ mediaBuyId: 'mb_1', packages: [{ packageId: 'pkg_2', budget: 250 }] }],
    })
    expect(screen.getAllByLabelText('Budget (USD)').map((i) => (i as HTMLInputElement).value)).toEqual(['650', '250'])
    expect(screen.getByRole('button', { name: 'Send changes' })).toBeEnabled()
  })

  it('"Reload current values" starts again from the campaign as it is now', async () => {
    const view = renderTuning(<BudgetPacingDialog campaign={opened} buy={opened.mediaBuys![0]} onClose={() => {}} />)
    await editSecondBudgetAndReview('250')
    view.rerender(<BudgetPacingDialog campaign={movedOn} buy={movedOn.mediaBuys[0]} onClose={() => {}} />)
    await userEvent.click(screen.getByRole('button', { name: 'Reload current values' }))
    expect(screen.queryByLabelText('Request body')).toBeNull()
    expect(screen.getAllByLabelText('Budget (USD)').map((i) => (i as HTMLInputElement).value)).toEqual(['650', '300'])
  })
})

describe('after success', () => {
  it('closes the form and tells, politely, what the platform said: warnings and changes waiting on the seller', async () => {
    server.use(
      http.put(`${API}/campaigns/cmp_1`, () =>
        HttpResponse.json(
          envelope({
            campaign: {
              ...opened,
              revision: 5,
              mediaBuys: [
                {
                  ...liveBuy(700),
                  pendingChange: { status: 'PENDING_APPROVAL', differences: { budget: { live: 1000, proposed: 950 } } },
                },
              ],
            },
            warnings: ['Package budgets were scaled by 90.00% to fit the new campaign budget of 900.00 USD.'],
          }),
        ),
      ),
    )
    const onClose = vi.fn()
    renderTuning(
      <>
        <TuningOutcomeStatus campaignId="cmp_1" />
        <CampaignBudgetDialog campaign={opened} onClose={onClose} />
      </>,
    )
    const total = screen.getByLabelText('Total budget (USD)')
    await userEvent.clear(total)
    await userEvent.type(total, '900')
    await userEvent.type(screen.getByLabelText('Amount for pkg_2'), '250')
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    await userEvent.click(screen.getByRole('button', { name: 'Change budget' }))
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled())
    const status = screen.getAllByRole('status').find((s) => s.textContent?.includes('Changes sent.'))!
    expect(status).toHaveAttribute('aria-live', 'polite')
    expect(status).toHaveTextContent('Package budgets were scaled by 90.00%')
    expect(status).toHaveTextContent("“Acme display” is live: the change waits for its seller's approval")
    // The test keeps the (modal) dialog mounted, which blocks pointer events outside it.
    await userEvent.setup({ pointerEventsCheck: 0 }).click(within(status).getByRole('button', { name: 'Dismiss' }))
    expect(status).toBeEmptyDOMElement()
  })
})

function ClosingDialog() {
  const [open, setOpen] = useState(true)
  return open ? (
    <BudgetPacingDialog campaign={opened} buy={opened.mediaBuys![0]} onClose={() => setOpen(false)} />
  ) : null
}

describe('the outcome of a change made from a buy’s row', () => {
  it('appears in that row, not at the top of the page, and is read out', async () => {
    server.use(
      http.put(`${API}/campaigns/cmp_1`, () =>
        HttpResponse.json(
          envelope({
            campaign: {
              ...opened,
              revision: 5,
              mediaBuys: [
                {
                  ...liveBuy(700),
                  pendingChange: {
                    status: 'PENDING_APPROVAL',
                    differences: { budget: { live: 1000, proposed: 1250 } },
                  },
                },
              ],
            },
            warnings: [],
          }),
        ),
      ),
    )
    // The campaign page's dialogs say which row a dialog was opened from (the URL's dialogBuy).
    renderTuning(
      <>
        <LiveAnnouncer />
        <header aria-label="Campaign header">
          <TuningOutcomeStatus campaignId="cmp_1" />
        </header>
        <section aria-label="Row of Acme display">
          <BuyTuningOutcome campaign={opened} buy={opened.mediaBuys![0]} />
        </section>
        <OutcomePlaceContext.Provider value={{ buyIds: ['mb_1'] }}>
          <ClosingDialog />
        </OutcomePlaceContext.Provider>
      </>,
    )
    const user = userEvent.setup({ pointerEventsCheck: 0 })
    await editSecondBudgetAndReview('550')
    await user.click(screen.getByRole('button', { name: 'Send changes' }))
    const row = screen.getByRole('region', { name: 'Row of Acme display' })
    const outcome = await within(row).findByRole('status')
    expect(outcome).toHaveTextContent('Changes sent.')
    expect(outcome).toHaveTextContent('waits for its seller')
    expect(screen.getByRole('banner', { name: 'Campaign header' })).not.toHaveTextContent('Changes sent.')
    expect(screen.getByTestId('live-announcer')).toHaveTextContent(/^Changes sent\. .*waits for its seller/)
  })
})
