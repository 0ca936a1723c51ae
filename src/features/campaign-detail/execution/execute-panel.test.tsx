import { screen, within, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { api, setupApiServer } from '@/lib/testing/api-server'
import { clearApiKey } from '@/api/api-key'
import { resetRateLimit } from '@/api/rate-limit'
import { renderApp } from '@/lib/testing/render-app'
import { buy, campaign, envelope, errorEnvelope } from '@/lib/testing/fixtures'
import { resetResultStore } from './result-store'

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'
const LONG = 'x'.repeat(200_000)
const BROKEN = 'bad \uD800 surrogate'

const failure = (
  mediaBuyId: string,
  salesAgentId: string,
  code: string,
  recovery: string,
  message = 'seller down',
) => ({
  mediaBuyId,
  salesAgentId,
  message: `${code}: ${message}`,
  debug: {
    request: {
      buyer_ref: mediaBuyId,
      push_notification_config: {
        url: '/hook',
        token: 'whk_supersecret',
        authentication: { schemes: ['Bearer'], credentials: 'whk_supersecret' },
      },
    },
    response: { status: 'failed', errors: [{ code, message, recovery }] },
    debugLogs: [
      {
        type: 'info',
        message: 'MCP: Calling tool create_media_buy with args: {"token":"whk_supersecret"}',
        headers: { Authorization: 'Bearer sk_live_abcdef' },
      },
      { type: 'error', message: LONG },
    ],
  },
})

let executeCalls = 0
let executeReply: () => Response
setupApiServer(
  http.get(`${api}/campaigns/cmp_1`, () =>
    HttpResponse.json(
      envelope({
        campaign: campaign({
          campaignId: 'cmp_1',
          status: 'DRAFT',
          mediaBuys: [
            buy({ mediaBuyId: 'mb_a', name: 'Cobalt feed', status: 'FAILED', agent: 'Cobalt Social' }),
            buy({ mediaBuyId: 'mb_b', name: 'Cobalt stories', status: 'FAILED', agent: 'Cobalt Social' }),
            buy({ mediaBuyId: 'mb_c', name: HOSTILE, status: 'FAILED', agent: 'Summit' }),
          ],
        }),
      }),
    ),
  ),
  http.post(`${api}/campaigns/cmp_1/execute`, () => {
    executeCalls++
    return executeReply()
  }),
)

const partial = () =>
  HttpResponse.json(
    envelope({
      campaignId: 'cmp_1',
      previousStatus: 'DRAFT',
      newStatus: 'ACTIVE',
      success: false,
      mediaBuysExecuted: 1,
      errors: [
        failure('mb_a', 'sa_cobalt', 'SERVICE_UNAVAILABLE', 'transient'),
        failure('mb_b', 'sa_cobalt', 'SERVICE_UNAVAILABLE', 'transient'),
        failure('mb_c', 'sa_summit', 'BUDGET_BELOW_MINIMUM', 'correctable', `${HOSTILE} ${BROKEN}`),
      ],
      warnings: [
        {
          type: 'creatives_dropped',
          mediaBuyId: 'mb_a',
          dropped: [{ creativeId: 'cr_1', formatId: 'video_30', reason: 'format video is not accepted' }],
        },
      ],
    }),
  )
afterEach(() => {
  clearApiKey()
  resetRateLimit()
  resetResultStore()
  window.sessionStorage.clear()
  executeCalls = 0
})

async function executeWithDebug(user: ReturnType<typeof userEvent.setup>) {
  await renderApp('/campaigns/cmp_1')
  await user.click(await screen.findByRole('button', { name: 'Execute' }))
  const dialog = await screen.findByRole('dialog', { name: 'Execute campaign' })
  await user.click(within(dialog).getByRole('switch', { name: 'Include debug logs' }))
  const go = within(dialog).getByRole('button', { name: 'Execute now' })
  await user.dblClick(go)
  return screen.findByRole('region', { name: 'Last execute' })
}

describe('execute and the failure panel', () => {
  it('sends one request for a double click, and groups failures by seller and kind', async () => {
    executeReply = partial
    const user = userEvent.setup()
    const panel = await executeWithDebug(user)
    expect(executeCalls).toBe(1)
    expect(within(panel).getByText('Buys executed').nextSibling).toHaveTextContent('1')
    const cobalt = within(panel).getByRole('region', { name: 'sa_cobalt: 2 failed' })
    expect(cobalt).toHaveTextContent('2 buys failed at sa_cobalt with SERVICE_UNAVAILABLE')
    expect(within(cobalt).getByText('Temporary: retrying should work')).toBeInTheDocument()
    expect(within(panel).getByRole('region', { name: 'sa_summit: 1 failed' })).toHaveTextContent(
      'Needs a change to the buy before retrying',
    )
    expect(within(cobalt).getByRole('link', { name: 'Cobalt feed' })).toHaveAttribute(
      'href',
      expect.stringContaining('/campaigns/cmp_1?expanded='),
    )
    expect(within(panel).getByText(/Creatives dropped from Cobalt feed/)).toBeInTheDocument()
    expect(within(panel).getByText(/cr_1/)).toBeInTheDocument()
  })

  it('renders hostile strings as text, masks secrets on screen and in copies', async () => {
    executeReply = partial
    const user = userEvent.setup()
    const panel = await executeWithDebug(user)
    expect(document.querySelector('script, img')).toBeNull()
    expect(within(panel).getAllByText(HOSTILE, { exact: false }).length).toBeGreaterThan(0)
    expect(panel.textContent).toContain('bad \uFFFD surrogate')
    const summit = within(panel).getByRole('region', { name: 'sa_summit: 1 failed' })
    await user.click(within(summit).getByText(/Debug: AdCP request/))
    const log = within(summit).getByRole('list', { name: 'transport log for mb_c' })
    await user.click(within(log).getByRole('button', { name: 'Expand [1]' }))
    // A 200,000-character line is cut on screen until asked for.
    expect(within(log).getByRole('button', { name: 'Show all 200,000 characters' })).toBeInTheDocument()
    await user.click(within(log).getByRole('button', { name: 'Expand [0]' }))
    expect(document.body.textContent).not.toContain('whk_supersecret')
    expect(document.body.textContent).not.toContain('sk_live_abcdef')
    await user.click(within(summit).getByRole('button', { name: 'Copy whole entry for mb_c' }))
    const copied = await navigator.clipboard.readText()
    expect(copied).toContain('[masked]')
    expect(copied).not.toContain('whk_supersecret')
    expect(copied).not.toContain('sk_live_abcdef')
    expect(window.sessionStorage.getItem('execute-result:cmp_1') ?? '').not.toContain('whk_supersecret')
  })

  it('searches the logs, opening and highlighting what matches', async () => {
    executeReply = partial
    const user = userEvent.setup()
    const panel = await executeWithDebug(user)
    const cobalt = within(panel).getByRole('region', { name: 'sa_cobalt: 2 failed' })
    await user.click(within(cobalt).getAllByText(/Debug: AdCP request/)[0])
    await user.type(within(cobalt).getByLabelText('Search transport log for mb_a'), 'create_media_buy')
    const log = within(cobalt).getByRole('list', { name: 'transport log for mb_a' })
    await waitFor(() => expect(log.querySelector('mark')).toHaveTextContent('create_media_buy'))
  })

  it('retries only through a new execute, keeps the result until dismissed', async () => {
    executeReply = partial
    const user = userEvent.setup()
    const panel = await executeWithDebug(user)
    executeReply = () =>
      HttpResponse.json(
        envelope({
          campaignId: 'cmp_1',
          previousStatus: 'ACTIVE',
          newStatus: 'ACTIVE',
          success: true,
          mediaBuysExecuted: 3,
        }),
      )
    await user.click(within(panel).getByRole('button', { name: 'Retry failed' }))
    await waitFor(() => expect(within(panel).getByText('Every buy was sent.')).toBeInTheDocument())
    expect(executeCalls).toBe(2)
    expect(window.sessionStorage.getItem('execute-result:cmp_1')).toContain('"mediaBuysExecuted":3')
    await user.click(within(panel).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('region', { name: 'Last execute' })).toBeNull()
    expect(window.sessionStorage.getItem('execute-result:cmp_1')).toBeNull()
  })

  it('explains 402 CREDIT_LIMIT_EXCEEDED and keeps the code for support', async () => {
    executeReply = () =>
      HttpResponse.json(errorEnvelope('CREDIT_LIMIT_EXCEEDED', 'Executing needs 9000.00 USD'), { status: 402 })
    const user = userEvent.setup()
    await renderApp('/campaigns/cmp_1')
    await user.click(await screen.findByRole('button', { name: 'Execute' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Execute now' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('credit limit does not cover these buys')
    expect(alert).toHaveTextContent('CREDIT_LIMIT_EXCEEDED (HTTP 402)')
  })
})
