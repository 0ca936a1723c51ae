// Theme preference: 'system' follows the OS; the choice is kept on this device only.
export type ThemePreference = 'light' | 'dark' | 'system'

export const THEME_STORAGE_KEY = 'theme'
const PREFERENCES: readonly ThemePreference[] = ['light', 'dark', 'system']

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (PREFERENCES as readonly string[]).includes(value)
}

export function readThemePreference(
  storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage(),
): ThemePreference {
  const stored = storage?.getItem(THEME_STORAGE_KEY)
  return isThemePreference(stored) ? stored : 'system'
}

export function writeThemePreference(preference: ThemePreference): void {
  const storage = safeLocalStorage()
  if (!storage) return
  if (preference === 'system') storage.removeItem(THEME_STORAGE_KEY)
  else storage.setItem(THEME_STORAGE_KEY, preference)
}

export function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches
}

export function resolveTheme(preference: ThemePreference, prefersDark: boolean): 'light' | 'dark' {
  if (preference === 'system') return prefersDark ? 'dark' : 'light'
  return preference
}

export function applyTheme(preference: ThemePreference, root: HTMLElement = document.documentElement): void {
  const theme = resolveTheme(preference, systemPrefersDark())
  root.classList.toggle('dark', theme === 'dark')
  root.style.colorScheme = theme
}

function safeLocalStorage(): Storage | undefined {
  // Storage access throws in some privacy modes; the theme must never break the page.
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}
