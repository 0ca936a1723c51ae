// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../db/open.ts'
import { openDatabase } from '../db/open.ts'
import { createClock, HOUR, type Clock } from '../clock.ts'
import { createIds } from '../ids.ts'
import { agentById, AGENTS } from '../agents/catalog.ts'
import { SimulatedAgent } from '../agents/simulated-agent.ts'
import type { AdcpResponse } from '../agents/adcp.ts'

// The sellers' own rules, called in process: what they refuse, what their characters decide about valid input, and
// how their creative library reviews what it is sent.

const NOW = new Date('2026-11-25T12:00:00.000Z')
let db: Db
let clock: Clock
const seller = (id: string) =>
  new SimulatedAgent(agentById(id), db, clock, createIds(), () => ({ cpm: 10, ctr: 0.002, video: false }))

beforeEach(() => {
  db = openDatabase(':memory:', true)
  clock = createClock(db)
  clock.set(NOW)
})
afterEach(() => db.close())

/** A minimal valid create_media_buy: no account, total_budget, push_notification_config or pacing, all optional. */
function buy(productId: string, overrides: Record<string, unknown> = {}, pkg: Record<string, unknown> = {}) {
  return {
    buyer_ref: `buy-${productId}`,
    brand: { domain: 'acme.example' },
    start_time: '2026-11-26T00:00:00Z',
    end_time: '2026-12-26T00:00:00Z',
    packages: [
      {
        buyer_ref: 'pkg-a',
        product_id: productId,
        budget: 8_000,
        pricing_option_id: `po_${productId.slice(5)}_cpm`,
        ...pkg,
      },
    ],
    ...overrides,
  }
}

const codes = (r: AdcpResponse) => (r.errors ?? []).map((e) => `${e.code}@${e.field ?? ''}`)

describe('create_media_buy validation', () => {
  it('every seller takes a valid buy that leaves out the optional fields', () => {
    for (const a of AGENTS) {
      const product = {
        sa_northwind: 'prod_nw_ros',
        sa_meridian: 'prod_mp_finance',
        sa_harbor: 'prod_hb_ctv_ent',
        sa_summit: 'prod_sm_podcast',
        sa_cobalt: 'prod_cb_feed',
        sa_pinnacle: 'prod_pn_offsite',
      }[a.id]!
      const r = seller(a.id).handle('create_media_buy', buy(product))
      if (a.character === 'failer')
        expect(r.errors?.[0]).toMatchObject({ code: 'SERVICE_UNAVAILABLE', recovery: 'transient' })
      else
        expect(r).toMatchObject({
          status: a.character === 'quick' ? 'completed' : 'submitted',
          media_buy_id: expect.any(String),
        })
    }
  })

  it('refuses what the seller does not sell, at a price it does not offer, with correctable errors naming the field', () => {
    const nw = seller('sa_northwind')
    expect(codes(nw.handle('create_media_buy', buy('prod_mp_preroll')))).toEqual([
      'PRODUCT_NOT_FOUND@packages[0].product_id',
    ])
    expect(codes(nw.handle('create_media_buy', buy('prod_nw_ros', {}, { pricing_option_id: 'po_cheap' })))).toEqual([
      'PRICING_OPTION_NOT_FOUND@packages[0].pricing_option_id',
    ])
    const bad = nw.handle('create_media_buy', buy('prod_nw_ros', {}, { budget: -500 }))
    expect(bad).toMatchObject({
      status: 'failed',
      buyer_ref: 'buy-prod_nw_ros',
      errors: [{ code: 'INVALID_BUDGET', field: 'packages[0].budget', recovery: 'correctable' }],
    })
  })

  it('holds budgets to the product minimum and the currencies it settles in', () => {
    expect(
      codes(seller('sa_meridian').handle('create_media_buy', buy('prod_mp_finance', {}, { budget: 600 }))),
    ).toEqual(['BUDGET_BELOW_MINIMUM@packages[0].budget'])
    const yen = seller('sa_pinnacle').handle(
      'create_media_buy',
      buy('prod_pn_offsite', { total_budget: { amount: 8_000, currency: 'JPY' } }),
    )
    expect(codes(yen)).toEqual(['UNSUPPORTED_CURRENCY@total_budget.currency'])
  })

  it('refuses flights that end before they start or start in the past, and pacing it does not run', () => {
    const nw = seller('sa_northwind')
    expect(codes(nw.handle('create_media_buy', buy('prod_nw_ros', { end_time: '2026-11-20T00:00:00Z' })))).toEqual([
      'INVALID_FLIGHT_DATES@end_time',
    ])
    expect(codes(nw.handle('create_media_buy', buy('prod_nw_ros', { start_time: '2026-11-24T00:00:00Z' })))).toEqual([
      'START_TIME_IN_PAST@start_time',
    ])
    expect(nw.handle('create_media_buy', buy('prod_nw_ros', { start_time: 'asap' })).status).toBe('completed')
    const pacing = nw.handle('create_media_buy', buy('prod_nw_ros', {}, { pacing: 'INVALID_PACING_VALUE' }))
    expect(pacing.errors?.[0]).toMatchObject({
      code: 'INVALID_REQUEST',
      field: 'packages[0].pacing',
      recovery: 'correctable',
    })
  })

  it('answers a request that is not AdCP-shaped with errors, not a crash', () => {
    const nw = seller('sa_northwind')
    expect(codes(nw.handle('create_media_buy', { buyer_ref: 'x' }))).toEqual(
      expect.arrayContaining(['INVALID_REQUEST@end_time', 'INVALID_REQUEST@brand']),
    )
    expect(nw.handle('create_media_buy', 'nonsense').errors?.[0].code).toBe('INVALID_REQUEST')
    expect(nw.handle('build_creative', {}).errors?.[0]).toMatchObject({
      code: 'UNSUPPORTED_TOOL',
      recovery: 'terminal',
    })
  })
})

