import { formatCount, formatDate, formatDateRange, formatMoney, formatRelativeTime } from './format'

describe('formatMoney', () => {
  it('formats in the campaign currency', () => {
    expect(formatMoney(12500, 'USD', 'en-US')).toBe('$12,500.00')
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€')
    expect(formatMoney(1000, 'JPY', 'en-US')).toBe('¥1,000')
  })

  it('falls back to the number and the code for an unknown currency', () => {
    expect(formatMoney(10, 'NOTACURRENCY', 'en-US')).toBe('10 NOTACURRENCY')
    expect(formatMoney(10, 'NOTACURRENCY', 'en-US')).toBe('10 NOTACURRENCY')
  })

  it('keeps each locale and currency apart, however often and in whatever order they are asked for', () => {
    const asked: [number, string, string, string][] = [
      [1234.5, 'EUR', 'de-DE', '1.234,50\u00a0€'],
      [1234.5, 'EUR', 'en-US', '€1,234.50'],
      [1234.5, 'USD', 'en-US', '$1,234.50'],
      [1234.5, 'EUR', 'de-DE', '1.234,50\u00a0€'],
    ]
    for (const [amount, currency, locale, text] of asked) expect(formatMoney(amount, currency, locale)).toBe(text)
    expect(formatCount(1234567, 'de-DE')).toBe('1.234.567')
    expect(formatCount(1234567, 'en-US')).toBe('1,234,567')
    expect(formatDate('2026-03-01T00:00:00Z', 'de-DE')).toBe('01.03.2026')
    expect(formatDate('2026-03-01T00:00:00Z', 'en-GB')).toBe('1 Mar 2026')
  })
})

describe('formatDate', () => {
  it('shows the calendar day in UTC whatever the local zone', () => {
    expect(formatDate('2026-03-01T00:00:00Z', 'en-GB')).toBe('1 Mar 2026')
    expect(formatDate('2026-03-31T23:59:59Z', 'en-GB')).toBe('31 Mar 2026')
  })

  it('returns an unparseable value as sent', () => {
    expect(formatDate('not a date', 'en-GB')).toBe('not a date')
  })

  it('joins a flight range with an en dash', () => {
    expect(formatDateRange('2026-03-01T00:00:00Z', '2026-04-30T00:00:00Z', 'en-GB')).toBe('1 Mar 2026 – 30 Apr 2026')
  })
})

describe('formatRelativeTime', () => {
  const now = Date.parse('2026-03-01T12:00:00Z')
  it.each([
    [0, 'just now'],
    [4_000, 'just now'],
    [12_000, '12 s ago'],
    [90_000, '1 min ago'],
    [2 * 3_600_000, '2 h ago'],
    [3 * 86_400_000, '3 d ago'],
  ])('%i ms ago reads "%s"', (ago, expected) => {
    expect(formatRelativeTime(now - ago, now)).toBe(expected)
  })

  it('never shows a negative age for a clock slightly ahead', () => {
    expect(formatRelativeTime(now + 2_000, now)).toBe('just now')
  })
})
