// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { chooseAsk, type OrderFacts } from '../agents/input-asks.ts'
import { campaignIdOf } from '../seed/scenarios.ts'
import { buyBy, HOUR, NOW, openSandbox, type Campaign, type TestSandbox } from './helpers.ts'

// CONTRACT D5 with the input-asking seller (Harbor Streaming): it asks for one concrete thing per buy, checks the
// reply against that ask, and the buyer's answer puts the buy with the seller at once.

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
})
afterEach(() => t.done())

const facts = (over: Partial<OrderFacts>): OrderFacts => ({
  total: 30_000,
  minimum: 20_000,
  currency: 'USD',
  startTime: '2026-12-20T00:00:00.000Z',
  productIds: ['prod_hb_ctv_ent'],
  creativeFormats: ['video_vast'],
  at: NOW.toISOString(),
  ...over,
})

describe('what the input-asking seller asks for', () => {
  it('picks one concrete ask from the order, budget first', () => {
    expect(chooseAsk(facts({ total: 12_000 }))).toEqual({ kind: 'budget', minimum: 20_000 })
    expect(chooseAsk(facts({ total: 60_000 }))).toEqual({ kind: 'signatory' })
    expect(chooseAsk(facts({ creativeFormats: ['video_hosted'] }))).toEqual({ kind: 'creative', format: 'video_vast' })
    expect(chooseAsk(facts({ productIds: ['prod_hb_ctv_sports'], startTime: NOW.toISOString() }))).toEqual({
      kind: 'start',
      notBefore: '2026-12-03T00:00:00.000Z',
    })
    expect(chooseAsk(facts({}))).toBeNull()
  })
})

async function harborCampaign(opts: { total: number; product: string; formats: string[] }): Promise<string> {
  const res = await t.call<{ campaign: Campaign }>('POST', '/campaigns', {
    advertiserId: 10421,
    name: 'Needs you test',
    mode: 'discovery',
    budget: { total: opts.total },
    flightDates: { startDate: '2026-11-26T00:00:00Z', endDate: '2026-12-31T00:00:00Z' },
    productIds: [opts.product],
  })
  const id = res.data.campaign.campaignId
  opts.formats.forEach((format, i) => linkCreative(id, `cr_test_${format}_${i}`, format))
  expect((await t.call('POST', `/campaigns/${id}/execute`, {})).status).toBe(200)
  t.sb.tick(2 * HOUR) // the first review
  return id
}

function linkCreative(campaignId: string, id: string, format: string) {
  const db = new Database(t.dbFile)
  const at = NOW.toISOString()
  db.prepare(
    `INSERT INTO creatives (id, campaign_id, name, format_kind, format_id, width, height, duration_ms, preview_url, asset_count, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, 1, ?, ?)`,
  ).run(id, campaignId, `Test ${format}`, format, `${format}_test`, at, at)
  db.close()
}

const harbor = async (id: string) => buyBy(await t.campaign(id), 'Harbor Streaming')
const reply = (id: string, entry: Record<string, unknown>) =>
  t.call<{ campaign: Campaign }>('PUT', `/campaigns/${id}`, { mediaBuys: [entry] })

