import type { Db } from '../db/open.ts'
import { DAY } from '../clock.ts'
import { AGENTS, PRODUCTS, insertCatalog } from '../agents/catalog.ts'
import { createPrng } from '../prng.ts'
import { DEMO_ADVERTISERS } from './advertisers.ts'

export interface BulkOptions {
  campaigns: number
  buysPerCampaign: number
  packagesPerBuy: number
  /** One extra campaign of this shape (e.g. 50 buys × 40 packages) for the detail-page benchmark. */
  large?: { buys: number; packages: number }
  now?: Date
}

const BUY_STATUSES = [
  'ACTIVE',
  'ACTIVE',
  'ACTIVE',
  'ACTIVE',
  'PENDING_APPROVAL',
  'PAUSED',
  'COMPLETED',
  'INPUT_REQUIRED',
  'DRAFT',
  'REJECTED',
  'FAILED',
  'CANCELED',
]
const CAMPAIGN_STATUSES = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'PAUSED', 'DRAFT', 'COMPLETED']

export const LARGE_CAMPAIGN_ID = 'cmp_900000000'

/**
 * A large account for benchmarks, written straight into the tables: one transaction, prepared statements, no
 * simulation (the buys have no seller-side orders, so ticking does not move them).
 */
export function seedBulk(db: Db, options: BulkOptions): { campaigns: number; mediaBuys: number; packages: number } {
  const now = options.now ?? new Date()
  const iso = now.toISOString()
  const prng = createPrng(7)
  const insertAdvertiser = db.prepare(
    `INSERT INTO advertisers (id, name, status, sandbox, primary_currency, brand, credit_limit, credit_used, created_at, updated_at)
     VALUES (?, ?, 'ACTIVE', 1, ?, ?, NULL, 0, ?, ?)`,
  )
  const insertCampaign = db.prepare(
    `INSERT INTO campaigns (id, seq, advertiser_id, name, status, mode, management, revision, brief, flight_start, flight_end, budget_total,
       currency, optimization_apply_mode, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'discovery', 'managed', 1, NULL, ?, ?, ?, ?, 'MANUAL', ?, ?)`,
  )
  const insertBuy = db.prepare(
    `INSERT INTO media_buys (id, campaign_id, sales_agent_id, name, status, revision, position, forwarded_at, adcp_media_buy_id, adcp_status,
       pending_change_json, pending_change_status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertBuyProduct = db.prepare(
    `INSERT INTO media_buy_products (media_buy_id, product_id, budget, pacing, bid_price, pricing_option_id, position) VALUES (?, ?, ?, 'even', NULL, ?, ?)`,
  )
  const insertPackage = db.prepare(
    `INSERT INTO packages (id, media_buy_id, campaign_id, product_id, status, budget, pacing, position, period_index, period_label, impressions, spend, clicks)
     VALUES (?, ?, ?, ?, ?, ?, 'even', ?, ?, ?, ?, ?, ?)`,
  )
  let buys = 0
  let packages = 0
  const start = new Date(now.getTime() - 20 * DAY).toISOString().replace('.000Z', 'Z')
  const end = new Date(now.getTime() + 40 * DAY).toISOString().replace('.000Z', 'Z')

  const writeCampaign = (id: string, seq: number, status: string, buyCount: number, packagesPerBuy: number) => {
    const advertiser = DEMO_ADVERTISERS[seq % (DEMO_ADVERTISERS.length - 1)]
    const perPackage = 250 + prng.int(0, 40) * 25
    insertCampaign.run(
      id,
      seq,
      advertiser.id,
      `Benchmark campaign ${seq}`,
      status,
      start,
      end,
      perPackage * buyCount * packagesPerBuy * 1.1,
      advertiser.currency,
      iso,
      iso,
    )
    for (let b = 0; b < buyCount; b++) {
      const agent = AGENTS[b % AGENTS.length]
      const products = PRODUCTS.filter((p) => p.agentId === agent.id)
      const buyStatus = status === 'DRAFT' ? 'DRAFT' : BUY_STATUSES[(seq + b) % BUY_STATUSES.length]
      const buyId = `mb_b${seq.toString(36)}x${b}`
      const pending = buyStatus === 'ACTIVE' && (seq + b) % 50 === 0
      const submitted = buyStatus !== 'DRAFT'
      insertBuy.run(
        buyId,
        id,
        agent.id,
        `${agent.name} · campaign ${seq}`,
        buyStatus,
        b + 1,
        submitted ? iso : null,
        submitted ? `${agent.id.slice(3)}_b${seq}_${b}` : null,
        submitted ? 'active' : null,
        pending
          ? JSON.stringify({
              status: 'PENDING_APPROVAL',
              pendingAt: 'salesagent',
              since: iso,
              differences: {
                budget: { live: perPackage * packagesPerBuy, proposed: perPackage * packagesPerBuy * 1.2 },
              },
              apply: {},
            })
          : null,
        pending ? 'PENDING_APPROVAL' : null,
        iso,
        iso,
      )
      buys++
      products.forEach((p, i) =>
        insertBuyProduct.run(
          buyId,
          p.id,
          (perPackage * packagesPerBuy) / products.length,
          `po_${p.id.slice(5)}_cpm`,
          i + 1,
        ),
      )
      if (!submitted) continue
      for (let k = 0; k < packagesPerBuy; k++) {
        const product = products[k % products.length]
        const periods = Math.ceil(packagesPerBuy / products.length)
        const period = Math.floor(k / products.length) + 1
        const impressions = buyStatus === 'ACTIVE' || buyStatus === 'COMPLETED' ? prng.int(1_000, 90_000) : 0
        insertPackage.run(
          `pkg_b${seq.toString(36)}x${b}_${k + 1}`,
          buyId,
          id,
          product.id,
          buyStatus === 'PAUSED' ? 'paused' : 'active',
          perPackage,
          k + 1,
          periods > 1 ? period : null,
          periods > 1 ? `Period ${period}` : null,
          impressions,
          Math.round(impressions * product.cpm) / 1000,
          Math.floor(impressions * product.ctr),
        )
        packages++
      }
    }
  }

  db.transaction(() => {
    insertCatalog(db)
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('now', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(iso)
    for (const a of DEMO_ADVERTISERS) insertAdvertiser.run(a.id, a.name, a.currency, a.brand, iso, iso)
    for (let i = 1; i <= options.campaigns; i++)
      writeCampaign(
        `cmp_${String(100_000_000 + i)}`,
        i,
        CAMPAIGN_STATUSES[i % CAMPAIGN_STATUSES.length],
        options.buysPerCampaign,
        options.packagesPerBuy,
      )
    if (options.large)
      writeCampaign(LARGE_CAMPAIGN_ID, options.campaigns + 1, 'ACTIVE', options.large.buys, options.large.packages)
  })()
  return { campaigns: options.campaigns + (options.large ? 1 : 0), mediaBuys: buys, packages }
}
