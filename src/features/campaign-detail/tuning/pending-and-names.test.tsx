import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { buy, campaign, envelope } from '@/lib/testing/fixtures'
import { BudgetPacingDialog } from './budget-pacing-dialog'
import { CancelDialog } from './cancel-dialogs'
import { CreativesDialog } from './creatives-dialog'
import { GoalsDialog } from './goals-dialog'
import { API, renderTuning, reviewedRequest } from './test-helpers'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const products = [
  {
    productId: 'prod_ros',
    productName: 'Run of Network Display',
    salesAgentName: 'Northwind',
    formatOptions: [{ format_kind: 'display_image' }],
  },
]
const mrec = { creativeId: 'cr_XXZjevuPTU', name: 'Trail MREC', formatId: { id: 'display_300x250' } }
const packages = [
  {
    packageId: 'pkg_91319GzjRN_1',
    status: 'active',
    budget: 500,
    pacing: 'even',
    productIds: ['prod_ros'],
    pacingPeriod: { index: 1, label: 'Phase 1' },
  },
  {
    packageId: 'pkg_91319GzjRN_2',
    status: 'active',
    budget: 500,
    pacing: 'even',
    productIds: ['prod_ros'],
    pacingPeriod: { index: 2, label: 'Phase 2' },
  },
]

const manifests = () =>
  server.use(
    http.get(`${API}/campaigns/cmp_1/creatives`, () =>
      HttpResponse.json(
        envelope({
          manifests: [
            { creative_id: 'cr_XXZjevuPTU', name: 'Trail MREC', format_kind: 'display_image' },
            { creative_id: 'cr_bill', name: 'Trail billboard', format_kind: 'display_image' },
          ],
          total: 2,
        }),
      ),
    ),
  )

describe('names, not ids, in the dialogs', () => {
  it('lists the packages to cancel by product and period, with the id as secondary text', () => {
    const live = buy({ mediaBuyId: 'mb_1', name: 'Northwind display', products, packages })
    renderTuning(
      <CancelDialog scope="packages" campaign={campaign({ mediaBuys: [live] })} buy={live} onClose={() => {}} />,
    )
    const group = screen.getByRole('group', { name: 'Packages to cancel' })
    const boxes = within(group).getAllByRole('checkbox')
    expect(boxes.map((b) => b.closest('label')?.textContent)).toEqual([
      'Run of Network Display · Phase 1pkg_91319GzjRN_1',
      'Run of Network Display · Phase 2pkg_91319GzjRN_2',
    ])
    expect(within(group).getByRole('checkbox', { name: /Run of Network Display · Phase 1/ })).not.toBeChecked()
  })

  it('names each package of the budget form by product and period', () => {
    const live = buy({ mediaBuyId: 'mb_1', name: 'Northwind display', products, packages })
    renderTuning(<BudgetPacingDialog campaign={campaign({ mediaBuys: [live] })} buy={live} onClose={() => {}} />)
    expect(screen.getByRole('group', { name: /^Run of Network Display · Phase 2/ })).toBeInTheDocument()
  })
})

describe('creatives already in use', () => {
  it('ticks the creatives an auto-synced buy serves, and refuses to send the same set again', async () => {
    manifests()
    const user = userEvent.setup()
    const live = buy({ mediaBuyId: 'mb_1', name: 'Northwind display', products, packages, creatives: [mrec] })
    renderTuning(<CreativesDialog campaign={campaign({ mediaBuys: [live] })} buy={live} onClose={() => {}} />)
    await user.click(screen.getByRole('radio', { name: 'Only the creatives I choose' }))
    const inUse = await screen.findByRole('checkbox', { name: /Trail MREC/ })
    expect(inUse).toBeChecked()
    expect(screen.getByRole('checkbox', { name: /Trail billboard/ })).not.toBeChecked()
    await user.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing changed: the buy already serves exactly these')
    expect(screen.queryByLabelText('Request body')).toBeNull()

    await user.click(screen.getByRole('checkbox', { name: /Trail billboard/ }))
    await user.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(screen.getByRole('list', { name: 'Effects' })).toHaveTextContent(
      'Use only Trail MREC (display_image); Trail billboard (display_image) on “Northwind display” (stops auto-sync)',
    )
  })
})

describe('a change waiting for the seller (D6)', () => {
  const pending = buy({
    mediaBuyId: 'mb_1',
    name: 'Northwind display',
    products,
    packages,
    creatives: [mrec],
    optimizationGoals: [{ kind: 'metric', metric: 'clicks', priority: 1 }],
    pendingChange: {
      status: 'PENDING_APPROVAL',
      since: '2026-03-02T00:00:00Z',
      differences: {
        optimizationGoals: {
          live: [{ kind: 'metric', metric: 'clicks', priority: 1 }],
          proposed: [{ kind: 'metric', metric: 'completed_views', priority: 1 }],
        },
        creatives: { live: ['cr_XXZjevuPTU'], proposed: ['cr_XXZjevuPTU', 'cr_bill'] },
        packages: [{ packageId: 'pkg_91319GzjRN_1', pacing: { live: 'even', proposed: 'front_loaded' } }],
      },
    },
  })
  const theCampaign = campaign({ campaignId: 'cmp_1', mediaBuys: [pending] })

  it('opens the goals form on the proposed goals, with the live ones beside them', async () => {
    const user = userEvent.setup()
    renderTuning(<GoalsDialog campaign={theCampaign} buy={pending} onClose={() => {}} />)
    expect(screen.getByLabelText('Metric')).toHaveValue('completed_views')
    expect(screen.getByRole('status', { name: 'Change waiting for the seller' })).toHaveTextContent(
      'Optimization goals: live Clicks → proposed Completed views',
    )
    await user.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('these are the goals already waiting for the seller')
  })

  it('opens the creatives form on the proposed creatives', async () => {
    manifests()
    renderTuning(<CreativesDialog campaign={theCampaign} buy={pending} onClose={() => {}} />)
    expect(screen.getByRole('radio', { name: 'Only the creatives I choose' })).toBeChecked()
    expect(await screen.findByRole('checkbox', { name: /Trail billboard/ })).toBeChecked()
    expect(screen.getByRole('status', { name: 'Change waiting for the seller' })).toHaveTextContent(
      'Creatives: live Trail MREC (display_300x250) → proposed Trail MREC (display_300x250); cr_bill',
    )
  })

  it('opens the budget form on the proposed pacing, and sends a return to the live value', async () => {
    const user = userEvent.setup()
    renderTuning(<BudgetPacingDialog campaign={theCampaign} buy={pending} onClose={() => {}} />)
    const [first] = screen.getAllByLabelText('Pacing')
    expect(first).toHaveValue('front_loaded')
    await user.selectOptions(first, 'even')
    await user.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(await reviewedRequest()).toEqual({
      mediaBuys: [{ mediaBuyId: 'mb_1', packages: [{ packageId: 'pkg_91319GzjRN_1', pacing: 'even' }] }],
    })
    expect(screen.getByRole('list', { name: 'Effects' })).toHaveTextContent(
      'Run of Network Display · Phase 1 pacing: Front-loaded (waiting for the seller) → Even',
    )
  })
})
