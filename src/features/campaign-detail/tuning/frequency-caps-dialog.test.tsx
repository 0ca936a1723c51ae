import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { campaign } from '@/lib/testing/fixtures'
import { FrequencyCapsDialog } from './frequency-caps-dialog'
import { renderTuning, reviewedRequest } from './test-helpers'

const cap = (max: number, interval: number, unit: 'hours' | 'days') => ({
  id: `fc_${max}`,
  targetLevel: 'CAMPAIGN' as const,
  targetId: 'cmp_1',
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
  max_impressions: max,
  window: { interval, unit },
})
const withCaps = campaign({ campaignId: 'cmp_1', frequencyCaps: [cap(3, 1, 'days'), cap(10, 7, 'days')] })
const capGroup = (n: number) => screen.getByRole('group', { name: `Cap ${n}` })

describe('campaign frequency caps', () => {
  it('sends the whole list (replace semantics), across every buy', async () => {
    renderTuning(<FrequencyCapsDialog campaign={withCaps} onClose={() => {}} />)
    expect(screen.getByRole('dialog')).toHaveTextContent('Applies across every media buy')
    await userEvent.click(within(capGroup(1)).getByRole('button', { name: 'Remove cap 1' }))
    await userEvent.click(screen.getByRole('button', { name: 'Add cap' }))
    const added = capGroup(2)
    await userEvent.clear(within(added).getByLabelText('Impressions at most'))
    await userEvent.type(within(added).getByLabelText('Impressions at most'), '5')
    await userEvent.selectOptions(within(added).getByLabelText('Unit'), 'hours')
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(await reviewedRequest()).toEqual({
      frequencyCaps: [
        { max_impressions: 10, window: { interval: 7, unit: 'days' } },
        { max_impressions: 5, window: { interval: 1, unit: 'hours' } },
      ],
    })
    expect(screen.getByRole('list', { name: 'Effects' })).toHaveTextContent('enforced across all buys')
  })

  it('"Remove all caps" sends frequencyCaps: [] and says every cap goes', async () => {
    renderTuning(<FrequencyCapsDialog campaign={withCaps} onClose={() => {}} />)
    await userEvent.click(screen.getByRole('button', { name: 'Remove all caps' }))
    expect(screen.getByText('No caps: sending clears every cap.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
    expect(await reviewedRequest()).toEqual({ frequencyCaps: [] })
    expect(screen.getByRole('list', { name: 'Effects' })).toHaveTextContent(
      'Remove every frequency cap of the campaign',
    )
  })

  it.each(['0', '-1', '2.5', '1e3', 'NaN', '<b>5</b>', '', '99999999999999999999'])(
    'refuses %j on the field it was typed in',
    async (bad) => {
      renderTuning(<FrequencyCapsDialog campaign={withCaps} onClose={() => {}} />)
      const interval = within(capGroup(2)).getByLabelText('Per')
      await userEvent.clear(interval)
      if (bad) await userEvent.type(interval, bad)
      await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
      await within(capGroup(2)).findByText('A whole number, 1 or more')
      expect(interval).toHaveAccessibleDescription('A whole number, 1 or more')
      expect(interval).toHaveAttribute('aria-invalid', 'true')
      expect(within(capGroup(2)).getByLabelText('Impressions at most')).not.toHaveAttribute('aria-invalid')
      expect(within(capGroup(1)).queryByText('A whole number, 1 or more')).toBeNull()
      expect(screen.queryByLabelText('Request body')).toBeNull()
    },
  )
})
