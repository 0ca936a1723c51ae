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
