import type { Campaign } from '@/api/schemas/campaign'
import { statusMeta } from '@/domain/status'
import { formatCount, formatDate, formatDateTime, formatMoney } from '@/lib/format'

// D10: `changes` of a History row in the buyer's words. The sandbox sends `{"<field path>": {from, to}}`; money,
// dates, statuses and enum labels are formatted by what the field is, ids are replaced by the names the campaign
// gives them, and any other shape is listed field by field, never as raw JSON.

export type ChangeKind = 'money' | 'date' | 'status' | 'label' | 'value'

export interface ChangeLine {
  /** The field path as sent, for keys and tests. */
  path: string
  /** What changed, in words ("Budget", "Start"). */
  field: string
  /** Which part it belongs to ("Package Homepage takeover"), when the path names one. */
  context?: string
  kind: ChangeKind
  /** Absent when the row says only what the field became. */
  from?: string
  to: string
}

export interface ChangeContext {
  /** The campaign's currency, for money fields. */
  currency?: string
  /** Names of the campaign's buys and packages by id. */
  names?: ReadonlyMap<string, string>
  locale?: string
}

const MONEY_FIELDS = new Set([
  'budget',
  'total',
  'totalbudget',
  'dailybudget',
  'dailycap',
  'amount',
  'spend',
  'bidprice',
  'price',
  'cpm',
  'floorprice',
  'recommendeddailyspend',
  'currentdailyrate',
])
const STATUS_FIELDS = new Set(['status', 'mediabuystatus', 'effectivestatus'])
const FIELD_WORDS: Record<string, string> = {
  budget: 'Budget',
  total: 'Budget',
  startdate: 'Start',
  starttime: 'Start',
  enddate: 'End',
  endtime: 'End',
  pacing: 'Pacing',
  status: 'Status',
  creativeids: 'Creatives',
  optimizationgoals: 'Optimization goals',
  frequencycaps: 'Frequency caps',
  bidprice: 'Bid price',
  name: 'Name',
}
const CONTAINERS: Record<string, string> = {
  mediabuys: 'Buy',
  mediabuy: 'Buy',
  packages: 'Package',
  package: 'Package',
  products: 'Product',
  creatives: 'Creative',
}

