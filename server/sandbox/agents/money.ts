// Sellers quote amounts the way a person would write them, so sourceMessage reads naturally in the dashboard.
export function formatMoney(amount: number, currency: string): string {
  return `${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`
}
