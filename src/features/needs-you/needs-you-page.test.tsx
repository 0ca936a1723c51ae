import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { api, setupApiServer } from '@/lib/testing/api-server'
import { clearApiKey } from '@/api/api-key'
import { resetRateLimit } from '@/api/rate-limit'
import { renderApp } from '@/lib/testing/render-app'
import { buy, campaign, envelope, summary } from '@/lib/testing/fixtures'

const requested: string[][] = []
let withItems = true

const HOSTILE = '<img src=x onerror=alert(1)> Which brand safety tier?'
const server = setupApiServer(
  http.get(`${api}/campaigns`, ({ request }) => {
    const statuses = new URL(request.url).searchParams.getAll('mediaBuyStatus')
    requested.push(statuses)
    const campaigns =
      withItems && statuses.some((s) => ['INPUT_REQUIRED', 'REJECTED', 'PENDING_APPROVAL'].includes(s))
        ? [summary({ campaignId: 'cmp_1', name: 'Spring launch' })]
        : []
    return HttpResponse.json(envelope({ campaigns, total: campaigns.length, hasMore: false }))
  }),
  http.get(`${api}/campaigns/cmp_1/media-buy-status`, () =>
    HttpResponse.json(
      envelope({
        campaign_id: 'cmp_1',
        campaign_status: 'ACTIVE',
        operational_status: 'attention_required',
        media_buys: [],
        agents_queried: 1,
        errors: [],
        blockers: [],
        pending_creative_reviews: 0,
        has_upstream_media_buy: true,
        has_delivery: false,
      }),
    ),
  ),
  http.get(`${api}/campaigns/cmp_1`, () =>
    HttpResponse.json(
      envelope({
        campaign: campaign({
          campaignId: 'cmp_1',
          name: 'Spring launch',
          mediaBuys: [
            buy({ mediaBuyId: 'mb_1', name: 'Acme display', status: 'ACTIVE' }),
            buy({
              mediaBuyId: 'mb_3',
              name: 'Initech audio',
              status: 'REJECTED',
              agent: 'Initech',
              sourceMessage: 'Below minimum',
              pendingSince: '2026-03-02T00:00:00Z',
            }),
            buy({
              mediaBuyId: 'mb_2',
              name: 'Globex video',
              status: 'INPUT_REQUIRED',
              agent: 'Globex Seller',
              sourceMessage: HOSTILE,
              pendingSince: '2026-03-05T00:00:00Z',
            }),
            buy({
              mediaBuyId: 'mb_4',
              name: 'Hooli native',
              status: 'PENDING_APPROVAL',
              agent: 'Hooli',
              pendingSince: '2026-03-01T00:00:00Z',
            }),
          ],
        }),
      }),
    ),
  ),
)
afterEach(() => {
  clearApiKey()
  resetRateLimit()
  requested.length = 0
  withItems = true
})

