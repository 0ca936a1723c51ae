import { render, screen } from '@testing-library/react'
import { StatusBadge } from './status-badge'

describe('StatusBadge', () => {
  it('shows the label and carries the raw status', () => {
    render(<StatusBadge status="INPUT_REQUIRED" />)
    const badge = screen.getByText('Input required')
    expect(badge).toHaveAttribute('data-status', 'INPUT_REQUIRED')
    // The icon is decorative: the label alone names the status.
    expect(badge.querySelector('svg')).toHaveAttribute('aria-hidden', 'true')
  })

  it.each([
    ['FAILED', 'Failed'],
    ['PENDING_APPROVAL', 'Pending approval'],
    ['COMPLETED', 'Completed'],
  ])('labels %s as "%s"', (status, label) => {
    render(<StatusBadge status={status} />)
    expect(screen.getByText(label)).toHaveAttribute('data-status', status)
  })

  it('shows an unknown status verbatim, never dropping it', () => {
    render(<StatusBadge status="AWAITING_GODOT" />)
    expect(screen.getByText('AWAITING_GODOT')).toHaveAttribute('data-status', 'AWAITING_GODOT')
  })
})
