import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { api, setupApiServer } from '@/lib/testing/api-server'
import { clearApiKey } from '@/api/api-key'
import { resetRateLimit } from '@/api/rate-limit'
import { renderApp } from '@/lib/testing/render-app'
import { buy, campaign, envelope, errorEnvelope } from '@/lib/testing/fixtures'

// The charts draw on a canvas jsdom does not have; what this page shows around them is under test here.
vi.mock('@/features/delivery/delivery-charts', () => ({ default: () => null }))

const statusAsks: string[] = []
const twoBuys = (secondStatus: string) =>
  campaign({
    campaignId: 'cmp_two',
    name: 'Two sellers',
    revision: secondStatus === 'ACTIVE' ? 1 : 2,
    mediaBuys: [
      buy({ mediaBuyId: 'mb_a', name: 'Alpha buy', status: 'ACTIVE', agent: 'Alpha Seller' }),
      buy({ mediaBuyId: 'mb_b', name: 'Beta buy', status: secondStatus, agent: 'Beta Seller' }),
    ],
  })
const server = setupApiServer(
  http.get(`${api}/advertisers`, () =>
    HttpResponse.json(
      envelope({ items: [{ id: '101', name: 'Acme Foods', status: 'ACTIVE' }], total: 1, hasMore: false }),
    ),
  ),
  http.get(`${api}/campaigns/cmp_1`, () =>
    HttpResponse.json(
      envelope({
        campaign: campaign({
          campaignId: 'cmp_1',
          name: 'Spring launch',
          mediaBuys: [
            buy({
              mediaBuyId: 'mb_1',
              name: 'Acme display',
              status: 'INPUT_REQUIRED',
              agent: 'Acme Sales',
              sourceMessage: 'Please confirm the landing page URL',
              packages: [{ packageId: 'pkg_1', status: 'active', productIds: ['p1'], budget: 700 }],
            }),
            buy({
              mediaBuyId: 'mb_2',
              name: 'Globex video',
              status: 'ACTIVE',
              agent: 'Globex Seller',
              pendingChange: {
                status: 'PENDING_APPROVAL',
                since: '2026-03-02T10:00:00Z',
                differences: { budget: { live: 30000, proposed: 34000 } },
              },
            }),
          ],
        }),
      }),
    ),
  ),
  http.get(`${api}/campaigns/cmp_1/media-buy-status`, () => {
    statusAsks.push('cmp_1')
    return HttpResponse.json(
      envelope({
        campaign_id: 'cmp_1',
        campaign_status: 'ACTIVE',
        operational_status: 'pending_approval',
        agents_queried: 2,
        media_buys: [
          {
            media_buy_id: 'mb_2',
            adcp_media_buy_id: 'ord_2',
            internal_status: 'ACTIVE',
            adcp_status: 'active',
            operational_status: 'pending_approval',
            updated: false,
            status_refresh_source: 'direct_agent',
            blockers: ['Change waits for the seller’s review'],
          },
        ],
        errors: [],
        blockers: [],
        pending_creative_reviews: 0,
        has_upstream_media_buy: true,
        has_delivery: false,
      }),
    )
  }),
  http.get(`${api}/campaigns/cmp_live`, () =>
    HttpResponse.json(
      envelope({
        campaign: campaign({
          campaignId: 'cmp_live',
          name: 'Always on',
          mediaBuys: [buy({ mediaBuyId: 'mb_9', name: 'Steady', status: 'ACTIVE', agent: 'Globex Seller' })],
        }),
      }),
    ),
  ),
  http.get(`${api}/campaigns/cmp_live/media-buy-status`, () => {
    statusAsks.push('cmp_live')
    return HttpResponse.json(errorEnvelope('INTERNAL_ERROR', 'not expected'), { status: 500 })
  }),
  http.get(`${api}/campaigns/cmp_rej`, () =>
    HttpResponse.json(
      envelope({
        campaign: campaign({
          campaignId: 'cmp_rej',
          name: 'Declined',
          mediaBuys: [
            buy({
              mediaBuyId: 'mb_r',
              name: 'Turned down',
              status: 'REJECTED',
              agent: 'Summit Audio Network',
              packages: [{ packageId: 'pkg_r', status: 'active', productIds: ['p1'], budget: 700 }],
            }),
          ],
        }),
      }),
    ),
  ),
  http.get(`${api}/campaigns/cmp_rej/media-buy-status`, () =>
    HttpResponse.json(errorEnvelope('INTERNAL_ERROR', 'not expected'), { status: 500 }),
  ),
  http.get(`${api}/campaigns/cmp_two`, () => HttpResponse.json(envelope({ campaign: twoBuys('ACTIVE') }))),
  http.get(`${api}/campaigns/cmp_two/media-buy-status`, () =>
    HttpResponse.json(errorEnvelope('INTERNAL_ERROR', 'not expected'), { status: 500 }),
  ),
  http.get(`${api}/campaigns/missing`, () =>
    HttpResponse.json(errorEnvelope('NOT_FOUND', 'Campaign not found'), { status: 404 }),
  ),
)
afterEach(() => {
  statusAsks.length = 0
  clearApiKey()
  resetRateLimit()
})

