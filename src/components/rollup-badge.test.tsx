import { render, screen, within } from '@testing-library/react'
import { campaignRollUp } from '@/domain/rollup'
import { buy } from '@/lib/testing/fixtures'
import { RollUpBadge } from './rollup-badge'

// CONTRACT D1, written out again here on purpose: the test must not reuse the code it checks.
const D1 = [
  'FAILED',
  'REJECTED',
  'INPUT_REQUIRED',
  'PENDING_APPROVAL',
  'DRAFT',
  'PAUSED',
  'ACTIVE',
  'COMPLETED',
  'CANCELED',
  'ARCHIVED',
]
const LABELS: Record<string, string> = {
  FAILED: 'Failed',
  REJECTED: 'Rejected',
  INPUT_REQUIRED: 'Input required',
  PENDING_APPROVAL: 'Pending approval',
  DRAFT: 'Draft',
  PAUSED: 'Paused',
  ACTIVE: 'Active',
  COMPLETED: 'Completed',
  CANCELED: 'Canceled',
  ARCHIVED: 'Archived',
  SOMETHING_NEW: 'SOMETHING_NEW',
}
// An unknown status ranks just below INPUT_REQUIRED.
const rank = (s: string) => (D1.includes(s) ? D1.indexOf(s) : 2.5)
const STATUSES = [...D1, 'SOMETHING_NEW']
const PAIRS = STATUSES.flatMap((a) => STATUSES.map((b) => [a, b] as const))

function renderBadge(rollUp: ReturnType<typeof campaignRollUp>) {
  render(<RollUpBadge rollUp={rollUp} />)
  return screen.getByRole('button')
}

describe('campaign badge roll-up display (D1)', () => {
  it.each(PAIRS)('a buy %s with a buy %s', (first, second) => {
    const expected = rank(second) < rank(first) ? second : first
    const driverName = expected === first ? 'First buy' : 'Second buy'
    const badge = renderBadge(
      campaignRollUp({
        status: 'ACTIVE',
        mediaBuys: [
          buy({ mediaBuyId: 'mb_1', name: 'First buy', status: first, agent: 'Seller One' }),
          buy({ mediaBuyId: 'mb_2', name: 'Second buy', status: second, agent: 'Seller Two' }),
        ],
      }),
    )
    expect(within(badge).getByText(LABELS[expected])).toHaveAttribute('data-status', expected)
    expect(badge).toHaveAccessibleName(new RegExp(`^${LABELS[expected]}, driven by ${driverName}`))
    const counts =
      first === second
        ? `2 ${LABELS[first].toLowerCase()}`
        : [first, second]
            .sort((a, b) => rank(a) - rank(b))
            .map((s) => `1 ${LABELS[s].toLowerCase()}`)
            .join(' · ')
    expect(badge).toHaveAccessibleName(expect.stringContaining(counts))
  })

  it('shows an unknown status verbatim, ranked above pending approval', () => {
    const badge = renderBadge(
      campaignRollUp({
        status: 'ACTIVE',
        mediaBuys: [
          buy({ mediaBuyId: 'mb_1', name: 'Odd buy', status: 'AWAITING_GODOT' }),
          buy({ mediaBuyId: 'mb_2', name: 'Slow buy', status: 'PENDING_APPROVAL' }),
        ],
      }),
    )
    expect(within(badge).getByText('AWAITING_GODOT')).toHaveAttribute('data-status', 'AWAITING_GODOT')
  })

  it('shows the campaign’s own status when it has no buys, and says so', () => {
    const badge = renderBadge(campaignRollUp({ status: 'DRAFT', mediaBuys: [] }))
    expect(within(badge).getByText('Draft')).toHaveAttribute('data-status', 'DRAFT')
    expect(badge).toHaveAccessibleName('Draft, campaign status; no media buys yet')
  })

  it('counts a live buy with a pending change by its pending status (D6)', () => {
    const badge = renderBadge(
      campaignRollUp({
        status: 'ACTIVE',
        mediaBuys: [
          buy({
            mediaBuyId: 'mb_1',
            name: 'Live buy',
            status: 'ACTIVE',
            pendingChange: { status: 'PENDING_APPROVAL' },
          }),
          buy({ mediaBuyId: 'mb_2', name: 'Other', status: 'ACTIVE' }),
        ],
      }),
    )
    expect(within(badge).getByText('Pending approval')).toHaveAttribute('data-status', 'PENDING_APPROVAL')
    expect(badge).toHaveAccessibleName(/driven by Live buy .*1 pending approval · 1 active/)
  })
})
