// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { campaignListResponseSchema, campaignResponseSchema } from '../../../src/api/schemas/campaign.ts'
import { advertiserListResponseSchema } from '../../../src/api/schemas/advertiser.ts'
import { creativeListResponseSchema } from '../../../src/api/schemas/creative.ts'
import { buyerMediaBuyResponseSchema, mediaBuyPackagesResponseSchema } from '../../../src/api/schemas/media-buy.ts'
import { campaignIdOf } from '../seed/scenarios.ts'
import { openSandbox, type TestSandbox } from './helpers.ts'

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
})
afterEach(() => t.done())

describe('transport conventions (CONTRACT §1)', () => {
  it('refuses a request without a bearer token with 401 UNAUTHORIZED in the error envelope', async () => {
    const res = await t.sb.api.request('/campaigns')
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ data: null, error: { code: 'UNAUTHORIZED', message: expect.any(String) } })
    const empty = await t.sb.api.request('/campaigns', { headers: { authorization: 'Bearer ' } })
    expect(empty.status).toBe(401)
  })

  it('wraps success as {data, error: null}', async () => {
    const res = await t.sb.api.request('/advertisers', { headers: { authorization: 'Bearer scope3_x' } })
    const body = (await res.json()) as { data: unknown; error: unknown }
    expect(body.error).toBeNull()
    expect(advertiserListResponseSchema.parse(body.data).items.length).toBeGreaterThanOrEqual(5)
  })

  it('answers unknown routes and unknown ids with a 404 envelope', async () => {
    expect((await t.call('GET', '/nope')).error?.code).toBe('NOT_FOUND')
    const missing = await t.call('GET', '/campaigns/cmp_000')
    expect(missing.status).toBe(404)
    expect(missing.error?.code).toBe('NOT_FOUND')
  })

  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    const res = await t.call('PUT', `/campaigns/${campaignIdOf(1)}`, '{"name": ')
    expect(res.status).toBe(400)
    expect(res.error?.code).toBe('BAD_REQUEST')
  })

  it('reports validation problems with details.issues and the first dotted path in field', async () => {
    const res = await t.call('PUT', `/campaigns/${campaignIdOf(1)}`, {
      mediaBuys: [
        {
          mediaBuyId: 'x',
          packages: [
            { packageId: 'p', budget: 1 },
            { packageId: 'q', budget: -5 },
          ],
        },
      ],
    })
    expect(res.status).toBe(400)
    expect(res.error?.code).toBe('VALIDATION_ERROR')
    expect(res.error?.field).toBe('mediaBuys.0.packages.1.budget')
    expect(res.error?.details).toMatchObject({
      issues: [{ path: 'mediaBuys.0.packages.1.budget', message: expect.any(String) }],
    })
  })
})

