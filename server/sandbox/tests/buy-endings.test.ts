// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { buyBy, HOUR, NOW, openSandbox, type Buy, type Campaign, type TestSandbox } from './helpers.ts'

// How a buy's end shows on its packages and in its status history: a canceled buy's packages are canceled; a buy that
// completes at its seller, or is archived, keeps its packages paused, and a package canceled before stays canceled.
// media-buy-status tells the status the buy came from.

const CAMPAIGN = campaignIdOf(9) // Summit Audio Network: ACTIVE, two active packages, flight to 2026-12-15
const SELLER = 'Summit Audio Network'

let t: TestSandbox
let buy: Buy
beforeEach(async () => {
  t = openSandbox()
  buy = buyBy(await t.campaign(CAMPAIGN), SELLER)
  expect(buy.status).toBe('ACTIVE')
  expect(buy.packages.map((p) => p.status)).toEqual(['active', 'active'])
})
afterEach(() => t.done())

const put = (entry: Record<string, unknown>) =>
  t.call<{ campaign: Campaign }>('PUT', `/campaigns/${CAMPAIGN}`, {
    mediaBuys: [{ mediaBuyId: buy.mediaBuyId, ...entry }],
  })

async function cancelFirstPackage() {
  const res = await put({ action: 'cancel', packageIds: [buy.packages[0].packageId] })
  expect(res.error).toBeNull()
}

interface BuyStatus {
  media_buy_id: string
  internal_status: string
  adcp_status: string
  previous_internal_status: string
  previous_adcp_status: string | null
}
async function statusOf(): Promise<BuyStatus> {
  const res = await t.call<{ media_buys: BuyStatus[] }>('GET', `/campaigns/${CAMPAIGN}/media-buy-status`)
  return res.data.media_buys.find((m) => m.media_buy_id === buy.mediaBuyId)!
}

const packageStatuses = async () => buyBy(await t.campaign(CAMPAIGN), SELLER).packages.map((p) => p.status)

describe('the end of a buy, as its packages and status history show it', () => {
  it('a canceled buy cancels every package, and tells the status it came from', async () => {
    const res = await put({ action: 'cancel' })
    expect(res.error).toBeNull()
    expect(buyBy(res.data.campaign, SELLER).status).toBe('CANCELED')
    expect(await packageStatuses()).toEqual(['canceled', 'canceled'])
    expect(await statusOf()).toMatchObject({
      internal_status: 'CANCELED',
      adcp_status: 'canceled',
      previous_internal_status: 'ACTIVE',
      previous_adcp_status: 'active',
    })
  })

  it('a buy that completes at its seller pauses its packages; one canceled before stays canceled', async () => {
    await cancelFirstPackage()
    expect(await packageStatuses()).toEqual(['canceled', 'active'])
    t.sb.tick(Date.parse(buy.endTime!) - NOW.getTime() + 2 * HOUR)
    expect(buyBy(await t.campaign(CAMPAIGN), SELLER).status).toBe('COMPLETED')
    expect(await packageStatuses()).toEqual(['canceled', 'paused'])
    expect(await statusOf()).toMatchObject({
      internal_status: 'COMPLETED',
      adcp_status: 'completed',
      previous_internal_status: 'ACTIVE',
      previous_adcp_status: 'active',
    })
  }, 60_000)

  it('an archived buy keeps its packages as they ended, and its status history', async () => {
    t.sb.tick(Date.parse(buy.endTime!) - NOW.getTime() + 2 * HOUR)
    const res = await put({ action: 'delete' })
    expect(res.error).toBeNull()
    const all = await t.call<{ campaign: Campaign }>('GET', `/campaigns/${CAMPAIGN}?includeArchived=true`)
    const archived = all.data.campaign.mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId)!
    expect(archived.status).toBe('ARCHIVED')
    expect(archived.packages.map((p) => p.status)).toEqual(['paused', 'paused'])
    expect(await statusOf()).toMatchObject({ internal_status: 'ARCHIVED', previous_internal_status: 'COMPLETED' })
  }, 60_000)
})
