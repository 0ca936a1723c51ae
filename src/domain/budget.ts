// CONTRACT D3: lowering a campaign budget scales live package budgets proportionally.

/** Buy statuses whose packages no longer hold budget. */
export const NON_LIVE_BUY_STATUSES: ReadonlySet<string> = new Set([
  'CANCELED',
  'ARCHIVED',
  'COMPLETED',
  'REJECTED',
  'FAILED',
])

export interface LivePackage {
  mediaBuyId: string
  packageId: string
  budget: number
}

export interface ScalingInput {
  newTotal: number
  /** Budgets of live packages (buy not terminal, package not canceled). */
  packages: readonly LivePackage[]
  /** Explicit amounts from the same request, by packageId: applied as given. */
  explicit?: ReadonlyMap<string, number>
}

export type ScalingResult =
  | { kind: 'unchanged'; allocation: number }
  | { kind: 'scaled'; allocation: number; factor: number; budgets: Map<string, number>; newAllocation: number }
  | { kind: 'insufficient'; allocation: number; explicitTotal: number }

const cents = (amount: number) => Math.round(amount * 100)
const floorToCent = (amount: number) => Math.floor(amount * 100 + 1e-6) / 100

/** Whether a buy's packages count toward the allocation. */
export function isLiveBuyStatus(status: string): boolean {
  return !NON_LIVE_BUY_STATUSES.has(status)
}

/**
 * The package budgets that result from a new campaign total.
 * Explicit amounts are kept; every other live package is multiplied by newTotal / currentAllocation and rounded
 * down to the cent. If that would still overflow (explicit amounts took more than their share), the implicit
 * packages share what is left, so the sum never exceeds the new total.
 */
export function scalePackageBudgets({ newTotal, packages, explicit = new Map() }: ScalingInput): ScalingResult {
  const allocation = sumMoney(packages.map((p) => explicit.get(p.packageId) ?? p.budget))
  const explicitTotal = sumMoney([...explicit.values()])
  if (cents(explicitTotal) > cents(newTotal)) return { kind: 'insufficient', allocation, explicitTotal }
  if (cents(allocation) <= cents(newTotal)) return { kind: 'unchanged', allocation }

  const implicit = packages.filter((p) => !explicit.has(p.packageId))
  const implicitTotal = sumMoney(implicit.map((p) => p.budget))
  const currentAllocation = sumMoney(packages.map((p) => p.budget))
  let factor = newTotal / currentAllocation
  const room = newTotal - explicitTotal
  if (implicitTotal * factor > room) factor = implicitTotal > 0 ? room / implicitTotal : 0

  const budgets = new Map<string, number>()
  for (const p of packages) budgets.set(p.packageId, explicit.get(p.packageId) ?? floorToCent(p.budget * factor))
  return { kind: 'scaled', allocation, factor, budgets, newAllocation: sumMoney([...budgets.values()]) }
}

/** Sums money without binary drift: in cents. */
export function sumMoney(amounts: readonly number[]): number {
  return amounts.reduce((sum, amount) => sum + cents(amount), 0) / 100
}

// The campaign as the UI reads it, reduced to what D3 needs.
interface BudgetBuy {
  mediaBuyId: string
  status: string
  packages?: readonly { packageId: string; status: string; budget?: number | null }[]
  products?: readonly { productId: string; budget?: number | null }[]
}

/** D3's live allocation, as the sandbox counts it: packages of live buys, or products of buys with no packages yet. */
export function liveAllocationUnits(buys: readonly BudgetBuy[]): LivePackage[] {
  return buys.flatMap((buy) => {
    if (!isLiveBuyStatus(buy.status)) return []
    const pkgs = buy.packages ?? []
    if (pkgs.length > 0)
      return pkgs
        .filter((p) => p.status !== 'canceled' && p.budget != null)
        .map((p) => ({ mediaBuyId: buy.mediaBuyId, packageId: p.packageId, budget: p.budget ?? 0 }))
    return (buy.products ?? [])
      .filter((p) => p.budget != null)
      .map((p) => ({
        mediaBuyId: buy.mediaBuyId,
        packageId: productUnitId(buy.mediaBuyId, p.productId),
        budget: p.budget ?? 0,
      }))
  })
}

/** A buy without packages holds its budget on products; the unit id says which. */
export const productUnitId = (mediaBuyId: string, productId: string) => `product:${mediaBuyId}:${productId}`

export interface ExplicitBudgets {
  mediaBuyId: string
  packages: { packageId: string; budget: number }[]
  products: { productId: string; budget: number }[]
}

/**
 * D3 against an older server (409 INSUFFICIENT_MEDIA_BUDGET): the same change, with every changed budget written out,
 * grouped per buy so it goes in one atomic PUT.
 */
export function explicitBudgetsByBuy(
  units: readonly LivePackage[],
  budgets: ReadonlyMap<string, number>,
): ExplicitBudgets[] {
  const byBuy = new Map<string, ExplicitBudgets>()
  for (const unit of units) {
    const budget = budgets.get(unit.packageId)
    if (budget === undefined || cents(budget) === cents(unit.budget)) continue
    const entry = byBuy.get(unit.mediaBuyId) ?? { mediaBuyId: unit.mediaBuyId, packages: [], products: [] }
    const prefix = `product:${unit.mediaBuyId}:`
    if (unit.packageId.startsWith(prefix))
      entry.products.push({ productId: unit.packageId.slice(prefix.length), budget })
    else entry.packages.push({ packageId: unit.packageId, budget })
    byBuy.set(unit.mediaBuyId, entry)
  }
  return [...byBuy.values()]
}
