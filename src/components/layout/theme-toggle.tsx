import { useEffect, useState } from 'react'
import clsx from 'clsx'
import { applyTheme, readThemePreference, writeThemePreference, type ThemePreference } from '@/lib/theme'

const OPTIONS: { value: ThemePreference; label: string; icon: string }[] = [
  { value: 'light', label: 'Light', icon: '☀' },
  { value: 'dark', label: 'Dark', icon: '☾' },
  { value: 'system', label: 'System', icon: '◐' },
]

export function ThemeToggle() {
  const [preference, setPreference] = useState<ThemePreference>(() => readThemePreference())

  useEffect(() => {
    applyTheme(preference)
    if (preference !== 'system' || typeof window.matchMedia !== 'function') return
    // Follow the OS live while the buyer has chosen "system".
    const query = window.matchMedia('(prefers-color-scheme: dark)')
    const onChange = () => applyTheme('system')
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [preference])

  const choose = (value: ThemePreference) => {
    writeThemePreference(value)
    setPreference(value)
  }

  return (
    <div
      role="group"
      aria-label="Theme"
      className="flex rounded-md border border-slate-300 p-0.5 dark:border-slate-600"
    >
      {OPTIONS.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={preference === option.value}
          onClick={() => choose(option.value)}
          className={clsx(
            'flex items-center gap-1 rounded px-2 py-1 text-xs font-medium',
            preference === option.value
              ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900'
              : 'text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800',
          )}
        >
          <span aria-hidden="true">{option.icon}</span>
          {option.label}
        </button>
      ))}
    </div>
  )
}
