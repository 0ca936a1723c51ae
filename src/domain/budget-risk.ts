// Budget changes a buyer should not send by accident: a budget at or below what is already spent (the level stops
// delivering and reads over budget at once; spend is never refunded), a cut of more than half, a rise above 5×.
// Every budget form flags these on the field and asks for a second confirmation before sending.

import type { Campaign } from '../api/schemas/campaign.ts'
import type { UpdateCampaignBody } from '../api/schemas/update.ts'
import { liveAllocationUnits, productUnitId, scalePackageBudgets, sumMoney } from './budget.ts'
import { currencyDigits } from './money.ts'

/** A new budget below this share of the current one is a deep cut. */
export const DEEP_CUT_BELOW = 0.5
/** A new budget above this multiple of the current one is a big rise. */
export const BIG_RISE_ABOVE = 5

export type BudgetRiskKind = 'below_spend' | 'at_spend' | 'deep_cut' | 'big_rise'

export interface BudgetChange {
  /** What the budget belongs to, as the buyer knows it ("Package pkg_1", "The campaign total"). */
  label: string
  from: number | null | undefined
  to: number
  spent: number | null | undefined
}

export interface BudgetRisk {
  kind: BudgetRiskKind
  label: string
  /** Short text for the field. */
  field: string
  /** The consequence in words, for the review step. */
  consequence: string
}

/** "2,206.00 EUR": the figure the buyer compares with what they typed, to the currency's precision. */
export function moneyFigure(amount: number, currency: string): string {
  const digits = currencyDigits(currency)
  const number = new Intl.NumberFormat('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    amount,
  )
  return `${number} ${currency}`
}

const cents = (n: number) => Math.round(n * 100)

/** The one rule for what counts as a risky budget change, and how it is said. Null when the change is ordinary. */
export function budgetChangeRisk(change: BudgetChange, currency: string): BudgetRisk | null {
  const { label, from, to, spent } = change
  const m = (n: number) => moneyFigure(n, currency)
  const was = typeof from === 'number' ? ` (now ${m(from)})` : ''
  if (typeof spent === 'number' && spent > 0 && cents(to) <= cents(spent)) {
    const below = cents(to) < cents(spent)
    return {
      kind: below ? 'below_spend' : 'at_spend',
      label,
      field: below ? `Below the ${m(spent)} already spent` : `No more than the ${m(spent)} already spent`,
      consequence: below
        ? `${label}: the new budget of ${m(to)}${was} is below the ${m(spent)} already spent. It will read over budget and stop delivering at once; what is spent is not refunded.`
        : `${label}: the new budget of ${m(to)}${was} equals what is already spent. The budget is exhausted and it stops delivering at once.`,
    }
  }
  if (typeof from !== 'number' || from <= 0 || cents(to) === cents(from)) return null
  if (to < from * DEEP_CUT_BELOW)
    return {
      kind: 'deep_cut',
      label,
      field: `A cut of ${Math.round((1 - to / from) * 100)} % from ${m(from)}`,
      consequence: `${label}: the budget is cut from ${m(from)} to ${m(to)}, more than half; delivery slows down to match.`,
    }
  if (to > from * BIG_RISE_ABOVE)
    return {
      kind: 'big_rise',
      label,
      field: `${formatTimes(to / from)} the current ${m(from)}`,
      consequence: `${label}: the budget rises from ${m(from)} to ${m(to)}, more than ${BIG_RISE_ABOVE}× its current amount; the seller will try to spend it all.`,
    }
  return null
}

const formatTimes = (x: number) => `${x >= 10 ? Math.round(x) : Math.round(x * 10) / 10}×`

/** The risks of several changes, in order, without the ordinary ones. */
export function budgetRisks(changes: readonly BudgetChange[], currency: string): BudgetRisk[] {
  return changes.flatMap((c) => {
    const risk = budgetChangeRisk(c, currency)
    return risk ? [risk] : []
  })
}

/** What the buyer ticks before a risky change can be sent. */
export function riskConfirmation(risks: readonly BudgetRisk[]): string {
  if (risks.some((r) => r.kind === 'below_spend' || r.kind === 'at_spend'))
    return 'I understand that a budget at or below its spend stops delivering at once'
  return risks.length === 1 ? 'I understand this budget change' : 'I understand these budget changes'
}

