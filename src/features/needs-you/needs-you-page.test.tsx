import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { clearApiKey } from '@/api/api-key'
import { resetRateLimit } from '@/api/rate-limit'
import { renderApp } from '@/lib/testing/render-app'
import { buy, campaign, envelope, summary } from '@/lib/testing/fixtures'

const api = '*/api/v2/buyer'
const requested: string[][] = []

const server = setupServer(
  http.get(`${api}/advertisers`, () => HttpResponse.json(envelope({ items: [], total: 0, hasMore: false }))),
  http.get(`${api}/campaigns`, ({ request }) => {
    const statuses = new URL(request.url).searchParams.getAll('mediaBuyStatus')
    requested.push(statuses)
    const campaigns = statuses.includes('INPUT_REQUIRED')
      ? [summary({ campaignId: 'cmp_1', name: 'Spring launch' })]
      : []
    return HttpResponse.json(envelope({ campaigns, total: campaigns.length, hasMore: false }))
  }),
  http.get(`${api}/campaigns/cmp_1`, () =>
    HttpResponse.json(
      envelope({
        campaign: campaign({
          campaignId: 'cmp_1',
          name: 'Spring launch',
          mediaBuys: [
            buy({ mediaBuyId: 'mb_1', name: 'Acme display', status: 'ACTIVE' }),
            buy({
              mediaBuyId: 'mb_2',
              name: 'Globex video',
              status: 'INPUT_REQUIRED',
              agent: 'Globex Seller',
              sourceMessage: 'Which brand safety tier?',
            }),
          ],
        }),
      }),
    ),
  ),
)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  clearApiKey()
  resetRateLimit()
  requested.length = 0
})
afterAll(() => server.close())

describe('Needs you', () => {
  it('asks the API for campaigns by media-buy status and shows the buys waiting, in the seller’s words', async () => {
    renderApp('/needs-you')
    const inputSection = await screen.findByRole('region', { name: /Sellers are waiting for your input/ })
    expect(await within(inputSection).findByText('Globex video')).toBeInTheDocument()
    expect(within(inputSection).getByText(/Which brand safety tier\?/)).toBeInTheDocument()
    // Only the buys that need the buyer are listed, not the healthy one.
    expect(within(inputSection).queryByText('Acme display')).not.toBeInTheDocument()

    const failedSection = screen.getByRole('region', { name: /Failed or rejected/ })
    expect(await within(failedSection).findByText('Nothing here right now.')).toBeInTheDocument()
    expect(requested).toEqual(expect.arrayContaining([['INPUT_REQUIRED'], ['FAILED', 'REJECTED']]))
  })
})
