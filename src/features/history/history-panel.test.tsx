import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { api, setupApiServer } from '@/lib/testing/api-server'
import { renderApp } from '@/lib/testing/render-app'
import { buy, campaign, envelope, errorEnvelope } from '@/lib/testing/fixtures'

const row = (overrides: Record<string, unknown>) => ({
  id: 1,
  timestamp: '2026-03-05T10:00:00Z',
  createdAt: '2026-03-05T10:00:00Z',
  action: 'UPDATE',
  resourceType: 'MEDIA_BUY',
  resourceId: 'mb_1',
  resourceName: 'Acme display',
  parentType: 'CAMPAIGN',
  advertiserId: 101,
  userId: 7,
  userEmail: 'dana@agency.example',
  userName: 'Dana Buyer',
  serviceTokenId: null,
  serviceTokenName: null,
  actorOrigin: 'human',
  outcome: 'succeeded',
  parameters: null,
  changes: null,
  description: 'Updated media buy',
  ...overrides,
})

const historyAsks: URLSearchParams[] = []
let historyStatus = 200
setupApiServer(
  http.get(`${api}/advertisers`, () => HttpResponse.json(envelope({ items: [], total: 0, hasMore: false }))),
  http.get(`${api}/campaigns/cmp_1`, () =>
    HttpResponse.json(
      envelope({
        campaign: campaign({
          campaignId: 'cmp_1',
          budget: { total: 50000, currency: 'EUR' },
          mediaBuys: [buy({ mediaBuyId: 'mb_1', name: 'Acme display' })],
        }),
      }),
    ),
  ),
  http.get(`${api}/audit-logs`, ({ request }) => {
    historyAsks.push(new URL(request.url).searchParams)
    if (historyStatus === 403)
      return HttpResponse.json(errorEnvelope('FORBIDDEN', 'Admin role required'), { status: 403 })
    return HttpResponse.json({
      total: 2,
      logs: [
        row({
          id: 2,
          timestamp: '2026-03-06T09:00:00Z',
          actorOrigin: 'autonomous',
          userName: null,
          userEmail: null,
          serviceTokenId: 3,
          serviceTokenName: 'Optimizer',
          description: 'Applied optimization suggestion',
          changes: { 'mediaBuys[mb_1].packages[pkg_1].budget': { from: 7500, to: 9000 } },
        }),
        row({ changes: { 'mediaBuys[mb_1].packages[pkg_1].budget': { from: 5000, to: 7500 } } }),
      ],
    })
  }),
  http.get(`${api}/notifications`, () =>
    HttpResponse.json({ notifications: [], totalCount: 0, unreadCount: 0, hasMore: false }),
  ),
  http.get(`${api}/optimization-suggestions`, () =>
    HttpResponse.json({ suggestions: [], totalCount: 0, hasMore: false }),
  ),
  http.get(`${api}/reporting/metrics`, () => HttpResponse.json(envelope({ timeseries: [] }))),
)
afterEach(() => {
  historyAsks.length = 0
  historyStatus = 200
})

describe('History on the campaign page (D10)', () => {
  it('lists changes newest first with the actor, how they were made, and old → new as money', async () => {
    await renderApp('/campaigns/cmp_1')
    const table = await screen.findByRole('table', { name: 'Change history' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toHaveTextContent('Optimizer')
    expect(rows[0]).toHaveTextContent('service token')
    expect(within(rows[0]).getByText('Autonomous')).toBeVisible()
    expect(rows[0]).toHaveTextContent('€7,500.00 → €9,000.00')
    expect(rows[1]).toHaveTextContent('Dana Buyer')
    expect(rows[1]).toHaveTextContent('by hand')
    expect(rows[1]).toHaveTextContent('Budget €5,000.00 → €7,500.00')
    expect(rows[1]).toHaveTextContent('Succeeded')
    expect(table).not.toHaveTextContent('{')
    expect(historyAsks[0].get('campaignId')).toBe('cmp_1')
    expect(historyAsks[0].get('outcome')).toBeNull()
  })

  it('takes its filters from the URL and sends them in one request; changing one resets the page', async () => {
    const { router } = await renderApp('/campaigns/cmp_1?historyOrigin=agent&historyOutcome=denied&historyPage=3')
    await screen.findByRole('table', { name: 'Change history' })
    // One request for the filtered page; the timeline reads the campaign's unfiltered first page.
    const filtered = historyAsks.filter((q) => q.has('actorOrigin'))
    expect(filtered.map((q) => [q.get('actorOrigin'), q.get('outcome'), q.get('skip')])).toEqual([
      ['agent', 'denied', '100'],
    ])
    await userEvent.selectOptions(screen.getByLabelText('Media buy'), 'mb_1')
    await vi.waitFor(() => expect(historyAsks.at(-1)!.get('resourceId')).toBe('mb_1'))
    expect(historyAsks.at(-1)!.get('skip')).toBeNull()
    expect(router.state.location.search).toMatchObject({ historyBuy: 'mb_1', historyOrigin: 'agent' })
  })

  it('says in a sentence that History needs an admin key when the platform answers 403', async () => {
    historyStatus = 403
    await renderApp('/campaigns/cmp_1')
    const history = await screen.findByRole('region', { name: 'History' })
    expect(await within(history).findByText(/History needs an admin key/)).toBeVisible()
    expect(within(history).queryByRole('alert')).toBeNull()
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Spring launch')
  })
})
