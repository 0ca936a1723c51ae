import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupApiServer } from '@/lib/testing/api-server'
import { buy, campaign, envelope } from '@/lib/testing/fixtures'
import { BulkEditDialog } from './bulk-edit-dialog'
import { API, renderTuning, reviewedRequest } from './test-helpers'

const server = setupApiServer()

const pkgs = (id: string, budget: number) => [{ packageId: `${id}_a`, status: 'active', budget, pacing: 'even' }]
const theCampaign = campaign({
  campaignId: 'cmp_1',
  budget: { total: 10_000, currency: 'USD' },
  mediaBuys: [
    buy({ mediaBuyId: 'mb_1', name: 'Acme display', status: 'PAUSED', packages: pkgs('mb_1', 1000) }),
    buy({ mediaBuyId: 'mb_2', name: 'Beta video', status: 'ACTIVE', packages: pkgs('mb_2', 333.33) }),
    buy({ mediaBuyId: 'mb_3', name: 'Gamma audio', status: 'CANCELED', packages: pkgs('mb_3', 500) }),
  ],
})

describe('bulk edit of the buys selected in the tree', () => {
  it('sends ONE PUT with an entry per buy that can take the change, and lists the others with the reason', async () => {
    const puts: unknown[] = []
    server.use(
      http.put(`${API}/campaigns/cmp_1`, async ({ request }) => {
        puts.push(await request.json())
        return HttpResponse.json(envelope({ campaign: { ...theCampaign, revision: 2 }, warnings: [] }))
      }),
    )
    const onClose = vi.fn()
    renderTuning(<BulkEditDialog campaign={theCampaign} buyIds={['mb_1', 'mb_2', 'mb_3']} onClose={onClose} />)
    expect(screen.getByText(/Left out:/)).toHaveTextContent(/Gamma audio \(.+\)/)
    await userEvent.selectOptions(screen.getByLabelText('Set pacing on every package'), 'front_loaded')
    await userEvent.type(screen.getByLabelText(/Scale package budgets to/), '90')
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    const expected = {
      mediaBuys: [
        { mediaBuyId: 'mb_1', packages: [{ packageId: 'mb_1_a', budget: 900, pacing: 'front_loaded' }] },
        // 333.33 × 0.9 = 299.997: rounded down to the cent, never up.
        { mediaBuyId: 'mb_2', packages: [{ packageId: 'mb_2_a', budget: 299.99, pacing: 'front_loaded' }] },
      ],
    }
    expect(await reviewedRequest()).toEqual(expected)
    await userEvent.click(screen.getByRole('button', { name: 'Send changes' }))
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(puts).toEqual([expected])
  })

  it('refuses a percentage that is not a plain number above 0', async () => {
    renderTuning(<BulkEditDialog campaign={theCampaign} buyIds={['mb_1']} onClose={() => {}} />)
    const percent = screen.getByLabelText(/Scale package budgets to/)
    await userEvent.type(percent, '1e3')
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    await screen.findByText(/A percentage from 10 to 500/)
    expect(percent).toHaveAccessibleDescription(/A percentage from 10 to 500/)
    expect(screen.queryByLabelText('Request body')).toBeNull()
  })
})
