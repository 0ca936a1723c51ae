// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { buyBy, openSandbox, type Campaign, type TestSandbox } from './helpers.ts'

// CONTRACT §4.2 and §9.2, field by field: what an update to a live buy's packages, creatives and dates refuses, with
// the code, the words a buyer reads and the field to point at; a refused request changes nothing.

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
})
afterEach(() => t.done())

const put = (campaignId: string, entry: Record<string, unknown>) =>
  t.call<{ campaign: Campaign }>('PUT', `/campaigns/${campaignId}`, { mediaBuys: [entry] })

async function refused(
  campaignId: string,
  entry: Record<string, unknown>,
  expected: { code: string; message: string; field: string },
) {
  const before = await t.campaign(campaignId)
  const res = await put(campaignId, entry)
  expect(res.status).toBe(400)
  expect(res.error).toMatchObject(expected)
  expect(await t.campaign(campaignId)).toEqual(before)
}

async function accepted(campaignId: string, entry: Record<string, unknown>) {
  const res = await put(campaignId, entry)
  expect(res.error).toBeNull()
  return res.data.campaign.mediaBuys.find((b) => b.mediaBuyId === entry.mediaBuyId)!
}

describe('packages[]: only the live packages of this buy', () => {
  it('refuses a package of another buy, naming both', async () => {
    const c = await t.campaign(campaignIdOf(1))
    const [buy, other] = [buyBy(c, 'Northwind Exchange'), buyBy(c, 'Pinnacle Retail Media')]
    const foreign = other.packages[0].packageId
    await refused(
      c.campaignId,
      { mediaBuyId: buy.mediaBuyId, packages: [{ packageId: foreign, budget: 100 }] },
      {
        code: 'VALIDATION_ERROR',
        message: `Package ${foreign} does not belong to media buy ${buy.mediaBuyId}`,
        field: 'mediaBuys.0.packages.0.packageId',
      },
    )
  })

  it('refuses a canceled package at its index', async () => {
    const c = await t.campaign(campaignIdOf(22))
    const buy = buyBy(c, 'Northwind Exchange')
    const live = buy.packages.find((p) => p.status === 'active')!.packageId
    const canceled = buy.packages.find((p) => p.status === 'canceled')!.packageId
    await refused(
      c.campaignId,
      {
        mediaBuyId: buy.mediaBuyId,
        packages: [
          { packageId: live, pacing: 'asap' },
          { packageId: canceled, budget: 2_000 },
        ],
      },
      { code: 'INVALID_STATE', message: `Package ${canceled} is canceled`, field: 'mediaBuys.0.packages.1' },
    )
  })
})

describe("packages[]: a package's dates stay within the buy's window", () => {
  const CAMPAIGN = campaignIdOf(9) // Summit Audio Network, a buy with no dates of its own: the flight is its window
  const start = '2026-11-15T00:00:00Z'
  const end = '2026-12-15T00:00:00Z'
  const message = (key: string) => `${key} must fall within the buy's window (${start} – ${end})`
  const summit = async () => {
    const buy = buyBy(await t.campaign(CAMPAIGN), 'Summit Audio Network')
    expect([buy.startTime, buy.endTime]).toEqual([start, end])
    return { mediaBuyId: buy.mediaBuyId, first: buy.packages[0].packageId, packageId: buy.packages[1].packageId }
  }

  it('takes a package running from the first to the last instant of the window', async () => {
    const { mediaBuyId, packageId } = await summit()
    const after = await accepted(CAMPAIGN, { mediaBuyId, packages: [{ packageId, startTime: start, endTime: end }] })
    expect(after.status).toBe('ACTIVE')
  })

  const outside: [string, string, string][] = [
    ['startTime', 'a second before the window', '2026-11-14T23:59:59Z'],
    ['startTime', 'a second after the window', '2026-12-15T00:00:01Z'],
    ['endTime', 'a second after the window', '2026-12-15T00:00:01Z'],
    ['endTime', 'a second before the window', '2026-11-14T23:59:59Z'],
  ]
  it.each(outside)('refuses %s %s, on that field', async (key, _when, value) => {
    const { mediaBuyId, first, packageId } = await summit()
    await refused(
      CAMPAIGN,
      {
        mediaBuyId,
        packages: [
          { packageId: first, pacing: 'asap' },
          { packageId, [key]: value },
        ],
      },
      { code: 'VALIDATION_ERROR', message: message(key), field: `mediaBuys.0.packages.1.${key}` },
    )
  })
})

describe('creative_ids: creatives of this campaign, in a format the products take', () => {
  const CAMPAIGN = campaignIdOf(5) // Harbor Streaming sells video; the campaign also holds native creatives

  async function harbor() {
    const buy = buyBy(await t.campaign(CAMPAIGN), 'Harbor Streaming')
    const res = await t.call<{ manifests: { creative_id: string; format_kind: string }[] }>(
      'GET',
      `/campaigns/${CAMPAIGN}/creatives`,
    )
    const accepted = [...new Set(buy.products.flatMap((p) => (p.formatOptions ?? []).map((f) => f.format_kind)))]
    expect(accepted.length).toBeGreaterThan(1)
    const own = res.data.manifests.find((m) => accepted.includes(m.format_kind))!.creative_id
    const native = res.data.manifests.find((m) => m.format_kind === 'native_in_feed')!.creative_id
    return { buy, accepted, own, native }
  }

  it('refuses a creative not linked to the campaign, at its index', async () => {
    const { buy, own } = await harbor()
    await refused(
      CAMPAIGN,
      { mediaBuyId: buy.mediaBuyId, creative_ids: [own, 'cr_elsewhere'] },
      {
        code: 'VALIDATION_ERROR',
        message: 'Creative cr_elsewhere is not linked to this campaign',
        field: 'mediaBuys.0.creative_ids.1',
      },
    )
  })

  it('refuses a creative in a format the products do not take, listing the formats they do', async () => {
    const { buy, accepted: formats, own, native } = await harbor()
    await refused(
      CAMPAIGN,
      { mediaBuyId: buy.mediaBuyId, creative_ids: [own, native] },
      {
        code: 'VALIDATION_ERROR',
        message: `Creative ${native} is native_in_feed, a format this buy's products do not accept (${formats.join(', ')})`,
        field: 'mediaBuys.0.creative_ids.1',
      },
    )
  })
})

describe("start_time and end_time: the end is after the buy's start", () => {
  it('refuses an end before the start the buy already has', async () => {
    const c = await t.campaign(campaignIdOf(11))
    const buy = buyBy(c, 'Northwind Exchange')
    expect(buy.status).toBe('PAUSED')
    const moved = await accepted(c.campaignId, { mediaBuyId: buy.mediaBuyId, start_time: '2026-12-01T00:00:00Z' })
    expect(moved.startTime).toBe('2026-12-01T00:00:00Z')
    await refused(
      c.campaignId,
      { mediaBuyId: buy.mediaBuyId, end_time: '2026-11-28T00:00:00Z' },
      {
        code: 'VALIDATION_ERROR',
        message: 'The end must be after the start (2026-12-01).',
        field: 'mediaBuys.0.end_time',
      },
    )
  })
})
