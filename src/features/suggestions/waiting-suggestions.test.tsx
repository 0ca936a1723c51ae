import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { api, setupApiServer } from '@/lib/testing/api-server'
import { renderApp } from '@/lib/testing/render-app'
import { buy, campaign, envelope, errorEnvelope } from '@/lib/testing/fixtures'

const ID = '11111111-1111-4111-8111-111111111111'

let waiting = true
const decisions: { path: string; body: unknown }[] = []
const listAsks: URLSearchParams[] = []
setupApiServer(
  http.get(`${api}/campaigns`, () => HttpResponse.json(envelope({ campaigns: [], total: 0, hasMore: false }))),
  http.get(`${api}/notifications`, () =>
    HttpResponse.json({ notifications: [], totalCount: 0, unreadCount: 0, hasMore: false }),
  ),
  http.get(`${api}/optimization-suggestions`, ({ request }) => {
    listAsks.push(new URL(request.url).searchParams)
    const suggestions = waiting
      ? [
          {
            suggestionId: ID,
            campaignId: 'cmp_1',
            mediaBuyId: 'mb_1',
            optimizationMetric: 'spend_pacing',
            status: 'HIL_WAITING',
            productAdjustmentCount: 2,
            bidAdjustmentCount: 1,
            createdAt: '2026-03-05T10:00:00Z',
            statusUpdatedAt: '2026-03-05T10:00:00Z',
          },
        ]
      : []
    return HttpResponse.json({ suggestions, totalCount: suggestions.length, hasMore: false })
  }),
  http.get(`${api}/optimization-suggestions/${ID}`, () =>
    HttpResponse.json({
      suggestionId: ID,
      optimizerRunId: 'run_1',
      campaignId: 'cmp_1',
      mediaBuyId: 'mb_1',
      suggestionTimestamp: null,
      modelVersion: null,
      optimizationMetric: 'spend_pacing',
      mediaBuyScalingFactor: 1.25,
      mediaBuyScalingRationale: 'Delivers ahead of plan; <i>room</i> to grow',
      pacingRecommendation: {
        status: 'over_spending',
        errorRatio: 0.3,
        currentDailyRate: 400,
        recommendedDailySpend: 310.5,
        message: 'Spending faster than planned',
      },
      status: 'HIL_WAITING',
      statusReason: null,
      statusError: null,
      createdAt: '2026-03-05T10:00:00Z',
      statusUpdatedAt: '2026-03-05T10:00:00Z',
    }),
  ),
  http.get(`${api}/campaigns/cmp_1`, () =>
    HttpResponse.json(
      envelope({
        campaign: campaign({
          campaignId: 'cmp_1',
          name: 'Spring launch',
          budget: { total: 50000, currency: 'EUR' },
          mediaBuys: [
            buy({
              mediaBuyId: 'mb_1',
              name: 'Acme display',
              packages: [
                { packageId: 'pkg_1', status: 'active', budget: 6000.01 },
                { packageId: 'pkg_2', status: 'active', budget: 4000 },
              ],
            }),
          ],
        }),
      }),
    ),
  ),
  http.post(`${api}/optimization-suggestions/${ID}/:decision`, async ({ request, params }) => {
    decisions.push({ path: String(params.decision), body: await request.json() })
    waiting = false
    return HttpResponse.json(errorEnvelope('CONFLICT', 'Suggestion is not waiting'), { status: 409 })
  }),
)
afterEach(() => {
  waiting = true
  decisions.length = 0
  listAsks.length = 0
})

async function openCard() {
  await renderApp('/needs-you')
  const section = await screen.findByRole('region', { name: /Suggestions waiting for your approval/ })
  const card = await within(section).findByRole('article', { name: /Optimization for Acme display in Spring launch/ })
  return { section, card }
}

describe('suggestions waiting for approval in Needs you (D12)', () => {
  it('says what the suggestion changes in the buyer’s terms, from one list request and its detail', async () => {
    const { card } = await openCard()
    // Each package scaled to the cent, as the platform applies it: 7,500.01 + 5,000.00.
    expect(await within(card).findByText(/€10,000\.01 → €12,500\.01/)).toHaveTextContent('(× 1.25)')
    expect(card).toHaveTextContent('2 product adjustments · 1 bid adjustment')
    expect(card).toHaveTextContent('Over spending: spending €400.00 a day, recommended €310.50 a day.')
    expect(within(card).getByText('Delivers ahead of plan; <i>room</i> to grow')).toBeVisible()
    expect(card.querySelector('i')).toBeNull()
    expect(listAsks.map((q) => q.get('status'))).toEqual(['HIL_WAITING'])
  })

  it('a 409 says the suggestion no longer waits and the list is read again', async () => {
    const user = userEvent.setup()
    const { section, card } = await openCard()
    await user.click(within(card).getByRole('button', { name: /^Approve/ }))
    expect(await within(section).findByRole('status')).toHaveTextContent(
      'The suggestion for Acme display no longer waits for a decision',
    )
    expect(decisions).toEqual([{ path: 'approve', body: {} }])
    expect(await within(section).findByText('No suggestion waits for you.')).toBeVisible()
    expect(listAsks.length).toBeGreaterThan(1)
  })

  it('rejects with the reason typed, and refuses an over-long reason on its field without losing it', async () => {
    const user = userEvent.setup()
    const { card } = await openCard()
    await user.click(within(card).getByRole('button', { name: /^Reject/ }))
    const reason = within(card).getByLabelText(/Why reject it/)
    const long = 'x'.repeat(1001)
    await user.click(reason)
    await user.paste(long)
    await user.click(within(card).getByRole('button', { name: 'Send rejection' }))
    expect(reason).toHaveAccessibleDescription('At most 1000 characters (now 1001)')
    expect(reason).toHaveValue(long)
    expect(decisions).toEqual([])
    await user.clear(reason)
    await user.type(reason, 'Budget is fixed by the client')
    await user.click(within(card).getByRole('button', { name: 'Send rejection' }))
    await vi.waitFor(() =>
      expect(decisions).toEqual([{ path: 'reject', body: { reason: 'Budget is fixed by the client' } }]),
    )
  })
})
