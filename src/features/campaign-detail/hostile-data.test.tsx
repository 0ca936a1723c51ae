import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { api, setupApiServer } from '@/lib/testing/api-server'
import { renderApp } from '@/lib/testing/render-app'
import { buy, campaign, envelope } from '@/lib/testing/fixtures'

// Names, seller messages and links come from other parties: the screen shows them as text, never as markup.
// jsdom runs no scripts, so this checks the DOM that is built; e2e/hostile-data.spec.ts checks in Chromium that none runs.

const SCRIPT = '<script>window.__pwned = true</script>'
const IMG = '<img src=x onerror="window.__pwned = true">'
const HUGE = 'A'.repeat(1_000_000)

setupApiServer(
  http.get(`${api}/campaigns/cmp_evil`, () =>
    HttpResponse.json(
      envelope({
        campaign: campaign({
          campaignId: 'cmp_evil',
          name: `Spring ${SCRIPT}`,
          mediaBuys: [
            buy({
              mediaBuyId: 'mb_evil',
              name: IMG,
              status: 'INPUT_REQUIRED',
              agent: 'javascript:alert(1)',
              sourceMessage: `Click <a href="javascript:alert(1)">here</a> ${HUGE}`,
              packages: [{ packageId: 'pkg_evil', status: 'active', productIds: ['p1'], budget: 10 }],
            }),
          ],
        }),
      }),
    ),
  ),
)

describe('hostile data from the API and sellers', () => {
  it('renders names, messages and would-be links as inert text', async () => {
    const { container } = await renderApp('/campaigns/cmp_evil')
    await screen.findByRole('heading', { level: 1, name: `Spring ${SCRIPT}` })
    expect(screen.getAllByText(IMG, { exact: false }).length).toBeGreaterThan(0)
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('img[onerror]')).toBeNull()
    for (const link of container.querySelectorAll('a'))
      expect(link.getAttribute('href') ?? '').not.toMatch(/^javascript:/i)
    // A megabyte-long message does not take the page down with it.
    expect(screen.getAllByText(/Click <a href="javascript:alert\(1\)">here<\/a>/).length).toBeGreaterThan(0)
  })
})