describe('Needs you', () => {
  it('orders what needs the buyer (input first), keeps "waiting on the seller" apart, and shows the seller’s words as text', async () => {
    await renderApp('/needs-you')
    const mine = await screen.findByRole('listbox', { name: /^Needs you/ })
    const options = await within(mine).findAllByRole('option')
    expect(options.map((o) => within(o).getByText(/Globex video|Initech audio/).textContent)).toEqual([
      'Globex video',
      'Initech audio',
    ])
    expect(within(options[0]).getByText(`“${HOSTILE}”`)).toBeInTheDocument()
    expect(document.querySelector('img')).toBeNull()
    expect(within(mine).queryByText('Acme display')).not.toBeInTheDocument()
    const waiting = screen.getByRole('listbox', {
      name: /Waiting on the seller/,
    })
    expect(within(waiting).getByText('Hooli native')).toBeInTheDocument()
    expect(options[0]).toHaveAttribute('aria-selected', 'true')
    expect(requested).toEqual(
      expect.arrayContaining([['INPUT_REQUIRED'], ['FAILED', 'REJECTED'], ['PENDING_APPROVAL']]),
    )
    // The nav counts the buys that need the buyer.
    const nav = screen.getByRole('navigation', { name: 'Main' })
    await waitFor(() =>
      expect(within(nav).getByRole('link', { name: /^Needs you/ })).toHaveTextContent(/^Needs you\D*2\D*$/),
    )
  })

  it('keeps counting how long a buy has waited, without a refresh', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], shouldAdvanceTime: true })
    try {
      const since = new Date(Date.now() - 50_000).toISOString()
      server.use(
        http.get(`${api}/campaigns/cmp_1`, () =>
          HttpResponse.json(
            envelope({
              campaign: campaign({
                campaignId: 'cmp_1',
                name: 'Spring launch',
                mediaBuys: [
                  buy({
                    mediaBuyId: 'mb_2',
                    name: 'Globex video',
                    status: 'INPUT_REQUIRED',
                    agent: 'Globex Seller',
                    pendingSince: since,
                  }),
                ],
              }),
            }),
          ),
        ),
      )
      await renderApp('/needs-you')
      const mine = await screen.findByRole('listbox', { name: /^Needs you/ })
      const option = await within(mine).findByRole('option', { name: /Globex video/ })
      expect(option).toHaveTextContent(/since 5\d s ago/)
      act(() => vi.advanceTimersByTime(15_000))
      expect(option).toHaveTextContent('since 1 min ago')
    } finally {
      vi.useRealTimers()
    }
  })

  it('moves with j/k and opens help with ?', async () => {
    const user = userEvent.setup()
    await renderApp('/needs-you')
    const mine = await screen.findByRole('listbox', { name: /^Needs you/ })
    const option = (i: number) => within(mine).getAllByRole('option')[i]
    // The selection lives in the URL, so each move lands after a navigation.
    await waitFor(() => expect(option(0)).toHaveAttribute('aria-selected', 'true'))
    await user.keyboard('j')
    await waitFor(() => expect(option(1)).toHaveAttribute('aria-selected', 'true'))
    await user.keyboard('k')
    await waitFor(() => expect(option(0)).toHaveAttribute('aria-selected', 'true'))
    await user.keyboard('?')
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(
      within(help)
        .getAllByRole('rowheader')
        .map((key) => key.textContent),
    ).toEqual(['j', 'k', 'Enter', 'r', 'c', '/', '?'])
  })

  it('offers a rejected buy what the contract allows, send again or archive, with the seller’s reason beside it', async () => {
    let executed = 0
    server.use(
      http.post(`${api}/campaigns/cmp_1/execute`, () => {
        executed++
        return HttpResponse.json(
          envelope({
            campaignId: 'cmp_1',
            previousStatus: 'ACTIVE',
            newStatus: 'ACTIVE',
            success: true,
            mediaBuysExecuted: 1,
          }),
        )
      }),
    )
    const user = userEvent.setup()
    await renderApp('/needs-you')
    const mine = await screen.findByRole('listbox', { name: /^Needs you/ })
    await waitFor(() => expect(within(mine).getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true'))
    await user.keyboard('j')
    const detail = await screen.findByRole('region', { name: /Initech audio/ })
    expect(within(detail).getByText('Below minimum')).toBeInTheDocument()
    expect(within(detail).getByRole('button', { name: 'Archive buy' })).toBeEnabled()
    // §4.2: a rejected buy cannot be canceled, so cancel is not offered.
    expect(within(detail).queryByRole('button', { name: 'Cancel buy' })).toBeNull()
    await user.click(within(detail).getByRole('button', { name: 'Send again' }))
    const dialog = await screen.findByRole('dialog', { name: 'Send again: Initech audio' })
    expect(dialog).toHaveTextContent('Below minimum')
    await user.click(within(dialog).getByRole('button', { name: 'Execute again' }))
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Sent: 1 buy(s)'))
    expect(executed).toBe(1)
  })

  it('answers a seller in a dialog kept in the URL: a link opens it, Back closes it', async () => {
    const user = userEvent.setup()
    const { router } = await renderApp('/needs-you?dialog=reply&dialogCampaign=cmp_1&dialogBuy=mb_2')
    const reply = await screen.findByRole('dialog', { name: 'Reply and dates: Globex video' })
    // Focus starts on the form's first field (the new start date).
    await waitFor(() => expect(reply.querySelector('input, select, textarea')).toHaveFocus())
    await user.click(within(reply).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(router.state.location.search).not.toHaveProperty('dialog')

    const mine = await screen.findByRole('listbox', { name: /^Needs you/ })
    await user.click(await within(mine).findByRole('option', { name: /Globex video/ }))
    const detail = await screen.findByRole('region', { name: /Globex video/ })
    const trigger = within(detail).getByRole('button', { name: 'Change budget and reply' })
    await user.click(trigger)
    await screen.findByRole('dialog', { name: 'Budget and pacing: Globex video' })
    expect(router.state.location.search).toMatchObject({ dialog: 'budget', dialogCampaign: 'cmp_1', dialogBuy: 'mb_2' })
    router.history.back()
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await waitFor(() => expect(within(detail).getByRole('button', { name: 'Change budget and reply' })).toHaveFocus())
  })

  it('says so when nothing needs the buyer', async () => {
    withItems = false
    await renderApp('/needs-you')
    await screen.findByText('Nothing needs you right now.')
    expect(screen.getByText('Nothing is waiting on a seller.')).toBeInTheDocument()
  })
})
