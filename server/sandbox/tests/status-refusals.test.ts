// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { buyBy, openSandbox, type Buy, type Campaign, type TestSandbox } from './helpers.ts'

// CONTRACT §4.2, status by status: what a buy in that status refuses, with INVALID_STATE on the field, and a refused
// request changes nothing.

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
})
afterEach(() => t.done())

type Change = (buy: Buy) => Record<string, unknown>

const CHANGES: Record<string, { change: Change; field: string }> = {
  name: { change: () => ({ name: 'Renamed' }), field: 'action' },
  end_time: { change: () => ({ end_time: '2026-12-01T00:00:00Z' }), field: 'action' },
  start_time: { change: () => ({ start_time: 'asap' }), field: 'action' },
  products: { change: (b) => ({ products: [{ productId: b.products[0].productId, budget: 100 }] }), field: 'products' },
  packages: {
    change: (b) => ({ packages: [{ packageId: b.packages[0]?.packageId ?? 'pkg_none', budget: 100 }] }),
    field: 'packages',
  },
  creative_ids: { change: () => ({ creative_ids: [] }), field: 'creative_ids' },
  optimization_goals: { change: () => ({ optimization_goals: [] }), field: 'optimization_goals' },
  cancel: { change: () => ({ action: 'cancel' }), field: 'action' },
}

async function buyIn(n: number, agent: string, status: string): Promise<{ c: Campaign; buy: Buy }> {
  const c = await t.campaign(campaignIdOf(n))
  const buy = status === 'ARCHIVED' ? c.mediaBuys.find((b) => b.status === 'ARCHIVED')! : buyBy(c, agent)
  expect(buy.status).toBe(status)
  return { c, buy }
}

// A closed buy refuses an update as a whole, on its action, before any field is looked at.
const CLOSED = ['CANCELED', 'REJECTED', 'ARCHIVED']

async function refuses(n: number, agent: string, status: string, kind: string) {
  const { c, buy } = await buyIn(n, agent, status)
  const { change } = CHANGES[kind]
  const field = CLOSED.includes(status) ? 'action' : CHANGES[kind].field
  const before = await t.campaign(c.campaignId)
  const res = await t.call('PUT', `/campaigns/${c.campaignId}`, {
    mediaBuys: [{ mediaBuyId: buy.mediaBuyId, ...change(buy) }],
  })
  expect(res.status).toBe(400)
  expect(res.error).toMatchObject({ code: 'INVALID_STATE', field: `mediaBuys.0.${field}` })
  expect(await t.campaign(c.campaignId)).toEqual(before)
}

// [status, campaign, seller, what it refuses]
const TABLE: [string, number, string, string[]][] = [
  ['DRAFT', 4, 'Northwind Exchange', ['packages', 'cancel']],
  ['PENDING_APPROVAL', 8, 'Meridian Premium Direct', ['products', 'packages']],
  ['ACTIVE', 9, 'Summit Audio Network', ['products']],
  ['PAUSED', 11, 'Northwind Exchange', ['products']],
  ['INPUT_REQUIRED', 5, 'Harbor Streaming', ['products']],
  ['COMPLETED', 10, 'Northwind Exchange', ['products', 'creative_ids', 'optimization_goals', 'cancel']],
  ['FAILED', 7, 'Cobalt Social', ['products', 'packages', 'creative_ids', 'optimization_goals', 'cancel']],
  [
    'CANCELED',
    12,
    'Meridian Premium Direct',
    ['name', 'end_time', 'start_time', 'products', 'packages', 'creative_ids', 'optimization_goals', 'cancel'],
  ],
  [
    'REJECTED',
    6,
    'Summit Audio Network',
    ['name', 'end_time', 'start_time', 'products', 'packages', 'creative_ids', 'optimization_goals', 'cancel'],
  ],
  [
    'ARCHIVED',
    13,
    'Pinnacle Retail Media',
    ['name', 'end_time', 'products', 'creative_ids', 'optimization_goals', 'cancel'],
  ],
]

describe('CONTRACT §4.2: what each status refuses', () => {
  for (const [status, n, agent, kinds] of TABLE)
    describe(`a ${status} buy`, () => {
      it.each(kinds)('refuses %s', (kind) => refuses(n, agent, status, kind))
    })
})

describe('CONTRACT §4.2: what a closed buy keeps', () => {
  it('a CANCELED buy keeps its name and end after the refused edits', async () => {
    const { c, buy } = await buyIn(12, 'Meridian Premium Direct', 'CANCELED')
    await t.call('PUT', `/campaigns/${c.campaignId}`, {
      mediaBuys: [{ mediaBuyId: buy.mediaBuyId, name: 'Back from the dead' }],
    })
    await t.call('PUT', `/campaigns/${c.campaignId}`, {
      mediaBuys: [{ mediaBuyId: buy.mediaBuyId, end_time: '2026-12-01T00:00:00Z' }],
    })
    const after = buyBy(await t.campaign(c.campaignId), 'Meridian Premium Direct')
    expect(after).toMatchObject({ name: buy.name, status: 'CANCELED', endTime: buy.endTime })
  })

  it('a COMPLETED buy still takes a package change, in place', async () => {
    const { c, buy } = await buyIn(10, 'Northwind Exchange', 'COMPLETED')
    const res = await t.call<{ campaign: Campaign }>('PUT', `/campaigns/${c.campaignId}`, {
      mediaBuys: [{ mediaBuyId: buy.mediaBuyId, packages: [{ packageId: buy.packages[0].packageId, budget: 11_000 }] }],
    })
    expect(res.status).toBe(200)
    const after = buyBy(await t.campaign(c.campaignId), 'Northwind Exchange')
    expect(after.packages[0].budget).toBe(11_000)
    expect(after.pendingChange).toBeUndefined()
  })
})