describe('campaign page', () => {
  it('asks the sellers for live status by itself while a buy waits on its seller, and says when', async () => {
    await renderApp('/campaigns/cmp_1')
    const sync = await screen.findByRole('region', { name: 'Status from the sellers' })
    expect(await within(sync).findByText(/Sellers last asked/)).toHaveTextContent(/asked again every 30 s/)
    expect(within(sync).getByRole('list', { name: 'Status per media buy' })).toHaveTextContent(
      'Change waits for the seller’s review',
    )
    expect(statusAsks).toEqual(['cmp_1'])
  })

  it('does not ask the sellers by itself when nothing waits on them', async () => {
    await renderApp('/campaigns/cmp_live')
    const sync = await screen.findByRole('region', { name: 'Status from the sellers' })
    expect(within(sync).getByText('Ask every sales agent for the live status of each buy.')).toBeVisible()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(statusAsks).toEqual([])
  })

  it('shows the campaign, its rolled-up badge, and each buy with its seller, reason and packages', async () => {
    await renderApp('/campaigns/cmp_1')
    await screen.findByRole('heading', { level: 1, name: 'Spring launch' })
    expect(
      screen.getByRole('button', { name: /^Input required, driven by Acme display \(Acme Sales\)/ }),
    ).toBeInTheDocument()
    await screen.findByText('Acme Foods')

    const grid = screen.getByRole('treegrid', { name: 'Media buys of Spring launch' })
    const item = within(grid).getByRole('row', { name: 'Acme display' })
    expect(within(item).getByText('Acme Sales')).toBeInTheDocument()
    expect(within(item).getByText(/Seller says: “Please confirm the landing page URL”/)).toBeInTheDocument()
    const user = userEvent.setup()
    await user.click(within(item).getByRole('button', { name: 'Expand Acme display' }))
    const pkg = await within(grid).findByRole('row', { name: 'Package Homepage takeover' })
    // The buy waits on the buyer, so its package is not live either.
    expect(within(pkg).getByText('Input required')).toHaveAttribute('data-status', 'INPUT_REQUIRED')
  })

  it('shows a pending change as one row: live → proposed, since when', async () => {
    const user = userEvent.setup()
    await renderApp('/campaigns/cmp_1?expanded=%5B%22mb_2%22%5D')
    const grid = await screen.findByRole('treegrid', { name: 'Media buys of Spring launch' })
    const change = within(grid).getByRole('row', { name: 'Pending change to Globex video' })
    expect(change).toHaveTextContent(/\$30,000\.00 → \$34,000\.00/)
    expect(change).toHaveTextContent(/since/)
    expect(within(change).getByText('Pending approval')).toHaveAttribute('data-status', 'PENDING_APPROVAL')
    // Selecting buys offers the bulk bar.
    await user.click(within(grid).getByRole('checkbox', { name: 'Select Globex video' }))
    expect(screen.getByRole('region', { name: 'Selected media buys' })).toHaveTextContent('1 buy selected')
  })

  it('gives a live buy whose change waits on the seller one status in the tree and the pacing table', async () => {
    await renderApp('/campaigns/cmp_1')
    const grid = await screen.findByRole('treegrid', { name: 'Media buys of Spring launch' })
    const row = within(grid).getByRole('row', { name: 'Globex video' })
    const badge = within(row).getAllByText(/^(Active|Pending approval)$/)[0]
    expect(badge).toHaveAttribute('data-status', 'PENDING_APPROVAL')
    expect(row).toHaveTextContent('live: Active')
    const table = await screen.findByRole('table', { name: 'Pacing by media buy and package' })
    expect(within(table).getByRole('rowheader', { name: /^Globex video/ })).toHaveTextContent(
      'Globex Seller · pending approval',
    )
  })

  it('never shows a package of a rejected buy as Active', async () => {
    await renderApp('/campaigns/cmp_rej?expanded=%5B%22mb_r%22%5D')
    const grid = await screen.findByRole('treegrid', { name: 'Media buys of Declined' })
    const pkg = within(grid).getByRole('row', { name: 'Package Homepage takeover' })
    expect(within(pkg).getByText('Rejected')).toHaveAttribute('data-status', 'REJECTED')
    expect(within(pkg).queryByText('Active')).toBeNull()
  })

  it('keeps the buys where they are when a status changes, and reorders only when the buyer picks an order', async () => {
    const user = userEvent.setup()
    const { queryClient } = await renderApp('/campaigns/cmp_two')
    const grid = await screen.findByRole('treegrid', { name: 'Media buys of Two sellers' })
    const names = () =>
      within(grid)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.getAttribute('aria-label'))
    expect(names()).toEqual(['Alpha buy', 'Beta buy'])
    server.use(http.get(`${api}/campaigns/cmp_two`, () => HttpResponse.json(envelope({ campaign: twoBuys('FAILED') }))))
    await queryClient.refetchQueries({ queryKey: ['campaigns'] })
    const beta = within(grid).getByRole('row', { name: 'Beta buy' })
    await within(beta).findByText('Failed')
    expect(names()).toEqual(['Alpha buy', 'Beta buy'])
    await user.selectOptions(await screen.findByLabelText('Order buys'), 'Most restrictive status first')
    // The choice goes through the URL, so the rows move once the navigation lands.
    await waitFor(() => expect(names()).toEqual(['Beta buy', 'Alpha buy']))
  })

  it('never shows the advertiser as a bare id: it says the name is loading, then shows it', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    server.use(
      http.get(`${api}/advertisers`, async () => {
        await gate
        return HttpResponse.json(
          envelope({ items: [{ id: '101', name: 'Acme Foods', status: 'ACTIVE' }], total: 1, hasMore: false }),
        )
      }),
    )
    await renderApp('/campaigns/cmp_1')
    await screen.findByRole('heading', { level: 1, name: 'Spring launch' })
    const fact = screen.getByText('Advertiser', { selector: 'dt' }).nextElementSibling!
    expect(fact).toHaveTextContent('Loading name… 101')
    release()
    await within(fact as HTMLElement).findByText('Acme Foods')
    expect(fact).toHaveTextContent(/^Acme Foods$/)
  })

  it('shows a not-found page for a campaign that does not exist', async () => {
    await renderApp('/campaigns/missing')
    await screen.findByRole('heading', { name: 'This campaign does not exist' })
    expect(screen.getByRole('link', { name: 'Go to campaigns' })).toBeInTheDocument()
  })
})

