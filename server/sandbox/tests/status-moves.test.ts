// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { buyBy, openSandbox, type Buy, type Campaign, type TestSandbox } from './helpers.ts'

// Archiving a buy the seller still runs (CONTRACT §4.2: delete is allowed whatever the status) is the platform's own
// soft delete: the buy stops spending, so its packages show paused (one canceled before stays canceled), and its
// status history keeps both what it was and what its seller last said about it.

const CAMPAIGN = campaignIdOf(9) // Summit Audio Network: ACTIVE, two active packages
const SELLER = 'Summit Audio Network'

let t: TestSandbox
let buy: Buy
beforeEach(async () => {
  t = openSandbox()
  buy = buyBy(await t.campaign(CAMPAIGN), SELLER)
  expect(buy.status).toBe('ACTIVE')
  expect(buy.packages.map((p) => p.status)).toEqual(['active', 'active'])
}, 60_000)
afterEach(() => t.done())

const put = (entry: Record<string, unknown>) =>
  t.call<{ campaign: Campaign }>('PUT', `/campaigns/${CAMPAIGN}`, {
    mediaBuys: [{ mediaBuyId: buy.mediaBuyId, ...entry }],
  })

async function archived(): Promise<Buy> {
  const all = await t.call<{ campaign: Campaign }>('GET', `/campaigns/${CAMPAIGN}?includeArchived=true`)
  return all.data.campaign.mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId)!
}

async function statusRow() {
  const res = await t.call<{ media_buys: Record<string, unknown>[] }>('GET', `/campaigns/${CAMPAIGN}/media-buy-status`)
  return res.data.media_buys.find((m) => m.media_buy_id === buy.mediaBuyId)
}

describe('archiving a live buy', () => {
  it('pauses its packages', async () => {
    const res = await put({ action: 'delete' })
    expect(res.error).toBeNull()
    const after = await archived()
    expect(after.status).toBe('ARCHIVED')
    expect(after.packages.map((p) => p.status)).toEqual(['paused', 'paused'])
  })

  it('keeps a package canceled before as canceled, and pauses the rest', async () => {
    expect((await put({ action: 'cancel', packageIds: [buy.packages[1].packageId] })).error).toBeNull()
    expect((await put({ action: 'delete' })).error).toBeNull()
    expect((await archived()).packages.map((p) => p.status)).toEqual(['paused', 'canceled'])
  })

  it("keeps the status it came from and the seller's last reported status on record", async () => {
    expect((await put({ action: 'delete' })).error).toBeNull()
    expect(await statusRow()).toMatchObject({
      internal_status: 'ARCHIVED',
      adcp_status: 'active',
      previous_internal_status: 'ACTIVE',
      previous_adcp_status: 'active',
    })
  })

  it('moves the buy and the campaign on: a new updatedAt and revision', async () => {
    const before = await t.campaign(CAMPAIGN)
    expect((await put({ action: 'delete' })).error).toBeNull()
    const after = await t.call<{ campaign: Campaign }>('GET', `/campaigns/${CAMPAIGN}?includeArchived=true`)
    expect(after.data.campaign.revision).toBeGreaterThan(before.revision)
    expect((await archived()).updatedAt > buy.updatedAt).toBe(true)
  })
})
