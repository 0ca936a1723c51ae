import { rollUpStatus, statusRank } from './status.ts'

/** The minimum a roll-up needs from a media buy, so the UI and the sandbox can both call it. */
export interface RollUpBuy {
  mediaBuyId: string
  name: string
  status: string
  pendingChange?: { status: string } | null
  products?: readonly { salesAgentName?: string }[]
}

export interface CampaignRollUp {
  status: string
  /** The buy whose status is surfaced, when the campaign has buys. */
  driver?: { mediaBuyId: string; name: string; salesAgentName?: string; status: string }
  /** Buys per effective status, most restrictive first. */
  counts: { status: string; count: number }[]
  fromBuys: boolean
}

/** D1/D6: a buy with a pending version counts with its pending status when that is more restrictive. */
export function effectiveBuyStatus(buy: Pick<RollUpBuy, 'status' | 'pendingChange'>): string {
  const pending = buy.pendingChange?.status
  return pending ? (rollUpStatus([buy.status, pending]) ?? buy.status) : buy.status
}

/**
 * The campaign badge (D1): the most restrictive status across its buys, the buy that drives it, and counts.
 * A campaign without buys shows its own lifecycle status.
 */
export function campaignRollUp(campaign: { status: string; mediaBuys?: readonly RollUpBuy[] }): CampaignRollUp {
  const buys = campaign.mediaBuys ?? []
  if (buys.length === 0) return { status: campaign.status, counts: [], fromBuys: false }

  const counts = new Map<string, number>()
  let driver: RollUpBuy | undefined
  let driverStatus = ''
  for (const buy of buys) {
    const status = effectiveBuyStatus(buy)
    counts.set(status, (counts.get(status) ?? 0) + 1)
    if (!driver || statusRank(status) < statusRank(driverStatus)) {
      driver = buy
      driverStatus = status
    }
  }
  const sorted = [...counts].map(([status, count]) => ({ status, count }))
  sorted.sort((a, b) => statusRank(a.status) - statusRank(b.status))
  return {
    status: driverStatus,
    driver: driver && {
      mediaBuyId: driver.mediaBuyId,
      name: driver.name,
      salesAgentName: driver.products?.find((p) => p.salesAgentName)?.salesAgentName,
      status: driverStatus,
    },
    counts: sorted,
    fromBuys: true,
  }
}

// Packages report lowercase AdCP states; these four are the buy enum's words for them.
const PACKAGE_STATES = new Set(['ACTIVE', 'PAUSED', 'CANCELED', 'COMPLETED'])
// A buy in one of these is over: nothing under it runs, whatever the package last reported.
const BUY_OVER = new Set(['FAILED', 'REJECTED', 'COMPLETED', 'CANCELED', 'ARCHIVED'])

/**
 * A package's status as shown: only as live as its buy (effective status, as Meta and Google show a child of a paused
 * parent). Under an ACTIVE buy it is the package's own; under a buy that is over (rejected, failed, completed,
 * canceled, archived) it is the buy's; under a buy not live yet or paused, an active package takes the buy's status
 * while a paused one stays paused. A canceled package stays canceled everywhere.
 */
export function effectivePackageStatus(buyStatus: string, packageStatus: string): string {
  const upper = packageStatus.toUpperCase()
  const own = PACKAGE_STATES.has(upper) ? upper : packageStatus
  if (own === 'CANCELED') return own
  if (BUY_OVER.has(buyStatus)) return buyStatus
  return own === 'ACTIVE' ? buyStatus : own
}