describe('GET /campaigns', () => {
  it('defaults to ACTIVE, DRAFT and PAUSED, and status=ALL lists everything', async () => {
    const def = await t.call<{ campaigns: { status: string }[]; total: number }>('GET', '/campaigns?take=250')
    expect(campaignListResponseSchema.parse(def.data).total).toBe(def.data.campaigns.length)
    expect(new Set(def.data.campaigns.map((c) => c.status))).toEqual(new Set(['ACTIVE', 'DRAFT', 'PAUSED']))
    const all = await t.call<{ total: number }>('GET', '/campaigns?status=ALL')
    expect(all.data.total).toBe(30)
  })

  it('filters by mediaBuyStatus (repeatable), counting a pending version as its status', async () => {
    const input = await t.call<{ campaigns: { campaignId: string }[] }>(
      'GET',
      '/campaigns?mediaBuyStatus=INPUT_REQUIRED',
    )
    expect(input.data.campaigns.map((c) => c.campaignId).sort()).toEqual([campaignIdOf(5), campaignIdOf(26)])
    const both = await t.call<{ campaigns: { campaignId: string }[] }>(
      'GET',
      '/campaigns?mediaBuyStatus=INPUT_REQUIRED&mediaBuyStatus=FAILED&status=ALL',
    )
    expect(both.data.campaigns.map((c) => c.campaignId)).toEqual(
      expect.arrayContaining([campaignIdOf(5), campaignIdOf(7), campaignIdOf(19)]),
    )
    const pending = await t.call<{ campaigns: { campaignId: string }[] }>(
      'GET',
      '/campaigns?mediaBuyStatus=PENDING_APPROVAL',
    )
    // Campaign 2's Meridian buy is ACTIVE with a pending change: it matches PENDING_APPROVAL.
    expect(pending.data.campaigns.map((c) => c.campaignId)).toContain(campaignIdOf(2))
  })

  it('filters by advertiser and partial name', async () => {
    const res = await t.call<{ campaigns: { advertiserId: string; name: string }[] }>(
      'GET',
      '/campaigns?advertiserId=10423&name=podcast&status=ALL',
    )
    expect(res.data.campaigns).toHaveLength(1)
    expect(res.data.campaigns[0]).toMatchObject({ advertiserId: '10423', name: 'Atelier Maison Podcast' })
  })

  it('pages with an opaque cursor, and with take/skip', async () => {
    const first = await t.call<{
      campaigns: { campaignId: string }[]
      hasMore: boolean
      nextCursor: string
      total: number
    }>('GET', '/campaigns?status=ALL&take=12')
    expect(first.data.hasMore).toBe(true)
    const second = await t.call<{ campaigns: { campaignId: string }[] }>(
      'GET',
      `/campaigns?status=ALL&take=12&cursor=${first.data.nextCursor}`,
    )
    const skipped = await t.call<{ campaigns: { campaignId: string }[] }>(
      'GET',
      '/campaigns?status=ALL&take=12&skip=12',
    )
    expect(second.data.campaigns).toEqual(skipped.data.campaigns)
    expect(second.data.campaigns.some((c) => first.data.campaigns.some((f) => f.campaignId === c.campaignId))).toBe(
      false,
    )
    expect((await t.call('GET', '/campaigns?take=251')).error?.field).toBe('take')
    expect((await t.call('GET', '/campaigns?cursor=%%%')).error?.code).toBe('VALIDATION_ERROR')
  })

  it('answers the mediaBuyStatus filter from the media_buys indexes, not a scan', () => {
    const db = new Database(t.dbFile, { readonly: true })
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT c.* FROM campaigns c WHERE c.id IN (SELECT campaign_id FROM media_buys WHERE status IN (?) UNION SELECT campaign_id FROM media_buys WHERE pending_change_status IN (?))`,
      )
      .all('FAILED', 'FAILED') as { detail: string }[]
    db.close()
    const details = plan.map((p) => p.detail).join('\n')
    expect(details).toContain('USING COVERING INDEX media_buys_status')
    expect(details).toContain('USING COVERING INDEX media_buys_pending_status')
    expect(details).not.toMatch(/SCAN media_buys/)
  })
})

describe('read endpoints match the shared schemas', () => {
  it('every demo campaign parses with campaignResponseSchema and covers every buy in mediaBuyRefs', async () => {
    for (let n = 1; n <= 30; n++) {
      const res = await t.call<{
        campaign: { mediaBuys: { mediaBuyId: string }[]; mediaBuyRefs: { mediaBuyId: string }[] }
      }>('GET', `/campaigns/${campaignIdOf(n)}`)
      expect(res.status).toBe(200)
      campaignResponseSchema.parse(res.data)
      expect(res.data.campaign.mediaBuyRefs.map((r) => r.mediaBuyId)).toEqual(
        res.data.campaign.mediaBuys.map((b) => b.mediaBuyId),
      )
    }
  })

  it('narrows mediaBuys with ?mediaBuyId= while mediaBuyRefs still lists all', async () => {
    const full = await t.campaign(campaignIdOf(1))
    const one = full.mediaBuys[0].mediaBuyId
    const res = await t.call<{ campaign: { mediaBuys: unknown[]; mediaBuyRefs: unknown[] } }>(
      'GET',
      `/campaigns/${campaignIdOf(1)}?mediaBuyId=${one}`,
    )
    expect(res.data.campaign.mediaBuys).toHaveLength(1)
    expect(res.data.campaign.mediaBuyRefs).toHaveLength(full.mediaBuys.length)
  })

  it('serves media buys, their packages and the campaign creatives', async () => {
    const campaign = await t.campaign(campaignIdOf(1))
    const buy = campaign.mediaBuys[0]
    buyerMediaBuyResponseSchema.parse((await t.call('GET', `/media-buys/${buy.mediaBuyId}`)).data)
    const pkgs = mediaBuyPackagesResponseSchema.parse(
      (await t.call('GET', `/media-buys/${buy.mediaBuyId}/packages`)).data,
    )
    expect(pkgs.isPaced).toBe(true)
    expect(pkgs.packageCount).toBe(buy.packages.length)
    const creatives = creativeListResponseSchema.parse(
      (await t.call('GET', `/campaigns/${campaignIdOf(1)}/creatives`)).data,
    )
    expect(new Set(creatives.manifests.map((m) => m.format_kind)).size).toBeGreaterThanOrEqual(3)
  })
})

describe('POST /campaigns', () => {
  it('creates a DRAFT in the advertiser currency and bumps nothing else', async () => {
    const res = await t.call<{
      campaign: { status: string; budget: { currency: string }; revision: number; products: unknown[] }
    }>('POST', '/campaigns', {
      advertiserId: 10423,
      name: 'Atelier Test',
      mode: 'discovery',
      budget: { total: 5000 },
      flightDates: { startDate: '2026-12-01T00:00:00Z', endDate: '2026-12-31T00:00:00Z' },
      productIds: ['prod_nw_native'],
    })
    expect(res.status).toBe(201)
    expect(res.data.campaign).toMatchObject({
      status: 'DRAFT',
      budget: { currency: 'EUR' },
      revision: 1,
      products: [{ productId: 'prod_nw_native' }],
    })
    const mismatch = await t.call('POST', '/campaigns', {
      advertiserId: '10423',
      name: 'X',
      mode: 'discovery',
      budget: { total: 5000, currency: 'USD' },
      flightDates: { startDate: '2026-12-01T00:00:00Z', endDate: '2026-12-31T00:00:00Z' },
    })
    expect(mismatch.error).toMatchObject({ code: 'CURRENCY_MISMATCH', field: 'budget.currency' })
  })
})