// ---- Bulk percentages: "scale package budgets to N % of now". ----

/** The percentages bulk edit accepts: a cut of at most 90 %, a rise to at most 5× (wider steps go one buy at a time). */
export const BULK_PERCENT_MIN = 10
export const BULK_PERCENT_MAX = 500

export type PercentParse = { ok: true; value: number } | { ok: false; message: string }

const PERCENT = /^\d{1,4}(\.\d)?$/

/** A whole or one-decimal percentage within the bulk range, typed as text ("90", "12.5"; "12.345" and "1e3" are refused). */
export function parseBulkPercent(text: string): PercentParse {
  const trimmed = text.trim().replace(/\s*%$/, '')
  const range = `A percentage from ${BULK_PERCENT_MIN} to ${BULK_PERCENT_MAX}, whole or with one decimal, like 90 or 12.5`
  if (!PERCENT.test(trimmed)) return { ok: false, message: range }
  const value = Number(trimmed)
  if (value < BULK_PERCENT_MIN || value > BULK_PERCENT_MAX) return { ok: false, message: range }
  return { ok: true, value }
}

// ---- The risks of a PUT body, read from the campaign it is sent against: one check for every budget form. ----

/**
 * Every budget a PUT sets, against its current amount and its spend: explicit package and product budgets, the
 * campaign total, and the package budgets D3 scales down when the total drops below the live allocation.
 */
export function updateBudgetRisks(campaign: Campaign, body: UpdateCampaignBody): BudgetRisk[] {
  const currency = campaign.budget?.currency ?? 'USD'
  const buys = campaign.mediaBuys ?? []
  const changes: BudgetChange[] = []
  const explicit = new Map<string, number>()
  for (const entry of body.mediaBuys ?? []) {
    if (entry.action && entry.action !== 'update') continue
    const buy = buys.find((b) => b.mediaBuyId === entry.mediaBuyId)
    for (const p of entry.packages ?? []) {
      if (p.budget === undefined) continue
      explicit.set(p.packageId, p.budget)
      const pkg = buy?.packages?.find((x) => x.packageId === p.packageId)
      changes.push({ label: `Package ${p.packageId}`, from: pkg?.budget, to: p.budget, spent: pkg?.delivery?.spend })
    }
    for (const p of entry.products ?? []) {
      if (p.budget === undefined) continue
      explicit.set(productUnitId(entry.mediaBuyId, p.productId), p.budget)
      const product = buy?.products?.find((x) => x.productId === p.productId)
      changes.push({
        label: `Product ${product?.productName ?? p.productId}`,
        from: product?.budget,
        to: p.budget,
        spent: null,
      })
    }
  }
  const total = body.budget?.total
  if (total !== undefined) {
    const spends = buys.map(spendOf).filter((s): s is number => s !== undefined)
    const spent = spends.length ? sumMoney(spends) : null
    changes.push({ label: 'The campaign total', from: campaign.budget?.total, to: total, spent })
    const scaled = scalePackageBudgets({ newTotal: total, packages: liveAllocationUnits(buys), explicit })
    if (scaled.kind === 'scaled')
      for (const buy of buys)
        for (const pkg of buy.packages ?? []) {
          const to = scaled.budgets.get(pkg.packageId)
          if (to === undefined || explicit.has(pkg.packageId)) continue
          // Scaled packages are flagged only when they end at or below their spend: the cut itself is the total's.
          const risk = budgetChangeRisk(
            { label: `Package ${pkg.packageId}`, from: null, to, spent: pkg.delivery?.spend },
            currency,
          )
          if (risk)
            changes.push({
              label: `Package ${pkg.packageId} (scaled with the total)`,
              from: pkg.budget,
              to,
              spent: pkg.delivery?.spend,
            })
        }
  }
  return budgetRisks(changes, currency)
}

function spendOf(buy: NonNullable<Campaign['mediaBuys']>[number]): number | undefined {
  if (buy.performance) return buy.performance.spend
  const spends = (buy.packages ?? []).map((p) => p.delivery?.spend).filter((s): s is number => typeof s === 'number')
  return spends.length ? sumMoney(spends) : undefined
}
