import { readThemePreference, resolveTheme } from './theme'

describe('theme preference', () => {
  it('defaults to system when nothing or garbage is stored', () => {
    expect(readThemePreference({ getItem: () => null })).toBe('system')
    expect(readThemePreference({ getItem: () => 'purple' })).toBe('system')
    expect(readThemePreference({ getItem: () => 'dark' })).toBe('dark')
  })

  it('resolves system from the OS preference', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
    expect(resolveTheme('light', true)).toBe('light')
  })
})
