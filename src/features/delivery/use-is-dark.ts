import { useExternal, type ChangeSource } from '@/lib/external-store'

// Charts draw on a canvas, so CSS colours do not reach them: they re-render when the `dark` class on <html> flips.
const themeClass: ChangeSource = {
  subscribe: (onChange) => {
    const observer = new MutationObserver(onChange)
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
    return () => observer.disconnect()
  },
}
const isDark = () => document.documentElement.classList.contains('dark')

export function useIsDark(): boolean {
  return useExternal(themeClass, isDark)
}
