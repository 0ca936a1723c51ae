import { render, screen } from '@testing-library/react'
import { StatusLegend } from './status-legend'

describe('StatusLegend', () => {
  it('explains all ten statuses, most restrictive first', () => {
    const { container } = render(<StatusLegend />)
    const statuses = [...container.querySelectorAll('[data-status]')].map((el) => el.getAttribute('data-status'))
    expect(statuses).toEqual([
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
    ])
    expect(screen.getByText('The seller declined the buy')).toBeInTheDocument()
  })
})
