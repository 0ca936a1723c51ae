import { currencyDigits, parseMoney } from './money.ts'

describe('money typed by a buyer', () => {
  it('knows each currency precision from Intl', () => {
    expect(currencyDigits('USD')).toBe(2)
    expect(currencyDigits('EUR')).toBe(2)
    expect(currencyDigits('GBP')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect(currencyDigits('NOPE1')).toBe(2)
  })

  it('accepts positive amounts within the currency precision', () => {
    expect(parseMoney('1,250.50', 'USD')).toEqual({ ok: true, value: 1250.5 })
    expect(parseMoney(' 12000 ', 'GBP')).toEqual({ ok: true, value: 12000 })
    expect(parseMoney('1000', 'JPY')).toEqual({ ok: true, value: 1000 })
  })

  it.each([
    ['', 'USD', 'Enter an amount'],
    ['abc', 'USD', 'Enter a number, like 1250.50'],
    ['0', 'USD', 'Must be more than 0'],
    ['-5', 'USD', 'Must be more than 0'],
    ['1e3', 'USD', 'Enter a number, like 1250.50'],
    ['10.123', 'USD', 'USD allows at most 2 decimals'],
    ['10.5', 'JPY', 'JPY has no decimals'],
    ['1000000000001', 'EUR', 'Must be at most 1,000,000,000,000'],
  ])('refuses %j in %s: %s', (text, currency, message) => {
    expect(parseMoney(text, currency)).toEqual({ ok: false, message })
  })
})
