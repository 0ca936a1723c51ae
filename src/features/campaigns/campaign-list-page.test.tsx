import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, http, HttpResponse } from 'msw'
import { api, setupApiServer } from '@/lib/testing/api-server'
import { clearApiKey } from '@/api/api-key'
import { resetRateLimit } from '@/api/rate-limit'
import { renderApp } from '@/lib/testing/render-app'
import { buy, campaign, envelope, errorEnvelope, summary } from '@/lib/testing/fixtures'

const listed = [
  summary({
    campaignId: 'cmp_1',
    name: 'Spring launch',
    advertiserId: '101',
    budget: { total: 50000, currency: 'USD' },
  }),
  summary({
    campaignId: 'cmp_2',
    name: 'Autumn teaser',
    advertiserId: '102',
    status: 'DRAFT',
    budget: { total: 1200, currency: 'EUR' },
  }),
]

const server = setupApiServer(
  http.get(`${api}/campaigns`, () => HttpResponse.json(envelope({ campaigns: listed, total: 2, hasMore: false }))),
  http.get(`${api}/advertisers`, () =>
    HttpResponse.json(
      envelope({
        items: [
          { id: '101', name: 'Acme Foods', status: 'ACTIVE' },
          { id: '102', name: 'Globex', status: 'ACTIVE' },
        ],
        total: 2,
        hasMore: false,
        nextOffset: null,
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
            buy({
              mediaBuyId: 'mb_1',
              name: 'Acme display',
              status: 'ACTIVE',
              agent: 'Acme Sales',
              packages: [{ packageId: 'pkg_1', status: 'active', productIds: ['p1'], budget: 700, bidPrice: 4.5 }],
            }),
            buy({ mediaBuyId: 'mb_2', name: 'Globex video', status: 'PENDING_APPROVAL', agent: 'Globex Seller' }),
          ],
        }),
      }),
    ),
  ),
  // The second campaign's detail never arrives: its row keeps the campaign's own status.
  http.get(`${api}/campaigns/cmp_2`, async () => {
    await delay('infinite')
    return HttpResponse.json({})
  }),
)
afterEach(() => {
  clearApiKey()
  resetRateLimit()
})

