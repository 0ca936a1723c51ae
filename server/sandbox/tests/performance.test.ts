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
  const started = performance.now()
  const counts = seedBulk(db, { campaigns: 2000, buysPerCampaign: 5, packagesPerBuy: 8, large: { buys: 50, packages: 40 }, now: new Date('2026-11-25T12:00:00Z') })
  const seedMs = performance.now() - started
  db.close()
  expect(counts).toMatchObject({ campaigns: 2001 })
  // One transaction and prepared statements: tens of thousands of rows in well under the test timeout.
  expect(seedMs).toBeLessThan(5_000)
  sb = createSandbox({ dbFile, clock: 'manual' })
})

afterAll(() => {
  sb.close()
  rmSync(dir, { recursive: true, force: true })
})

async function timed(path: string): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now()
  const res = await sb.api.request(path, auth)
  const body = await res.text()
  return { ms: performance.now() - started, status: res.status, body }
}

describe('a 2,000-campaign account', () => {
  it('answers GET /campaigns/{id} for a 50-buy × 40-package campaign well under 20 ms', async () => {
    const first = await timed(`/campaigns/${LARGE_CAMPAIGN_ID}`)
    expect(first.status).toBe(200)
    const parsed = campaignResponseSchema.parse((JSON.parse(first.body) as { data: unknown }).data)
    expect(parsed.campaign.mediaBuys).toHaveLength(50)
    expect(parsed.campaign.mediaBuys?.reduce((n, b) => n + (b.packages?.length ?? 0), 0)).toBeGreaterThanOrEqual(1_500)
    const runs: number[] = []
    for (let i = 0; i < 9; i++) runs.push((await timed(`/campaigns/${LARGE_CAMPAIGN_ID}`)).ms)
    runs.sort((a, b) => a - b)
    expect(runs[4]).toBeLessThan(20)
  })

  it('answers list pages and mediaBuyStatus filters quickly', async () => {
    for (const query of ['', '?mediaBuyStatus=INPUT_REQUIRED', '?status=ALL&mediaBuyStatus=PENDING_APPROVAL&mediaBuyStatus=FAILED', '?status=ALL&take=250&skip=1750']) {
      await timed(`/campaigns${query}`)
      const { ms, status } = await timed(`/campaigns${query}`)
      expect(status).toBe(200)
      expect(ms).toBeLessThan(50)
    }
  })

  it('plans the mediaBuyStatus filter on indexes', () => {
    const db = new Database(dbFile, { readonly: true })
    const plan = (db.prepare(
      `EXPLAIN QUERY PLAN SELECT c.* FROM campaigns c WHERE c.status IN ('ACTIVE','DRAFT','PAUSED') AND c.id IN
       (SELECT campaign_id FROM media_buys WHERE status IN ('FAILED') UNION SELECT campaign_id FROM media_buys WHERE pending_change_status IN ('FAILED'))
       ORDER BY c.seq DESC LIMIT 50`,
    ).all() as { detail: string }[]).map((r) => r.detail)
    db.close()
    expect(plan.join('\n')).not.toMatch(/SCAN media_buys/)
  })
})
