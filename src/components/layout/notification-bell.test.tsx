import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { api, setupApiServer } from '@/lib/testing/api-server'
import { renderApp } from '@/lib/testing/render-app'

const note = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  type: 'media_buy_update_proposal.rejected',
  status: 'error',
  read: false,
  acknowledged: false,
  messagePreview: `Summit refused the change <b>${id}</b>: below the minimum`,
  actionUrl: '/campaigns/cmp_1?mediaBuyId=mb_1',
  createdAt: '2026-03-05T10:00:00Z',
  ...overrides,
})

const asks: { url: URL; cacheControl: string | null }[] = []
const reads: string[] = []
const server = setupApiServer(
  http.get(`${api}/notifications`, ({ request }) => {
    asks.push({ url: new URL(request.url), cacheControl: request.headers.get('Cache-Control') })
    const notifications = [note('n2'), note('n1', { type: 'media_buy_update_proposal.approved', status: 'success' })]
    const marked = notifications.map((n) => (reads.includes(n.id) ? { ...n, read: true } : n))
    return HttpResponse.json({
      notifications: marked,
      totalCount: 2,
      unreadCount: marked.filter((n) => !n.read).length,
      hasMore: false,
    })
  }),
  http.post(`${api}/notifications/:id/read`, ({ params }) => {
    reads.push(String(params.id))
    return HttpResponse.json({ success: true, notificationId: params.id })
  }),
)
afterEach(() => {
  asks.length = 0
  reads.length = 0
})

describe('the notification bell (D11)', () => {
  it('shows the unread count from one polled request, lists newest first as text, and marking one read lowers it', async () => {
    const user = userEvent.setup()
    await renderApp('/settings')
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' })
    // One request for the count and the list; a polled read that another tab's copy may answer (D4's budget).
    expect(asks).toHaveLength(1)
    expect(asks[0].url.searchParams.get('limit')).toBe('20')
    expect(asks[0].cacheControl).toMatch(/^max-age=\d+$/)

    await user.click(bell)
    const panel = await screen.findByRole('dialog', { name: 'Notifications' })
    const items = within(panel).getAllByRole('article')
    expect(items.map((i) => i.getAttribute('data-notification-id'))).toEqual(['n2', 'n1'])
    expect(items[0]).toHaveTextContent('Problem · Media buy update proposal rejected · unread')
    // The seller's words are text, never markup.
    expect(within(items[0]).getByText(/Summit refused the change <b>n2<\/b>/, { selector: 'p' })).toBeVisible()
    expect(panel.querySelector('b')).toBeNull()
    expect(within(items[0]).getByRole('link', { name: /^Open/ })).toHaveAttribute(
      'href',
      '/campaigns/cmp_1?mediaBuyId=mb_1',
    )

    await user.click(within(items[0]).getByRole('button', { name: /^Mark read/ }))
    expect(reads).toEqual(['n2'])
    expect(await within(panel).findByText('1 unread')).toBeVisible()
    await user.keyboard('{Escape}')
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toHaveFocus()
  })

  it('never follows an actionUrl that leaves the dashboard', async () => {
    server.use(
      http.get(`${api}/notifications`, () =>
        HttpResponse.json({
          notifications: [
            note('n3', { actionUrl: 'https://evil.example/phish' }),
            note('n4', { actionUrl: '//evil.example' }),
          ],
          totalCount: 2,
          unreadCount: 2,
          hasMore: false,
        }),
      ),
    )
    const user = userEvent.setup()
    await renderApp('/settings')
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }))
    const panel = await screen.findByRole('dialog', { name: 'Notifications' })
    expect(within(panel).getAllByRole('article')).toHaveLength(2)
    expect(within(panel).queryByRole('link')).toBeNull()
  })
})
