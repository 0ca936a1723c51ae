import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { api, setupApiServer } from '@/lib/testing/api-server'
import { renderApp } from '@/lib/testing/render-app'
import { buy, campaign, envelope, errorEnvelope } from '@/lib/testing/fixtures'

const pkg = (packageId: string, status = 'active') => ({ packageId, status })
const buys = [
  buy({ mediaBuyId: 'mb_a', name: 'Acme display', packages: [pkg('pa1'), pkg('pa2')] }),
  buy({ mediaBuyId: 'mb_b', name: 'Acme video', packages: [pkg('pb1'), pkg('pb2', 'canceled')] }),
  buy({ mediaBuyId: 'mb_c', name: 'Acme audio', packages: [pkg('pc1')] }),
  buy({ mediaBuyId: 'mb_d', name: 'Acme draft', status: 'DRAFT', packages: [] }),
]
const list = (over: Record<string, unknown>) => ({
  listId: 'pl_1',
  name: 'Outdoor publishers',
  purpose: 'include',
  propertyCount: 1840,
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
  viaMediaBuys: [{ mediaBuyId: 'mb_a', packageIds: ['pa1', 'pa2'] }],
  ...over,
})
const lists = [
  list({}),
  list({
    listId: 'pl_x',
    name: 'Brand safety',
    purpose: 'exclude',
    propertyCount: 12,
    viaMediaBuys: [
      { mediaBuyId: 'mb_a', packageIds: ['pa1'] },
      { mediaBuyId: 'mb_b', packageIds: ['pb1'] },
    ],
  }),
]

const posts: unknown[] = []
const failureReads: URLSearchParams[] = []
setupApiServer(
  http.get(`${api}/campaigns/cmp_1`, () => HttpResponse.json(envelope({ campaign: campaign({ mediaBuys: buys }) }))),
  http.get(`${api}/campaigns/cmp_1/property-lists`, () =>
    HttpResponse.json(
      envelope({
        campaignId: 'cmp_1',
        propertyLists: lists,
        summary: { totalLists: 2, includeCount: 1, excludeCount: 1 },
      }),
    ),
  ),
  http.post(`${api}/campaigns/cmp_1/property-lists`, async ({ request }) => {
    const body = (await request.json()) as { propertyListId: string }
    posts.push(body)
    if (body.propertyListId === 'pl_missing')
      return HttpResponse.json(errorEnvelope('NOT_FOUND', 'Property list not found'), { status: 404 })
    return HttpResponse.json(
      envelope({
        campaignId: 'cmp_1',
        propertyListId: body.propertyListId,
        cascade: { totalMediaBuys: 3, updatedCount: 1, failedCount: 1, skippedCount: 1 },
      }),
    )
  }),
  http.get(`${api}/audit-logs`, ({ request }) => {
    const q = new URL(request.url).searchParams
    if (q.get('outcome') !== 'failed') return HttpResponse.json(envelope({ logs: [], total: 0 }))
    failureReads.push(q)
    return HttpResponse.json(
      envelope({
        total: 1,
        logs: [
          {
            id: 9,
            timestamp: '2026-03-05T10:00:00Z',
            createdAt: '2026-03-05T10:00:00Z',
            action: 'UPDATE',
            resourceType: 'MEDIA_BUY',
            resourceId: 'mb_c',
            resourceName: 'Acme audio',
            parentType: 'CAMPAIGN',
            advertiserId: 101,
            userId: 1,
            userEmail: 'b@x.example',
            userName: 'Buyer',
            serviceTokenId: null,
            serviceTokenName: null,
            actorOrigin: 'human',
            outcome: 'failed',
            parameters: null,
            changes: null,
            description: 'The property list Outdoor publishers did not reach this buy: seller timed out',
          },
        ],
      }),
    )
  }),
)
afterEach(() => {
  posts.length = 0
  failureReads.length = 0
})

describe('Property lists on the campaign page (D9)', () => {
  it('shows each list with purpose in words, property count and the buys and packages carrying it', async () => {
    await renderApp('/campaigns/cmp_1')
    const section = await screen.findByRole('region', { name: 'Property lists' })
    expect(await within(section).findByText('2 lists: 1 include, 1 exclude')).toBeVisible()
    const rows = within(within(section).getByRole('table')).getAllByRole('row').slice(1)
    expect(rows[0]).toHaveTextContent('Outdoor publishers')
    expect(rows[0]).toHaveTextContent('Include')
    expect(rows[0]).toHaveTextContent('1,840')
    expect(within(section).getByRole('list', { name: 'Buys carrying Brand safety' })).toHaveTextContent(
      'Acme display: 1 of 2 packagesAcme video: 1 of 1 packages',
    )
    // Exclude lists cannot be attached.
    expect(within(section).getAllByRole('button', { name: /^Attach to all active buys/ })).toHaveLength(1)
  })

  it('reviews what the list will reach, attaches it, and shows the cascade summary with what failed and why', async () => {
    await renderApp('/campaigns/cmp_1')
    const section = await screen.findByRole('region', { name: 'Property lists' })
    await userEvent.click(
      await within(section).findByRole('button', { name: 'Attach to all active buys (Outdoor publishers)' }),
    )
    const dialog = await screen.findByRole('dialog', { name: 'Attach Outdoor publishers' })
    expect(
      within(within(dialog).getByRole('list', { name: 'What the list will reach' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Acme display: skipped (Every package already carries the list)',
      'Acme video: its 1 package takes the list',
      'Acme audio: its 1 package takes the list',
    ])
    expect(dialog).toHaveTextContent('1 other buy is not active')
    expect(posts).toEqual([])
    await userEvent.click(within(dialog).getByRole('button', { name: 'Attach list' }))
    await within(dialog).findByText('Attached, with failures')
    const counts = within(dialog)
      .getAllByRole('definition')
      .map((d) => d.textContent)
    expect(counts).toEqual(['3', '1', '1', '1'])
    const failed = await within(dialog).findByRole('region', { name: 'What failed' })
    expect(await within(failed).findByText(/Acme audio: .*seller timed out/)).toBeVisible()
    expect(posts).toEqual([{ propertyListId: 'pl_1' }])
    expect(failureReads.map((q) => [q.get('resourceTypes'), q.get('campaignId')])).toEqual([['MEDIA_BUY', 'cmp_1']])
  })

  it('attaches a list by id, and says so when the advertiser has no such include list', async () => {
    await renderApp('/campaigns/cmp_1')
    const section = await screen.findByRole('region', { name: 'Property lists' })
    const form = await within(section).findByRole('form', { name: 'Attach another include list' })
    await userEvent.click(within(form).getByRole('button', { name: 'Review attach' }))
    expect(within(form).getByText('Enter the id of one of the advertiser’s include lists')).toBeVisible()
    await userEvent.type(within(form).getByRole('textbox', { name: 'Another advertiser include list' }), 'pl_missing')
    await userEvent.click(within(form).getByRole('button', { name: 'Review attach' }))
    const dialog = await screen.findByRole('dialog', { name: 'Attach pl_missing' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Attach list' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "No include list pl_missing of this campaign's advertiser was found.",
    )
  })
})
