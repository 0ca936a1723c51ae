// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { buyBy, openSandbox, type Campaign, type TestSandbox } from './helpers.ts'

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
})
afterEach(() => t.done())

const put = (id: string, body: unknown) => t.call<{ campaign: Campaign }>('PUT', `/campaigns/${id}`, body)

async function refused(id: string, body: unknown, field: string) {
  const before = await t.campaign(id)
  const res = await put(id, body)
  expect(res.status).toBe(400)
  expect(res.error).toMatchObject({ code: 'VALIDATION_ERROR', field })
  expect(await t.campaign(id)).toEqual(before)
}

describe('optimization goal rules the schema cannot express (CONTRACT §3.6, shared with the form)', () => {
  const paused = async () => {
    const c = await t.campaign(campaignIdOf(11))
    return { c, buy: buyBy(c, 'Northwind Exchange') }
  }

  it('refuses return on ad spend without a value field, on the target', async () => {
    const { c, buy } = await paused()
    const goal = {
      kind: 'event',
      event_sources: [{ event_source_id: 'es_1', event_type: 'purchase' }],
      target: { kind: 'per_ad_spend', value: 3 },
    }
    await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, optimization_goals: [goal] }] },
      'mediaBuys.0.optimization_goals.0.target.kind',
    )
  })

  it('refuses a custom event without its name, on the source', async () => {
    const { c, buy } = await paused()
    const goal = { kind: 'event', event_sources: [{ event_source_id: 'es_1', event_type: 'custom' }] }
    await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, optimization_goals: [goal] }] },
      'mediaBuys.0.optimization_goals.0.event_sources.0.custom_event_name',
    )
  })

  it('refuses a view duration on a metric other than completed views', async () => {
    const { c, buy } = await paused()
    const goal = { kind: 'metric', metric: 'clicks', view_duration_seconds: 10 }
    await refused(
      c.campaignId,
      { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, optimization_goals: [goal] }] },
      'mediaBuys.0.optimization_goals.0.view_duration_seconds',
    )
  })

  it('stores a valid metric goal with a threshold rate on a paused buy', async () => {
    const { c, buy } = await paused()
    const goal = { kind: 'metric', metric: 'clicks', target: { kind: 'threshold_rate', value: 0.02 }, priority: 1 }
    const res = await put(c.campaignId, { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, optimization_goals: [goal] }] })
    expect(res.status).toBe(200)
    const after = await t.campaign(c.campaignId)
    expect(
      (after.mediaBuys.find((b) => b.mediaBuyId === buy.mediaBuyId) as unknown as { optimizationGoals: unknown[] })
        .optimizationGoals,
    ).toEqual([goal])
  })
})

describe('money precision per campaign currency', () => {
  it('refuses a package budget with a tenth of a penny in GBP, at its field', async () => {
    const c = await t.campaign(campaignIdOf(11))
    const buy = buyBy(c, 'Northwind Exchange')
    await refused(
      c.campaignId,
      {
        mediaBuys: [
          { mediaBuyId: buy.mediaBuyId, packages: [{ packageId: buy.packages[0].packageId, budget: 1000.005 }] },
        ],
      },
      'mediaBuys.0.packages.0.budget',
    )
  })

  it('accepts two decimals', async () => {
    const c = await t.campaign(campaignIdOf(11))
    const buy = buyBy(c, 'Northwind Exchange')
    const res = await put(c.campaignId, {
      mediaBuys: [
        { mediaBuyId: buy.mediaBuyId, packages: [{ packageId: buy.packages[0].packageId, budget: 1000.05 }] },
      ],
    })
    expect(res.status).toBe(200)
  })
})