describe('characters decide about valid input', () => {
  it('the rejecting seller books a valid 3,000 order, then declines it in review', () => {
    const summit = seller('sa_summit')
    const r = summit.handle('create_media_buy', buy('prod_sm_podcast', {}, { budget: 3_000 }))
    expect(r.status).toBe('submitted')
    clock.set(new Date(NOW.getTime() + 7 * HOUR))
    summit.step(NOW, clock.now())
    const state = summit.handle('get_media_buys', { media_buy_ids: [r.media_buy_id] })
    expect(state.media_buys?.[0]).toMatchObject({ status: 'rejected', ext: { seller_status: 'rejected' } })
  })

  it('a seller pushes nothing for a buyer that gave no push_notification_config', () => {
    const nw = seller('sa_northwind')
    nw.handle('create_media_buy', buy('prod_nw_ros', { start_time: 'asap' }))
    clock.set(new Date(NOW.getTime() + 3 * HOUR))
    expect(nw.step(NOW, clock.now())).toEqual([])
    const withPush = buy('prod_nw_native', {
      start_time: 'asap',
      push_notification_config: { url: '/hook', token: 't', authentication: { schemes: ['Bearer'], credentials: 't' } },
    })
    nw.handle('create_media_buy', withPush)
    clock.set(new Date(NOW.getTime() + 6 * HOUR))
    expect(nw.step(new Date(NOW.getTime() + 3 * HOUR), clock.now()).length).toBeGreaterThan(0)
  })
})

describe('update_media_buy validation', () => {
  it('finds packages by the seller package_id or the buyer_ref, and refuses unknown ones and budgets below minimum', () => {
    const nw = seller('sa_northwind')
    const id = nw.handle('create_media_buy', buy('prod_nw_ros')).media_buy_id
    expect(
      nw.handle('update_media_buy', { media_buy_id: id, packages: [{ package_id: 'pkg-0', budget: 9_000 }] }).status,
    ).toBe('submitted')
    expect(
      codes(nw.handle('update_media_buy', { media_buy_id: id, packages: [{ package_id: 'pkg-7', budget: 9_000 }] })),
    ).toEqual(['PACKAGE_NOT_FOUND@packages[0].package_id'])
    expect(
      codes(nw.handle('update_media_buy', { media_buy_id: id, packages: [{ buyer_ref: 'pkg-a', budget: 100 }] })),
    ).toEqual(['BUDGET_BELOW_MINIMUM@packages[0].budget'])
    expect(nw.handle('update_media_buy', { media_buy_id: 'nw_nope', paused: true }).errors?.[0].code).toBe(
      'MEDIA_BUY_NOT_FOUND',
    )
  })
})

describe('the creative library', () => {
  const image = (id: string, width: number, height: number, format = 'display_300x250') => ({
    creative_id: id,
    name: `Creative ${id}`,
    format_id: { agent_url: 'https://creative.adcontextprotocol.org', id: format },
    assets: { primary: { url: `https://cdn.example/${id}.png`, width, height } },
  })

  it('holds what is synced, approves what fits its format and rejects the rest with a reason', () => {
    const nw = seller('sa_northwind')
    const synced = nw.handle('sync_creatives', { creatives: [image('c1', 300, 250), image('c2', 728, 90)] })
    expect(synced.creatives).toEqual([
      expect.objectContaining({ creative_id: 'c1', action: 'created', status: 'approved' }),
      expect.objectContaining({
        creative_id: 'c2',
        action: 'created',
        status: 'rejected',
        rejection_reason: expect.stringMatching(/728x90.*needs 300x250/),
      }),
    ])
    expect(
      (nw.handle('sync_creatives', { creatives: [image('c1', 300, 250)] }).creatives as { action: string }[])[0].action,
    ).toBe('unchanged')
    const list = nw.handle('list_creatives', {})
    expect(list).toMatchObject({ query_summary: { total_matching: 2, returned: 2 }, pagination: { has_more: false } })
    expect((list.creatives as { status: string }[]).map((c) => c.status)).toEqual(['approved', 'rejected'])
    expect(seller('sa_meridian').handle('list_creatives', {}).creatives).toEqual([])
  })

  it('refuses formats it does not carry and weights outside 0-100', () => {
    const nw = seller('sa_northwind')
    expect(codes(nw.handle('sync_creatives', { creatives: [image('v1', 1920, 1080, 'video_vast_30s')] }))).toEqual([
      'FORMAT_NOT_SUPPORTED@creatives[0].format_id',
    ])
    expect(codes(nw.handle('sync_creatives', { creatives: [{ ...image('w1', 300, 250), weight: 150 }] }))).toEqual([
      'INVALID_REQUEST@creatives[0].weight',
    ])
  })

  it('files inline creatives of a new buy in the library and books them on the package', () => {
    const nw = seller('sa_northwind')
    const r = nw.handle(
      'create_media_buy',
      buy('prod_nw_ros', { start_time: 'asap' }, { creatives: [image('in1', 300, 250)] }),
    )
    expect(r.status).toBe('completed')
    expect(nw.creatives.verdicts(['in1']).get('in1')).toEqual({ status: 'approved' })
  })
})
