import { amountText, currencyDigits, fitsCurrency, floorMoney, parseAmount, parseMoney } from './money.ts'

describe('money typed by a buyer', () => {
  it('knows each currency precision from Intl', () => {
    expect(currencyDigits('USD')).toBe(2)
    expect(currencyDigits('EUR')).toBe(2)
    expect(currencyDigits('GBP')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect(currencyDigits('BHD')).toBe(3)
    expect(currencyDigits('NOPE1')).toBe(2)
  })

  it('accepts positive amounts within the currency precision', () => {
    expect(parseMoney('1,250.50', 'USD')).toEqual({ ok: true, value: 1250.5 })
    expect(parseMoney('1,000,000', 'USD')).toEqual({ ok: true, value: 1_000_000 })
    expect(parseMoney(' 12000 ', 'GBP')).toEqual({ ok: true, value: 12000 })
    expect(parseMoney('1000', 'JPY')).toEqual({ ok: true, value: 1000 })
    expect(parseMoney('.5', 'USD')).toEqual({ ok: true, value: 0.5 })
    expect(parseMoney('1000000000000', 'USD')).toEqual({ ok: true, value: 1e12 })
    expect(parseMoney(' 12.50 ', 'USD')).toEqual({ ok: true, value: 12.5 })
    expect(parseMoney('12.505', 'BHD')).toEqual({ ok: true, value: 12.505 })
  })

  it.each([
    ['', 'USD', 'Enter an amount'],
    ['   ', 'USD', 'Enter an amount'],
    ['-5', 'USD', 'Must be more than 0'],
    ['0', 'USD', 'Must be more than 0'],
    ['0.00', 'USD', 'Must be more than 0'],
    ['1e308', 'USD', 'Enter a number, like 1250.50'],
    ['1e3', 'USD', 'Enter a number, like 1250.50'],
    ['NaN', 'USD', 'Enter a number, like 1250.50'],
    ['Infinity', 'USD', 'Enter a number, like 1250.50'],
    ['0x10', 'USD', 'Enter a number, like 1250.50'],
    ['abc', 'USD', 'Enter a number, like 1250.50'],
    ['<b>5</b>', 'USD', 'Enter a number, like 1250.50'],
    ['$5', 'USD', 'Enter a number, like 1250.50'],
    ['5,00', 'EUR', 'Enter a number, like 1250.50'],
    ['1,2,3', 'USD', 'Enter a number, like 1250.50'],
    ['.', 'USD', 'Enter a number, like 1250.50'],
    ['12.5abc', 'USD', 'Enter a number, like 1250.50'],
    ['-1.505', 'USD', 'Must be more than 0'],
    ['9'.repeat(400), 'USD', 'Enter a finite amount'],
    ['1,000.001', 'USD', 'USD allows at most 2 decimals'],
    ['12.345', 'USD', 'USD allows at most 2 decimals'],
    ['10.5', 'JPY', 'JPY has no decimals'],
    ['1000000000001', 'EUR', 'Must be at most 1,000,000,000,000'],
    ['99999999999999999999999', 'USD', 'Must be at most 1,000,000,000,000'],
  ])('refuses %j in %s: %s', (text, currency, message) => {
    expect(parseMoney(text, currency)).toEqual({ ok: false, message })
  })

  it('checks amounts without a currency by the same text rules, but any precision (goal targets)', () => {
    expect(parseAmount('0.005')).toEqual({ ok: true, value: 0.005 })
    expect(parseAmount('1e308').ok).toBe(false)
    expect(parseAmount('NaN').ok).toBe(false)
    expect(parseAmount('0').ok).toBe(false)
  })

  it('rounds down to what the currency can hold', () => {
    expect(floorMoney(123.456, 'USD')).toBe(123.45)
    expect(floorMoney(0.29, 'USD')).toBe(0.29)
    expect(floorMoney(1000.9, 'JPY')).toBe(1000)
    expect(floorMoney(0.004, 'USD')).toBe(0)
  })
})

describe('the text a money field starts with', () => {
  it('is the stored amount as typed, without grouping, and empty when there is none', () => {
    expect(amountText(1250.5)).toBe('1250.5')
    expect(amountText(0)).toBe('0')
    expect(amountText(null)).toBe('')
    expect(amountText(undefined)).toBe('')
  })
})

describe('amounts the platform receives', () => {
  it('fit the currency when they need no more decimals than it has', () => {
    expect(fitsCurrency(1250.5, 'USD')).toBe(true)
    expect(fitsCurrency(0.29, 'USD')).toBe(true)
    expect(fitsCurrency(10.005, 'USD')).toBe(false)
    expect(fitsCurrency(1250, 'JPY')).toBe(true)
    expect(fitsCurrency(1250.5, 'JPY')).toBe(false)
  })
})
