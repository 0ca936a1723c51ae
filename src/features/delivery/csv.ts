import type { DeliveryRow } from './delivery-model'

// RFC 4180 CSV a spreadsheet opens as numbers: a header row, CRLF line ends, quotes only where needed, plain numbers
// with a dot decimal and no currency symbol (the currency has its own column).

const FORMULA_START = /^[=+\-@\t\r]/

/** One cell: text that a spreadsheet would run as a formula gets a leading apostrophe; quotes double inside quotes. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export const CSV_HEADER = [
  'Level',
  'Campaign',
  'Media buy',
  'Package',
  'Seller',
  'Status',
  'Currency',
  'Budget',
  'Spend',
  'Impressions',
  'Clicks',
  'CTR (%)',
  'CPM',
  'Pacing',
  'Projected spend',
] as const

const LEVEL = { campaign: 'Campaign', buy: 'Media buy', package: 'Package' } as const
const fixed = (n: number | null, digits: number) => (n === null ? null : Number(n.toFixed(digits)))

function line(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',')
}

/** The tree as rows (campaign, buys, packages), and a totals row that sums the packages, as the API reports them. */
export function deliveryCsv(rows: readonly DeliveryRow[], currency: string): string {
  const body = rows.map((r) =>
    line([
      LEVEL[r.level],
      r.campaignName,
      r.buyName,
      r.packageName,
      r.seller,
      r.status,
      currency,
      r.budget,
      fixed(r.spend, 2),
      r.impressions,
      r.clicks,
      fixed(r.ctr === null ? null : r.ctr * 100, 4),
      fixed(r.cpm, 2),
      r.pacing?.verdict ?? '',
      fixed(r.pacing ? r.pacing.projectedSpend : null, 2),
    ]),
  )
  const leaves = rows.filter((r) => r.level === 'package')
  const sum = (f: (r: DeliveryRow) => number) => leaves.reduce((s, r) => s + f(r), 0)
  const spend = Number(sum((r) => r.spend).toFixed(2))
  const impressions = sum((r) => r.impressions)
  const clicks = sum((r) => r.clicks)
  const total = line([
    'Total',
    '',
    '',
    '',
    '',
    '',
    currency,
    Number(sum((r) => r.budget ?? 0).toFixed(2)),
    spend,
    impressions,
    clicks,
    impressions ? Number(((clicks / impressions) * 100).toFixed(4)) : null,
    impressions ? Number(((spend / impressions) * 1000).toFixed(2)) : null,
    '',
    '',
  ])
  return [line([...CSV_HEADER]), ...body, total].join('\r\n') + '\r\n'
}

/** Saves text as a file through a Blob link (no server round trip). */
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 1000)
}
