// Display formatting. Every function takes an optional locale so tests are deterministic;
// the app passes none and gets the browser's locale.

export function formatMoney(amount: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount)
  } catch {
    // An unknown currency code must not crash a row: show the number and the code as sent.
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount)} ${currency}`
  }
}

// Flight dates are calendar days sent as midnight UTC; formatting them in UTC keeps
// "1 Mar" from becoming "28 Feb" for a buyer west of Greenwich.
export function formatDate(iso: string, locale?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}

export function formatDateRange(startIso: string, endIso: string, locale?: string): string {
  return `${formatDate(startIso, locale)} – ${formatDate(endIso, locale)}`
}

export function formatDateTime(iso: string | number, locale?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return String(iso)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

// Short relative time for freshness labels: "just now", "12 s ago", "3 min ago", "2 h ago", "4 d ago".
export function formatRelativeTime(thenMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - thenMs) / 1000))
  if (seconds < 5) return 'just now'
  if (seconds < MINUTE) return `${seconds} s ago`
  if (seconds < HOUR) return `${Math.floor(seconds / MINUTE)} min ago`
  if (seconds < DAY) return `${Math.floor(seconds / HOUR)} h ago`
  return `${Math.floor(seconds / DAY)} d ago`
}

export function formatCount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(value)
}