describe('answering the seller', () => {
  it('a reply puts the buy with the seller at once (PENDING_APPROVAL in the PUT answer); an answering budget then goes ACTIVE', async () => {
    const id = campaignIdOf(5)
    const buy = await harbor(id)
    const res = await t.call<{ campaign: Campaign }>('PUT', `/campaigns/${id}`, {
      budget: { total: 30_000 },
      mediaBuys: [
        {
          mediaBuyId: buy.mediaBuyId,
          packages: [{ packageId: buy.packages[0].packageId, budget: 20_000 }],
          updated_reason: 'Raised to 20,000',
        },
      ],
    })
    expect(buyBy(res.data.campaign, 'Harbor Streaming')).toMatchObject({ status: 'PENDING_APPROVAL' })
    t.sb.tick(6 * HOUR)
    expect((await harbor(id)).status).toBe('ACTIVE')
  })

  it('signatory: a reply without a name keeps it in INPUT_REQUIRED with a new message; "Signatory: First Last" answers it', async () => {
    const id = await harborCampaign({ total: 60_000, product: 'prod_hb_ctv_ent', formats: ['video_vast'] })
    const asked = await harbor(id)
    expect(asked.status).toBe('INPUT_REQUIRED')
    expect(asked.sourceMessage).toMatch(/Signatory: First Last/)
    expect(
      buyBy(
        (await reply(id, { mediaBuyId: asked.mediaBuyId, updated_reason: 'Our legal team will sign.' })).data.campaign,
        'Harbor Streaming',
      ).status,
    ).toBe('PENDING_APPROVAL')
    t.sb.tick(HOUR)
    const again = await harbor(id)
    expect(again.status).toBe('INPUT_REQUIRED')
    expect(again.sourceMessage).toMatch(/does not name a signatory/)
    await reply(id, { mediaBuyId: asked.mediaBuyId, updated_reason: 'Signatory: Ada Lovelace' })
    t.sb.tick(HOUR)
    expect((await harbor(id)).sourceMessage).toMatch(/Ada Lovelace/)
    t.sb.tick(4 * HOUR)
    expect((await harbor(id)).status).toBe('ACTIVE')
  })

  it('creative: asks for a creative in the CTV format and accepts creative_ids that carry one', async () => {
    const id = await harborCampaign({ total: 30_000, product: 'prod_hb_ctv_ent', formats: ['video_hosted'] })
    const asked = await harbor(id)
    expect(asked.status).toBe('INPUT_REQUIRED')
    expect(asked.sourceMessage).toMatch(/video_vast format/)
    linkCreative(id, 'cr_test_late_vast', 'video_vast')
    const hosted = asked.creatives[0].creativeId
    await reply(id, { mediaBuyId: asked.mediaBuyId, creative_ids: [hosted], updated_reason: 'Here is the spot' })
    t.sb.tick(HOUR)
    expect((await harbor(id)).sourceMessage).toMatch(/still has no creative in video_vast/)
    await reply(id, {
      mediaBuyId: asked.mediaBuyId,
      creative_ids: [hosted, 'cr_test_late_vast'],
      updated_reason: 'Added the VAST version',
    })
    t.sb.tick(5 * HOUR)
    expect((await harbor(id)).status).toBe('ACTIVE')
  })

  it('later start: asks to move the start past the sports lead time and accepts a start_time that does', async () => {
    const id = await harborCampaign({ total: 30_000, product: 'prod_hb_ctv_sports', formats: ['video_vast'] })
    const asked = await harbor(id)
    expect(asked.status).toBe('INPUT_REQUIRED')
    expect(asked.sourceMessage).toMatch(/move the start of this buy to 2026-12-03 or later/)
    await reply(id, {
      mediaBuyId: asked.mediaBuyId,
      start_time: '2026-11-30T00:00:00Z',
      updated_reason: 'Start on the 30th?',
    })
    t.sb.tick(HOUR)
    expect((await harbor(id)).sourceMessage).toMatch(/start is still 2026-11-30/)
    await reply(id, {
      mediaBuyId: asked.mediaBuyId,
      start_time: '2026-12-04T00:00:00Z',
      updated_reason: 'Moved to 4 December',
    })
    t.sb.tick(5 * HOUR)
    expect((await harbor(id)).status).toBe('ACTIVE')
  })

  it('cancel: the buyer may cancel instead of answering', async () => {
    const id = campaignIdOf(26)
    const buy = await harbor(id)
    expect(buy.status).toBe('INPUT_REQUIRED')
    const res = await reply(id, { mediaBuyId: buy.mediaBuyId, action: 'cancel', reason: 'Budget not available' })
    expect(buyBy(res.data.campaign, 'Harbor Streaming').status).toBe('CANCELED')
  })
})
