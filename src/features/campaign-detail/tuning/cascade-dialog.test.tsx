import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupApiServer } from '@/lib/testing/api-server'
import { buy, campaign, envelope } from '@/lib/testing/fixtures'
import { CascadeDialog } from './cascade-dialog'
import { API, renderTuning } from './test-helpers'

const server = setupApiServer()

const paused = campaign({
  campaignId: 'cmp_1',
  name: 'Spring launch',
  status: 'PAUSED',
  mediaBuys: [
    buy({ mediaBuyId: 'mb_1', name: 'Acme display', status: 'PAUSED' }),
    buy({ mediaBuyId: 'mb_2', name: 'Beta video', status: 'PAUSED' }),
    buy({ mediaBuyId: 'mb_3', name: 'Gamma audio', status: 'PAUSED' }),
  ],
})

describe('campaign pause / reactivate', () => {
  it('shows the outcome the platform reports for each buy: active again, completed instead, or not changed', async () => {
    let calls = 0
    server.use(
      http.post(`${API}/campaigns/cmp_1/reactivate`, () => {
        calls += 1
        return HttpResponse.json(
          envelope({
            campaignId: 'cmp_1',
            campaignName: 'Spring launch',
            previousStatus: 'PAUSED',
            newStatus: 'ACTIVE',
            totalMediaBuys: 3,
            successCount: 2,
            failureCount: 1,
            mediaBuyResults: [
              {
                mediaBuyId: 'mb_1',
                name: 'Acme display',
                previousStatus: 'PAUSED',
                newStatus: 'ACTIVE',
                success: true,
              },
              {
                mediaBuyId: 'mb_2',
                name: 'Beta video',
                previousStatus: 'PAUSED',
                newStatus: 'COMPLETED',
                success: true,
              },
              {
                mediaBuyId: 'mb_3',
                name: 'Gamma audio',
                previousStatus: 'PAUSED',
                success: false,
                error: 'Seller timed out',
              },
            ],
          }),
        )
      }),
      http.get(`${API}/campaigns/cmp_1`, () =>
        HttpResponse.json(envelope({ campaign: { ...paused, status: 'ACTIVE' } })),
      ),
    )
    const view = renderTuning(<CascadeDialog campaign={paused} onClose={() => {}} />)
    const dialog = screen.getByRole('dialog', { name: 'Reactivate campaign' })
    expect(dialog).toHaveTextContent('a buy whose flight has ended becomes completed')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reactivate campaign' }))

    const table = await screen.findByRole('table', { name: 'Results per media buy' })
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) })
    expect(row('Acme display')).toHaveTextContent('Active again')
    expect(row('Beta video')).toHaveTextContent('Completed instead: its flight has ended')
    expect(within(row('Beta video')).getByText('Completed')).toBeInTheDocument()
    expect(within(row('Gamma audio')).getAllByText('Paused')).toHaveLength(2)
    expect(row('Gamma audio')).toHaveTextContent('Not changed: Seller timed out')
    expect(screen.getByText(/2 of 3 buys changed, 1 did not/)).toBeInTheDocument()
    // The refetched campaign is ACTIVE now; the dialog still describes the reactivation it did, and focus is on Done.
    view.rerender(<CascadeDialog campaign={{ ...paused, status: 'ACTIVE' }} onClose={() => {}} />)
    expect(screen.getByRole('dialog', { name: 'Reactivate campaign' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus()
    expect(calls).toBe(1)
  })

  it('says why when the platform refuses the pause', async () => {
    server.use(
      http.post(`${API}/campaigns/cmp_1/pause`, () =>
        HttpResponse.json(
          { data: null, error: { code: 'INVALID_STATE', message: 'Only an ACTIVE campaign can be paused' } },
          { status: 409 },
        ),
      ),
      http.get(`${API}/campaigns/cmp_1`, () => HttpResponse.json(envelope({ campaign: paused }))),
    )
    renderTuning(<CascadeDialog campaign={{ ...paused, status: 'ACTIVE' }} onClose={() => {}} />)
    await userEvent.click(screen.getByRole('button', { name: 'Pause campaign' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('not allowed in the current status')
  })
})
