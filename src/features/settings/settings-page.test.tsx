import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { clearApiKey } from '@/api/api-key'
import { renderApp } from '@/lib/testing/render-app'

const STORAGE_KEY = 'buyer-api-key'

afterEach(() => {
  clearApiKey()
  window.localStorage.clear()
  window.sessionStorage.clear()
})

describe('settings: API key', () => {
  it('explains that without a key the sandbox is used', async () => {
    await renderApp('/settings')
    expect(await screen.findByTestId('current-key')).toHaveTextContent('built-in sandbox')
  })

  it('keeps a pasted key for this tab only by default, and shows it masked', async () => {
    const user = userEvent.setup()
    await renderApp('/settings')
    const input = await screen.findByLabelText('API key')
    expect(input).toHaveAttribute('type', 'password')
    await user.type(input, 'scope3_secretvalue_abcd')
    await user.click(screen.getByRole('button', { name: 'Save key' }))

    expect(window.sessionStorage.getItem(STORAGE_KEY)).toBe('scope3_secretvalue_abcd')
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull()
    expect(screen.getByTestId('current-key')).toHaveTextContent('scope3_••••abcd')
    expect(screen.getByTestId('current-key')).not.toHaveTextContent('secretvalue')
    expect(screen.getByRole('status')).toHaveTextContent('Key saved.')
  })

  it('remembers the key on this device when asked', async () => {
    const user = userEvent.setup()
    await renderApp('/settings')
    await user.type(await screen.findByLabelText('API key'), 'scope3_remembered_wxyz')
    await user.click(screen.getByRole('switch', { name: 'Remember on this device' }))
    await user.click(screen.getByRole('button', { name: 'Save key' }))

    expect(window.localStorage.getItem(STORAGE_KEY)).toBe('scope3_remembered_wxyz')
    expect(window.sessionStorage.getItem(STORAGE_KEY)).toBeNull()
    expect(screen.getByTestId('current-key')).toHaveTextContent('remembered on this device')
  })

  it('removes the key and goes back to the sandbox', async () => {
    const user = userEvent.setup()
    await renderApp('/settings')
    await user.type(await screen.findByLabelText('API key'), 'scope3_toberemoved_1234')
    await user.click(screen.getByRole('button', { name: 'Save key' }))
    await user.click(screen.getByRole('button', { name: 'Remove key' }))

    expect(window.sessionStorage.getItem(STORAGE_KEY)).toBeNull()
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull()
    expect(screen.getByTestId('current-key')).toHaveTextContent('built-in sandbox')
  })

  it('rejects an empty key with a message on the field', async () => {
    const user = userEvent.setup()
    await renderApp('/settings')
    await user.click(await screen.findByRole('button', { name: 'Save key' }))
    const input = screen.getByLabelText('API key')
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'))
    expect(input).toHaveAccessibleDescription(/Paste your API key/)
  })

  it('warns on the field before saving a key that does not start with scope3_, and saves it only when confirmed', async () => {
    const user = userEvent.setup()
    await renderApp('/settings')
    const input = await screen.findByLabelText('API key')
    await user.type(input, 'not-a-key')
    await user.click(screen.getByRole('button', { name: 'Save key' }))

    expect(window.sessionStorage.getItem(STORAGE_KEY)).toBeNull()
    expect(input).toHaveValue('not-a-key')
    expect(input).toHaveAccessibleDescription(/start with scope3_; this one does not/)
    await user.click(screen.getByRole('button', { name: 'Save anyway' }))
    expect(window.sessionStorage.getItem(STORAGE_KEY)).toBe('not-a-key')
  })

  it('lets the buyer reveal the key while typing', async () => {
    const user = userEvent.setup()
    await renderApp('/settings')
    await user.click(await screen.findByRole('button', { name: 'Show key' }))
    expect(screen.getByLabelText('API key')).toHaveAttribute('type', 'text')
    expect(screen.getByRole('button', { name: 'Hide key' })).toHaveAttribute('aria-pressed', 'true')
  })

  it('says why the buyer was sent here after a refused key', async () => {
    await renderApp('/settings?reason=unauthorized')
    expect(await screen.findByRole('alert')).toHaveTextContent('The platform refused your API key.')
  })
})
