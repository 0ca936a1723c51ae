import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { api, setupApiServer } from '@/lib/testing/api-server'
import { renderApp } from '@/lib/testing/render-app'
import { buy, campaign, envelope } from '@/lib/testing/fixtures'

const display = buy({
  mediaBuyId: 'mb_display',
  name: 'Acme display',
  agent: 'Northwind Exchange',
  products: [
    {
      productId: 'p1',
      salesAgentName: 'Northwind Exchange',
      formatOptions: [{ format_kind: 'image' }, { format_kind: 'native_in_feed' }],
    },
  ],
})
const retail = buy({
  mediaBuyId: 'mb_retail',
  name: 'Acme retail',
  agent: 'Pinnacle Retail Media',
  products: [{ productId: 'p2', salesAgentName: 'Pinnacle Retail Media', formatOptions: [{ format_kind: 'image' }] }],
})
const pinned = buy({
  mediaBuyId: 'mb_pinned',
  name: 'Acme pinned',
  agent: 'Summit Audio',
  creativeIds: ['cr_other'],
  products: [{ productId: 'p3', salesAgentName: 'Summit Audio', formatOptions: [{ format_kind: 'native_in_feed' }] }],
})

const link = (agent_id: string, agent_name: string, approval_status: string) => ({
  agent_id,
  agent_name,
  status: 'synced',
  approval_status,
})
const native = {
  creative_id: 'cr_native',
  name: 'Story card',
  format_kind: 'native_in_feed',
  format_id: { id: 'native_in_feed_standard', agent_url: 'https://creative.example' },
  preview_url: 'https://cdn.example/cr_native.png',
  platform_links: [link('sa_northwind', 'Northwind Exchange', 'approved')],
  asset_count: 4,
  created_at: '2026-03-01T00:00:00Z',
  updated_at: '2026-03-01T00:00:00Z',
}
const hostile = {
  ...native,
  creative_id: 'cr_hostile',
  name: '<img src=x onerror=alert(1)>',
  format_kind: undefined,
  preview_url: 'javascript:alert(1)',
  platform_links: [{ agent_id: 'sa_x', agent_name: '<b>Seller</b>', status: 'failed' }],
}

const puts: { id: string; body: unknown }[] = []
let putAnswer: 'ok' | 'invalid' = 'ok'
let listReads = 0
setupApiServer(
  http.get(`${api}/campaigns/cmp_1`, () =>
    HttpResponse.json(envelope({ campaign: campaign({ mediaBuys: [display, retail, pinned] }) })),
  ),
  http.get(`${api}/campaigns/cmp_1/creatives`, () => {
    listReads++
    return HttpResponse.json(envelope({ manifests: [native, hostile], total: 2 }))
  }),
  http.get(`${api}/campaigns/cmp_1/creatives/cr_native`, () =>
    HttpResponse.json(envelope({ ...native, message: 'Gear up', assets: [] })),
  ),
  http.put(`${api}/campaigns/cmp_1/creatives/:id`, async ({ request, params }) => {
    const body = await request.json()
    puts.push({ id: String(params.id), body })
    if (putAnswer === 'invalid')
      return HttpResponse.json(
        {
          data: null,
          error: {
            code: 'VALIDATION_ERROR',
            message: 'name: Blocked by moderation',
            field: 'name',
            details: { issues: [{ path: 'name', message: 'Blocked by moderation' }] },
          },
        },
        { status: 400 },
      )
    return HttpResponse.json(
      envelope({
        ...native,
        ...(body as object),
        assets: [],
        platform_links: [link('sa_northwind', 'Northwind Exchange', 'pending_review')],
      }),
    )
  }),
)
afterEach(() => {
  puts.length = 0
  putAnswer = 'ok'
  listReads = 0
})

async function openEditor() {
  await renderApp('/campaigns/cmp_1')
  const section = await screen.findByRole('region', { name: 'Creatives' })
  await userEvent.click(await within(section).findByRole('button', { name: 'Edit Story card' }))
  const dialog = await screen.findByRole('dialog', { name: 'Edit Story card' })
  await within(dialog).findByDisplayValue('Gear up')
  return { section, dialog }
}

