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

// Plain decimals only, with optional thousands groups ("1,250.50"). Exponents, hex, "NaN", "Infinity", pasted markup
// and a decimal comma ("5,00", which would otherwise read as 500) are refused rather than guessed at.
const PLAIN_DECIMAL = /^-?(\d{1,3}(,\d{3})+|\d*)(\.\d*)?$/

/** A positive amount typed as text, without a currency: > 0, finite, at most 1e12 (also for goal targets and rates). */
export function parseAmount(text: string): MoneyParse {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, message: 'Enter an amount' }
  if (!PLAIN_DECIMAL.test(trimmed) || !/\d/.test(trimmed)) return { ok: false, message: 'Enter a number, like 1250.50' }
  const value = Number(trimmed.replace(/,/g, ''))
  if (!Number.isFinite(value)) return { ok: false, message: 'Enter a finite amount' }
  if (value <= 0) return { ok: false, message: 'Must be more than 0' }
  if (value > MAX_MONEY) return { ok: false, message: 'Must be at most 1,000,000,000,000' }
  return { ok: true, value }
}

/** Parses what a buyer typed in a money field ("1,250.50" is accepted) and checks the currency's precision. */
export function parseMoney(text: string, currency: string): MoneyParse {
  const parsed = parseAmount(text)
  if (!parsed.ok) return parsed
  const digits = currencyDigits(currency)
  const fraction = text.trim().split('.')[1] ?? ''
  if (fraction.length > digits)
    return {
      ok: false,
      message: digits === 0 ? `${currency} has no decimals` : `${currency} allows at most ${digits} decimals`,
    }
  return parsed
}

/** True when the amount needs no more decimals than the currency has (a tenth of a cent does not fit USD). */
export function fitsCurrency(amount: number, currency: string): boolean {
  const scale = 10 ** currencyDigits(currency)
  return Math.abs(amount * scale - Math.round(amount * scale)) < 1e-6
}

/** An amount rounded down to what the currency can hold (cents for USD, whole yen for JPY). */
export function floorMoney(amount: number, currency: string): number {
  const scale = 10 ** currencyDigits(currency)
  // The epsilon keeps 0.29 * 100 = 28.999999999999996 from losing a cent.
  return Math.floor(amount * scale + 1e-7) / scale
}

/** The text a money field starts with: the stored amount, without grouping. */
export function amountText(amount: number | null | undefined): string {
  return amount == null ? '' : String(amount)
}
