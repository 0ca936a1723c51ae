import { http, HttpResponse, type RequestHandler } from 'msw'
import { setupServer } from 'msw/node'
import { envelope } from './fixtures'

/** The buyer API as the SPA calls it, for MSW handlers (any origin). */
export const api = '*/api/v2/buyer'

const NO_METRICS = { impressions: 0, spend: 0, clicks: 0 }

/**
 * What every screen of the app asks for besides its own data, answered empty: the advertiser names, the nav's
 * Needs you counts (campaign lists filtered by buy status), the bell's notifications, a campaign's delivery, its
 * history, its suggestions, its creatives and its property lists. A test's own handlers come
 * first, so it answers any of these itself when it cares.
 */
export const appShellHandlers: RequestHandler[] = [
  http.get(`${api}/advertisers`, () => HttpResponse.json(envelope({ items: [], total: 0, hasMore: false }))),
  http.get(`${api}/campaigns`, () => HttpResponse.json(envelope({ campaigns: [], total: 0, hasMore: false }))),
  http.get(`${api}/notifications`, () =>
    HttpResponse.json(envelope({ notifications: [], totalCount: 0, unreadCount: 0, hasMore: false })),
  ),
  http.get(`${api}/optimization-suggestions`, () =>
    HttpResponse.json(envelope({ suggestions: [], totalCount: 0, hasMore: false })),
  ),
  http.get(`${api}/audit-logs`, () => HttpResponse.json(envelope({ logs: [], total: 0 }))),
  http.get(`${api}/campaigns/:campaignId/creatives`, () => HttpResponse.json(envelope({ manifests: [], total: 0 }))),
  http.get(`${api}/campaigns/:campaignId/property-lists`, ({ params }) =>
    HttpResponse.json(
      envelope({
        campaignId: params.campaignId,
        propertyLists: [],
        summary: { totalLists: 0, includeCount: 0, excludeCount: 0 },
      }),
    ),
  ),
  http.get(`${api}/reporting/metrics`, ({ request }) => {
    const url = new URL(request.url)
    return HttpResponse.json(
      envelope({
        timeseries: [],
        totals: NO_METRICS,
        totalsCurrency: null,
        periodStart: url.searchParams.get('startDate') ?? '',
        periodEnd: url.searchParams.get('endDate') ?? '',
      }),
    )
  }),
]

/**
 * An MSW server for a test file: its handlers, then the app shell's. A request nothing answers fails the test it
 * was sent from (after the test, with the method and URL), so a screen cannot start calling the API unnoticed.
 */
export function setupApiServer(...handlers: RequestHandler[]) {
  const server = setupServer(...handlers, ...appShellHandlers)
  const unhandled: string[] = []
  beforeAll(() =>
    server.listen({
      onUnhandledRequest: (request) => {
        const url = new URL(request.url)
        unhandled.push(`${request.method} ${url.pathname}${url.search}`)
      },
    }),
  )
  afterEach(() => {
    server.resetHandlers()
    const seen = unhandled.splice(0)
    if (seen.length) throw new Error(`Requests no handler answered:\n${[...new Set(seen)].join('\n')}`)
  })
  afterAll(() => server.close())
  return server
}
