import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { clearApiKey } from '@/api/api-key'
import { resetRateLimit } from '@/api/rate-limit'
import { renderApp } from '@/lib/testing/render-app'
import { buy, campaign, envelope, errorEnvelope } from '@/lib/testing/fixtures'

const api = '*/api/v2/buyer'

const server = setupServer(
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
          ],
        }),
      }),
    ),
  ),
  http.get(`${api}/campaigns/missing`, () =>
    HttpResponse.json(errorEnvelope('NOT_FOUND', 'Campaign not found'), { status: 404 }),
  ),
)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  clearApiKey()
  resetRateLimit()
})
afterAll(() => server.close())

describe('campaign page', () => {
  it('shows the campaign, its rolled-up badge, and each buy with its seller, reason and packages', async () => {
    renderApp('/campaigns/cmp_1')
    expect(await screen.findByRole('heading', { level: 1, name: 'Spring launch' })).toBeInTheDocument()
    expect(
      screen.getByRole('button', { name: /^Input required, driven by Acme display \(Acme Sales\)/ }),
    ).toBeInTheDocument()
    expect(await screen.findByText('Acme Foods')).toBeInTheDocument()

    const item = screen.getByRole('listitem', { name: 'Acme display' })
    expect(within(item).getByText('Sales agent: Acme Sales', { exact: false })).toBeInTheDocument()
    expect(within(item).getByText(/Please confirm the landing page URL/)).toBeInTheDocument()
    const packages = within(item).getByRole('list', { name: 'Packages of Acme display' })
    expect(within(packages).getByText('Homepage takeover')).toBeInTheDocument()
    expect(within(packages).getByText('Active')).toHaveAttribute('data-status', 'ACTIVE')
  })

  it('shows a not-found page for a campaign that does not exist', async () => {
    renderApp('/campaigns/missing')
    expect(await screen.findByRole('heading', { name: 'This campaign does not exist' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to campaigns' })).toBeInTheDocument()
  })
})
