// Money typed by a buyer: checked against the currency's precision (Intl knows USD has 2 decimals, JPY none).

export const MAX_MONEY = 1e12

export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

export type MoneyParse = { ok: true; value: number } | { ok: false; message: string }

/** Parses what a buyer typed ("1,250.50" is accepted; grouping commas are dropped). */
export function parseMoney(text: string, currency: string): MoneyParse {
  const trimmed = text.trim().replace(/,/g, '')
  if (trimmed === '') return { ok: false, message: 'Enter an amount' }
  if (!/^-?\d*\.?\d*$/.test(trimmed) || trimmed === '.' || trimmed === '-') return { ok: false, message: 'Enter a number, like 1250.50' }
  const value = Number(trimmed)
  if (!Number.isFinite(value)) return { ok: false, message: 'Enter a finite amount' }
  if (value <= 0) return { ok: false, message: 'Must be more than 0' }
  if (value > MAX_MONEY) return { ok: false, message: 'Must be at most 1,000,000,000,000' }
  const digits = currencyDigits(currency)
  const decimals = trimmed.includes('.') ? trimmed.split('.')[1].length : 0
  if (decimals > digits)
    return { ok: false, message: digits === 0 ? `${currency} has no decimals` : `${currency} allows at most ${digits} decimals` }
  return { ok: true, value }
}

/** The text a money field starts with: the stored amount, without grouping. */
export function amountText(amount: number | null | undefined): string {
  return amount == null ? '' : String(amount)
}
