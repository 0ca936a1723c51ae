// A classic script in <head>: it runs before the first paint, so a dark theme never flashes light.
// Mirrors src/lib/theme.ts (same storage key and rule); the app re-applies the theme once it loads.
;(function () {
  var preference = 'system'
  try {
    preference = window.localStorage.getItem('theme') || 'system'
  } catch {
    // Storage can be unavailable in private modes: follow the system.
  }
  var dark =
    preference === 'dark' || (preference !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.classList.toggle('dark', dark)
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light'
})()