describe('Creatives on the campaign page (D9)', () => {
  it('lists manifests from one request, with format, preview and each seller’s status in words', async () => {
    await renderApp('/campaigns/cmp_1')
    const section = await screen.findByRole('region', { name: 'Creatives' })
    const sellers = await within(section).findByRole('list', { name: 'Sellers of Story card' })
    expect(sellers).toHaveTextContent('Northwind Exchange Approved')
    expect(within(section).getByRole('link', { name: 'Preview Story card (opens in a new tab)' })).toHaveAttribute(
      'href',
      'https://cdn.example/cr_native.png',
    )
    expect(section).toHaveTextContent('native_in_feed')
    expect(listReads).toBe(1)
  })

  it('shows a seller’s text as text, and never links a preview that is not a web address', async () => {
    await renderApp('/campaigns/cmp_1')
    const section = await screen.findByRole('region', { name: 'Creatives' })
    expect((await within(section).findAllByText('<img src=x onerror=alert(1)>'))[0]).toBeVisible()
    expect(within(section).getByText('<b>Seller</b>')).toBeVisible()
    expect(section.querySelector('img, b')).toBeNull()
    expect(within(section).getAllByRole('link')).toHaveLength(1)
    expect(within(section).getByRole('list', { name: 'Sellers of <img src=x onerror=alert(1)>' })).toHaveTextContent(
      'Sync failed',
    )
  })

  it('reviews which buys the new version re-syncs to and which not, then shows the result per buy', async () => {
    const { section, dialog } = await openEditor()
    const name = within(dialog).getByRole('textbox', { name: 'Name' })
    await userEvent.clear(name)
    await userEvent.type(name, 'Story card v2')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Review change' }))
    expect(within(dialog).getByRole('heading', { name: 'Review the change' })).toHaveFocus()
    const resync = within(dialog).getByRole('region', { name: 'Buys it re-syncs to' })
    expect(
      within(resync)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Acme display (Northwind Exchange)'])
    const skipped = within(dialog).getByRole('region', { name: 'Buys it does not re-sync to' })
    expect(
      within(skipped)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Acme retail: Its products do not accept native_in_feed (image)',
      'Acme pinned: It names its creatives explicitly (creative_ids override)',
    ])
    expect(puts).toEqual([])
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send change' }))
    const result = await within(dialog).findByRole('list', { name: 'Result per buy' })
    expect(within(dialog).getByRole('heading', { name: 'Change sent' })).toHaveFocus()
    expect(within(result).getAllByRole('listitem')[0]).toHaveTextContent('Acme display (Northwind Exchange): In review')
    expect(puts).toEqual([{ id: 'cr_native', body: { name: 'Story card v2' } }])
    await userEvent.click(within(dialog).getAllByRole('button', { name: 'Close' }).at(-1)!)
    expect(await within(section).findByRole('list', { name: 'Sellers of Story card v2' })).toHaveTextContent(
      'Northwind Exchange In review',
    )
  })

  it('checks fields on the form and puts the server’s field errors on them, keeping what was typed', async () => {
    const { dialog } = await openEditor()
    const name = within(dialog).getByRole('textbox', { name: 'Name' })
    await userEvent.clear(name)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Review change' }))
    expect(await within(dialog).findByText('A name is required')).toBeVisible()
    expect(name).toHaveAttribute('aria-invalid', 'true')
    await userEvent.type(name, 'Forbidden words')
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'New click-through URL' }), 'not a url')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Review change' }))
    expect(await within(dialog).findByText(/A full http\(s\) address/)).toBeVisible()
    await userEvent.clear(within(dialog).getByRole('textbox', { name: 'New click-through URL' }))

    putAnswer = 'invalid'
    await userEvent.click(within(dialog).getByRole('button', { name: 'Review change' }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send change' }))
    expect(await within(dialog).findByText('Blocked by moderation')).toBeVisible()
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Forbidden words')
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveFocus()
  })

  it('sends nothing when nothing changed', async () => {
    const { dialog } = await openEditor()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Review change' }))
    expect(await within(dialog).findByText('Nothing changed.')).toBeVisible()
    expect(puts).toEqual([])
  })
})
