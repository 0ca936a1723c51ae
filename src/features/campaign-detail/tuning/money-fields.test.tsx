import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { buy, campaign } from '@/lib/testing/fixtures'
import { BudgetPacingDialog } from './budget-pacing-dialog'
import { CampaignBudgetDialog } from './campaign-budget-dialog'
import { renderTuning } from './test-helpers'

// Every money field of tuning goes through parseMoney (src/domain/money.ts); these are the inputs it must refuse.
const BAD: [string, string, string][] = [
  ['', 'USD', 'Enter an amount'],
  ['-5', 'USD', 'Must be more than 0'],
  ['0', 'USD', 'Must be more than 0'],
  ['1e308', 'USD', 'Enter a number, like 1250.50'],
  ['NaN', 'USD', 'Enter a number, like 1250.50'],
  ['1,000.001', 'USD', 'USD allows at most 2 decimals'],
  ['12.345', 'USD', 'USD allows at most 2 decimals'],
  ['10.5', 'JPY', 'JPY has no decimals'],
  ['<b>5</b>', 'USD', 'Enter a number, like 1250.50'],
]

const pkgBuy = buy({
  mediaBuyId: 'mb_1',
  status: 'PAUSED',
  packages: [{ packageId: 'pkg_1', status: 'paused', budget: 700 }],
})
const inCurrency = (currency: string) => campaign({ budget: { total: 1000, currency }, mediaBuys: [pkgBuy] })

async function typeAndReview(field: HTMLElement, text: string) {
  await userEvent.clear(field)
  // Pasted, as a buyer would paste a figure copied from elsewhere.
  if (text) {
    field.focus()
    await userEvent.paste(text)
  }
  await userEvent.click(screen.getByRole('button', { name: 'Review changes' }))
}

describe('money fields refuse what is not money in the campaign currency', () => {
  it.each(BAD)('package budget %j (%s)', async (text, currency, message) => {
    renderTuning(<BudgetPacingDialog campaign={inCurrency(currency)} buy={pkgBuy} onClose={() => {}} />)
    const field = screen.getByLabelText(`Budget (${currency})`)
    await typeAndReview(field, text)
    await screen.findByText(message)
    expect(field).toHaveAccessibleDescription(message)
    expect(screen.queryByLabelText('Request body')).toBeNull()
  })

  it.each(BAD.filter(([text]) => text !== ''))('bid price %j (%s)', async (text, currency, message) => {
    renderTuning(<BudgetPacingDialog campaign={inCurrency(currency)} buy={pkgBuy} onClose={() => {}} />)
    const field = screen.getByLabelText(`Bid price (${currency}, optional)`)
    await typeAndReview(field, text)
    await screen.findByText(message)
    expect(field).toHaveAccessibleDescription(message)
    expect(screen.queryByLabelText('Request body')).toBeNull()
  })

  it.each(BAD)('campaign total %j (%s)', async (text, currency, message) => {
    renderTuning(<CampaignBudgetDialog campaign={inCurrency(currency)} onClose={() => {}} />)
    const field = screen.getByLabelText(`Total budget (${currency})`)
    await typeAndReview(field, text)
    await screen.findByText(message)
    expect(field).toHaveAccessibleDescription(message)
    expect(screen.queryByLabelText('Request body')).toBeNull()
  })

  it.each(BAD.filter(([text]) => text !== ''))('explicit package amount %j (%s)', async (text, currency, message) => {
    renderTuning(<CampaignBudgetDialog campaign={inCurrency(currency)} onClose={() => {}} />)
    const field = screen.getByLabelText('Amount for pkg_1')
    await typeAndReview(field, text)
    await screen.findByText(message)
    expect(field).toHaveAccessibleDescription(message)
    expect(screen.queryByLabelText('Request body')).toBeNull()
  })
})