describe('campaign page dialogs, in the URL', () => {
  it('opens the dialog a link names, focused on its first field', async () => {
    const { router } = await renderApp('/campaigns/cmp_1?dialog=budget&dialogBuy=mb_1')
    const dialog = await screen.findByRole('dialog', { name: 'Budget and pacing: Acme display' })
    await waitFor(() => expect(within(dialog).getAllByLabelText('Budget (USD)')[0]).toHaveFocus())
    // Closed from inside after a reload or a link: the same page without the dialog, no step back out of it.
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(router.state.location.search).not.toHaveProperty('dialog')
    expect(router.state.location.pathname).toBe('/campaigns/cmp_1')
    // Focus goes to the control the dialog belongs to: the buy's actions.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Actions for Acme display' })).toHaveFocus())
  })

  it('puts a dialog opened from a row into the URL; Back closes it and focus returns to the row’s trigger', async () => {
    const user = userEvent.setup()
    const { router } = await renderApp('/campaigns/cmp_1')
    const grid = await screen.findByRole('treegrid', { name: 'Media buys of Spring launch' })
    const row = within(grid).getByRole('row', { name: 'Acme display' })
    await user.click(within(row).getByRole('button', { name: 'Actions for Acme display' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Cancel buy' }))
    const dialog = await screen.findByRole('dialog', { name: /Acme display/ })
    expect(router.state.location.search).toMatchObject({ dialog: 'cancel-buy', dialogBuy: 'mb_1' })
    router.history.back()
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(dialog).not.toBeInTheDocument()
    expect(router.state.location.search).not.toHaveProperty('dialog')
    await waitFor(() => expect(within(row).getByRole('button', { name: 'Actions for Acme display' })).toHaveFocus())
    // Forward opens it again.
    router.history.forward()
    await screen.findByRole('dialog', { name: /Acme display/ })
  })

  it('leaves the dialog closed when the URL names one that does not exist, or a buy the campaign does not have', async () => {
    await renderApp('/campaigns/cmp_1?dialog=explode&dialogBuy=mb_1')
    await screen.findByRole('treegrid', { name: 'Media buys of Spring launch' })
    expect(screen.queryByRole('dialog')).toBeNull()
    cleanup()
    await renderApp('/campaigns/cmp_1?dialog=budget&dialogBuy=mb_nope')
    await screen.findByRole('treegrid', { name: 'Media buys of Spring launch' })
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
