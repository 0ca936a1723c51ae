// Display formatting. Every function takes an optional locale so tests are deterministic;
// the app passes none and gets the browser's locale.

// Building an Intl formatter costs far more than using one, and a tree row formats several figures as it scrolls
// into view: each formatter is built once per kind and locale (and currency), then reused. `null` is a currency
// Intl does not know.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | null>()

function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T | null {
  let format = formatters.get(key)
  if (format === undefined) {
    try {
      format = build()
    } catch {
      format = null
    }
    formatters.set(key, format)
  }
  return format as T | null
}

export function formatMoney(amount: number, currency: string, locale?: string): string {
  const format = formatter(
    `money|${locale}|${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  )
  if (format) return format.format(amount)
  // An unknown currency code must not crash a row: show the number and the code as sent.
  return `${formatCount(amount, locale, 2)} ${currency}`
}

// Flight dates are calendar days sent as midnight UTC; formatting them in UTC keeps
// "1 Mar" from becoming "28 Feb" for a buyer west of Greenwich.
export function formatDate(iso: string, locale?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const format = formatter(
    `day|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  )
  return format ? format.format(date) : iso
}

export function formatDateRange(startIso: string, endIso: string, locale?: string): string {
  return `${formatDate(startIso, locale)} – ${formatDate(endIso, locale)}`
}

export function formatDateTime(iso: string | number, locale?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return String(iso)
  const format = formatter(
    `time|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  )
  return format ? format.format(date) : String(iso)
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

export function formatCount(value: number, locale?: string, maximumFractionDigits = 3): string {
  const format = formatter(
    `count|${locale}|${maximumFractionDigits}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits }),
  )
  return format ? format.format(value) : String(value)
}
