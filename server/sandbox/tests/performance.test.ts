// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openDatabase } from '../db/open.ts'
import { LARGE_CAMPAIGN_ID, seedBulk } from '../seed/bulk.ts'
import { createSandbox, type Sandbox } from '../index.ts'
import { campaignResponseSchema } from '../../../src/api/schemas/campaign.ts'

let dir: string
let sb: Sandbox
let dbFile: string
const auth = { headers: { authorization: 'Bearer scope3_bench' } }

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-bulk-'))
  dbFile = join(dir, 'bulk.sqlite')
  const db = openDatabase(dbFile, true)
  const counts = seedBulk(db, {
    campaigns: 2000,
    buysPerCampaign: 5,
    packagesPerBuy: 8,
    large: { buys: 50, packages: 40 },
    now: new Date('2026-11-25T12:00:00Z'),
  })
  db.close()
  expect(counts).toMatchObject({ campaigns: 2001 })
  sb = createSandbox({ dbFile, clock: 'manual' })
})

afterAll(() => {
  sb.close()
  rmSync(dir, { recursive: true, force: true })
})

async function get(path: string): Promise<{ status: number; data: unknown }> {
  const res = await sb.api.request(path, auth)
  return { status: res.status, data: ((await res.json()) as { data: unknown }).data }
}

// Response times are measured by `npm run bench` (scripts/bench), where the machine's load is on record; here the
// large account is checked for what it answers and for the query plans that keep it fast.
describe('a 2,000-campaign account', () => {
  it('answers GET /campaigns/{id} for a 50-buy × 40-package campaign in full', async () => {
    const first = await get(`/campaigns/${LARGE_CAMPAIGN_ID}`)
    expect(first.status).toBe(200)
    const parsed = campaignResponseSchema.parse(first.data)
    expect(parsed.campaign.mediaBuys).toHaveLength(50)
    expect(parsed.campaign.mediaBuys?.reduce((n, b) => n + (b.packages?.length ?? 0), 0)).toBeGreaterThanOrEqual(1_500)
  })

  it('answers list pages and mediaBuyStatus filters', async () => {
    for (const query of [
      '',
      '?mediaBuyStatus=INPUT_REQUIRED',
      '?status=ALL&mediaBuyStatus=PENDING_APPROVAL&mediaBuyStatus=FAILED',
      '?status=ALL&take=250&skip=1750',
    ]) {
      const { status, data } = await get(`/campaigns${query}`)
      expect(status).toBe(200)
      expect((data as { campaigns: unknown[] }).campaigns.length).toBeGreaterThan(0)
    }
  })

  it('plans the mediaBuyStatus filter on indexes', () => {
    const db = new Database(dbFile, { readonly: true })
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT c.* FROM campaigns c WHERE c.status IN ('ACTIVE','DRAFT','PAUSED') AND c.id IN
       (SELECT campaign_id FROM media_buys WHERE status IN ('FAILED') UNION SELECT campaign_id FROM media_buys WHERE pending_change_status IN ('FAILED'))
       ORDER BY c.seq DESC LIMIT 50`,
        )
        .all() as { detail: string }[]
    ).map((r) => r.detail)
    db.close()
    expect(plan.join('\n')).not.toMatch(/SCAN media_buys/)
  })
})