describe('campaign list', () => {
  it('lists campaigns with advertiser, budget in their currency, and a link to each', async () => {
    await renderApp('/campaigns')
    const table = await screen.findByRole('treegrid', { name: 'Campaigns' })
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(3)
    expect(within(rows[1]).getByRole('link', { name: 'Spring launch' })).toHaveAttribute('href', '/campaigns/cmp_1')
    await within(rows[1]).findByText('Acme Foods')
    expect(within(rows[1]).getByText(/50,000\.00/)).toBeInTheDocument()
    expect(within(rows[2]).getByText(/1,200\.00/)).toBeInTheDocument()
    expect(screen.getAllByText(/updated/).length).toBeGreaterThan(0)
  })

  it('rolls up the badge from the media buys, saying which buy and seller drive it', async () => {
    await renderApp('/campaigns')
    const badge = await screen.findByRole('button', {
      name: /^Pending approval, driven by Globex video \(Globex Seller\)/,
    })
    expect(badge).toHaveAccessibleName(/1 pending approval · 1 active/)
    expect(within(badge).getByText('Pending approval')).toHaveAttribute('data-status', 'PENDING_APPROVAL')
  })

  it('says the status is loading until the detail arrives, never showing a badge it cannot know', async () => {
    await renderApp('/campaigns')
    const row = (await screen.findByRole('link', { name: 'Autumn teaser' })).closest('[role="row"]') as HTMLElement
    expect(row).not.toBeNull()
    expect(within(row).getByText('Status loading')).toBeVisible()
    expect(row.querySelector('[data-status]')).toBeNull()
    // The other row's detail did arrive: its badge is the roll-up of its buys.
    const spring = screen.getByRole('link', { name: 'Spring launch' }).closest('[role="row"]') as HTMLElement
    await waitFor(() =>
      expect(spring.querySelector('[data-status]')).toHaveAttribute('data-status', 'PENDING_APPROVAL'),
    )
  })

  it('expands a campaign into buys and packages by keyboard, keeping open rows in the URL', async () => {
    const user = userEvent.setup()
    const { router } = await renderApp('/campaigns')
    const grid = await screen.findByRole('treegrid', { name: 'Campaigns' })
    const spring = within(grid).getByRole('row', { name: 'Spring launch' })
    expect(spring).toHaveAttribute('aria-expanded', 'false')
    expect(spring).toHaveAttribute('aria-level', '1')
    spring.focus()
    await user.keyboard('{ArrowRight}')
    await waitFor(() => expect(router.state.location.search).toMatchObject({ expanded: ['cmp_1'] }))
    const buyRow = await within(grid).findByRole('row', { name: 'Globex video' })
    expect(buyRow).toHaveAttribute('aria-level', '2')
    expect(within(buyRow).getByText('Pending approval')).toHaveAttribute('data-status', 'PENDING_APPROVAL')
    // Buys in the order the platform lists them, which a status change does not reshuffle.
    await user.keyboard('{ArrowDown}')
    const acme = within(grid).getByRole('row', { name: 'Acme display' })
    expect(acme).toHaveFocus()
    await user.keyboard('{Enter}')
    const pkg = await within(grid).findByRole('row', { name: 'Package Homepage takeover' })
    expect(pkg).toHaveAttribute('aria-level', '3')
    expect(within(pkg).getByText('Active')).toHaveAttribute('data-status', 'ACTIVE')
    expect(within(pkg).getByText(/bid \$4\.50/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Collapse all' }))
    await waitFor(() => expect(within(grid).queryByRole('row', { name: 'Acme display' })).not.toBeInTheDocument())
  })

  it('opens the campaign the buyer clicked while their name search was still settling', async () => {
    const user = userEvent.setup()
    const { router } = await renderApp('/campaigns')
    const link = await screen.findByRole('link', { name: 'Spring launch' })
    // The campaign page takes longer to load than the search takes to settle.
    let opened: () => void = () => {}
    const reading = new Promise<void>((resolve) => (opened = resolve))
    server.use(
      http.get(`${api}/campaigns/cmp_1`, async () => {
        await delay(900)
        opened()
        return HttpResponse.json(envelope({ campaign: campaign({ campaignId: 'cmp_1', name: 'Spring launch' }) }))
      }),
    )
    await user.type(screen.getByLabelText('Name'), 'Spr')
    await user.click(link)
    await reading
    await screen.findByRole('heading', { level: 1, name: 'Spring launch' })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(router.state.location.pathname).toBe('/campaigns/cmp_1')
  })

  it('says so when no campaign matches', async () => {
    server.use(
      http.get(`${api}/campaigns`, () => HttpResponse.json(envelope({ campaigns: [], total: 0, hasMore: false }))),
    )
    await renderApp('/campaigns?q=%22nothing%22')
    await screen.findByRole('heading', { name: 'No campaign matches these filters' })
  })

  it('sends a refused key to Settings with a clear message', async () => {
    server.use(
      http.get(`${api}/campaigns`, () =>
        HttpResponse.json(errorEnvelope('UNAUTHORIZED', 'Invalid API key'), { status: 401 }),
      ),
    )
    const { router } = await renderApp('/campaigns')
    await screen.findByText('The platform refused your API key.')
    await waitFor(() => expect(router.state.location.pathname).toBe('/settings'))
  })

  it('shows an unreadable response in words, and Retry loads the list', async () => {
    let calls = 0
    server.use(
      http.get(`${api}/campaigns`, () => {
        calls += 1
        return calls === 1
          ? HttpResponse.json(envelope({ campaigns: 'not a list' }))
          : HttpResponse.json(envelope({ campaigns: listed, total: 2, hasMore: false }))
      }),
    )
    await renderApp('/campaigns')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load the campaign list')
    expect(alert).toHaveTextContent('could not read')
    expect(alert).toHaveTextContent('UNEXPECTED_RESPONSE')
    within(alert).getByRole('button', { name: 'Retry' }).click()
    expect(await screen.findByRole('link', { name: 'Spring launch' })).toHaveAttribute('href', '/campaigns/cmp_1')
  })
})