/** `mediaBuys[mb_1].packages.pkg_2.budget` → ["mediaBuys", "mb_1", "packages", "pkg_2", "budget"]. */
function segments(path: string): string[] {
  return path
    .replace(/\[([^\]]*)\]/g, '.$1')
    .split('.')
    .map((s) => s.replace(/^["']|["']$/g, ''))
    .filter(Boolean)
}

const words = (key: string) => {
  const text = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase()
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** An enum value as a label: "FRONT_LOADED" → "Front loaded", "under_spending" → "Under spending". */
export function enumLabel(value: string): string {
  return words(value.toLowerCase())
}

function kindOf(field: string, parent: string | undefined, value: unknown): ChangeKind {
  const key = field.toLowerCase()
  if (MONEY_FIELDS.has(key) && (key !== 'total' || parent?.toLowerCase().includes('budget'))) return 'money'
  if (key === 'total' && typeof value === 'number') return 'money'
  if (STATUS_FIELDS.has(key)) return 'status'
  if (/(date|time|at)$/i.test(field) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return 'date'
  if (typeof value === 'string' && /^[A-Za-z]+(_[A-Za-z]+)+$|^[A-Z]+$/.test(value)) return 'label'
  return 'value'
}

function isMoneyObject(value: unknown): value is { total?: number; amount?: number; currency?: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const v = value as Record<string, unknown>
  return (typeof v.total === 'number' || typeof v.amount === 'number') && Object.keys(v).length <= 3
}

function formatDateValue(value: string, locale?: string): string {
  // A calendar day (or midnight UTC) is a day; anything else keeps its time.
  return /^\d{4}-\d{2}-\d{2}(T00:00(:00(\.0+)?)?Z)?$/.test(value)
    ? formatDate(value, locale)
    : formatDateTime(value, locale)
}

/** One value in words, by what its field is. */
export function formatChangeValue(value: unknown, kind: ChangeKind, ctx: ChangeContext = {}): string {
  if (value === null || value === undefined || value === '') return 'none'
  if (kind === 'money' && typeof value === 'number') return formatMoney(value, ctx.currency ?? 'USD', ctx.locale)
  if (isMoneyObject(value))
    return formatMoney(value.total ?? value.amount ?? 0, value.currency ?? ctx.currency ?? 'USD', ctx.locale)
  if (kind === 'status' && typeof value === 'string') return statusMeta(value).label
  if (kind === 'date' && typeof value === 'string') return formatDateValue(value, ctx.locale)
  if (kind === 'label' && typeof value === 'string') return enumLabel(value)
  return formatGeneric(value, ctx)
}

function formatGeneric(value: unknown, ctx: ChangeContext): string {
  if (value === null || value === undefined || value === '') return 'none'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'number') return formatCount(value, ctx.locale)
  if (typeof value === 'string') return ctx.names?.get(value) ?? value
  if (Array.isArray(value)) return value.length ? value.map((v) => formatGeneric(v, ctx)).join(', ') : 'none'
  if (isMoneyObject(value)) return formatChangeValue(value, 'money', ctx)
  const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => {
    const kind = kindOf(k, undefined, v)
    const text = kind === 'value' ? formatGeneric(v, ctx) : formatChangeValue(v, kind, ctx)
    return `${words(k).toLowerCase()}: ${v && typeof v === 'object' && !Array.isArray(v) ? `(${text})` : text}`
  })
  return parts.length ? parts.join(', ') : 'none'
}

function isFromTo(value: unknown): value is { from?: unknown; to?: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && ('from' in value || 'to' in value)
}

function describePath(
  path: string,
  ctx: ChangeContext,
): { field: string; context?: string; key: string; parent?: string } {
  const parts = segments(path)
  const key = parts.at(-1) ?? path
  const parent = parts.at(-2)
  const context: string[] = []
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]
    const container = CONTAINERS[part.toLowerCase()]
    const next = parts[i + 1]
    if (container && next !== undefined && i + 1 < parts.length - 1) {
      context.push(`${container} ${ctx.names?.get(next) ?? next}`)
      i++
    } else if (part.toLowerCase() === 'pendingchange') context.push('Proposed')
    else if (ctx.names?.has(part)) context.push(ctx.names.get(part)!)
  }
  const named = FIELD_WORDS[key.toLowerCase()]
  const inBudget = parent?.toLowerCase() === 'budget' && key.toLowerCase() === 'total'
  const field = inBudget ? 'Budget' : (named ?? words(key))
  return { field, context: context.length ? context.join(' · ') : undefined, key, parent }
}

/** Every change of a History row as one line; an empty list when the row carries none. */
export function describeChanges(
  changes: Record<string, unknown> | null | undefined,
  ctx: ChangeContext = {},
): ChangeLine[] {
  if (!changes) return []
  return Object.entries(changes).map(([path, change]): ChangeLine => {
    const { field, context, key, parent } = describePath(path, ctx)
    if (isFromTo(change)) {
      const byTo = kindOf(key, parent, change.to)
      const kind = byTo === 'value' ? kindOf(key, parent, change.from) : byTo
      // A field that had no value before (a created campaign, a new package) was set, not changed.
      const had = change.from !== null && change.from !== undefined && change.from !== ''
      return {
        path,
        field,
        context,
        kind,
        ...(had ? { from: formatChangeValue(change.from, kind, ctx) } : {}),
        to: formatChangeValue(change.to, kind, ctx),
      }
    }
    const kind = kindOf(key, parent, change)
    return { path, field, context, kind, to: formatChangeValue(change, kind, ctx) }
  })
}

/** "Budget €5,000.00 → €7,500.00", for one-line uses (timeline marks, announcements). */
export function changeLineText(line: ChangeLine): string {
  const what = line.context ? `${line.context}: ${line.field.toLowerCase()}` : line.field
  return line.from === undefined ? `${what} set to ${line.to}` : `${what} ${line.from} → ${line.to}`
}

/** The names a campaign gives its buys and packages, by id, for History's lines. */
export function campaignNames(campaign: Campaign): Map<string, string> {
  const names = new Map<string, string>()
  for (const buy of campaign.mediaBuys ?? []) {
    names.set(buy.mediaBuyId, buy.name)
    for (const pkg of buy.packages ?? []) {
      const name = (pkg as { name?: unknown }).name
      if (typeof name === 'string' && name) names.set(pkg.packageId, name)
    }
  }
  return names
}
