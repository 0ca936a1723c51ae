import { fireEvent, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { buy, campaign } from '@/lib/testing/fixtures'
import { ReplyDialog } from './reply-dialog'
import { renderTuning } from './test-helpers'

// No request handler: a date the API would refuse must be refused on its field before anything is sent.
const asked = buy({ mediaBuyId: 'mb_1', name: 'Acme display', status: 'INPUT_REQUIRED' })
const theCampaign = campaign({
  campaignId: 'cmp_1',
  flightDates: { startDate: '2026-03-01T00:00:00Z', endDate: '2026-03-31T00:00:00Z' },
  mediaBuys: [asked],
})

const setDate = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

async function review() {
  await userEvent.type(screen.getByLabelText('Your reply to the seller'), 'New dates attached')
  await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
}

describe('reply and dates', () => {
  it('asks for dates with date pickers bounded by the campaign flight, in a stated time zone', () => {
    renderTuning(<ReplyDialog campaign={theCampaign} buy={asked} onClose={() => {}} />)
    const start = screen.getByLabelText('New start date (optional)')
    expect(start).toHaveAttribute('type', 'date')
    expect(start).toHaveAttribute('min', '2026-03-01')
    expect(start).toHaveAttribute('max', '2026-03-31')
    expect(screen.getByLabelText('New end date (optional)')).toHaveAttribute('max', '2026-03-31')
    expect(screen.getByText(/Days are UTC calendar days/)).toHaveTextContent('00:00 UTC')
  })

  it('refuses an end before the start on the end field, before sending, keeping both dates', async () => {
    renderTuning(<ReplyDialog campaign={theCampaign} buy={asked} onClose={() => {}} />)
    setDate('New start date (optional)', '2026-03-20')
    setDate('New end date (optional)', '2026-03-10')
    await review()
    const end = screen.getByLabelText('New end date (optional)')
    expect(await screen.findByText('The end must be after the start (2026-03-20).')).toBeVisible()
    expect(end).toHaveAccessibleDescription('The end must be after the start (2026-03-20).')
    expect(end).toHaveValue('2026-03-10')
    expect(screen.getByLabelText('New start date (optional)')).toHaveValue('2026-03-20')
    expect(screen.queryByLabelText('Request body')).toBeNull()
  })

  it('refuses a date outside the flight on its field, naming the flight', async () => {
    renderTuning(<ReplyDialog campaign={theCampaign} buy={asked} onClose={() => {}} />)
    setDate('New end date (optional)', '2026-04-15')
    await review()
    expect(
      await screen.findByText('The end must fall within the campaign flight (2026-03-01 – 2026-03-31).'),
    ).toBeVisible()
    expect(screen.queryByLabelText('Request body')).toBeNull()
  })
})
