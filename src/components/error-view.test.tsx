import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { ApiError } from '@/api/errors'
import { ErrorView } from './error-view'

describe('ErrorView', () => {
  it('says what failed in words, with the code for support, and retries', async () => {
    const onRetry = vi.fn()
    const error = new ApiError({ kind: 'http', status: 503, code: 'SERVICE_UNAVAILABLE', message: 'upstream down' })
    render(<ErrorView error={error} what="the campaign list" onRetry={onRetry} />)

    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Could not load the campaign list')
    expect(alert).toHaveTextContent('The platform is unavailable for the moment.')
    expect(alert).toHaveTextContent('SERVICE_UNAVAILABLE (HTTP 503)')
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(onRetry).toHaveBeenCalledOnce()
  })

  it('names a response the screen could not read', () => {
    const error = new ApiError({ kind: 'schema', code: 'UNEXPECTED_RESPONSE', message: 'bad shape' })
    render(<ErrorView error={error} />)
    expect(screen.getByRole('alert')).toHaveTextContent('The platform sent data this screen could not read.')
  })

  it('shows a plain error message too', () => {
    render(<ErrorView error={new Error('Kaboom')} />)
    expect(screen.getByRole('alert')).toHaveTextContent('Kaboom')
  })
})
