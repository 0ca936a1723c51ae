import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/open.ts'
import type {
  AdvertiserRow,
  CampaignProductRow,
  CampaignRow,
  CreativeRow,
  MediaBuyProductRow,
  MediaBuyRow,
  PackageRow,
  PackageSlim,
  ProductRow,
} from './rows.ts'

type Value = string | number | null

// Prepared statements are compiled once per connection; the dynamic UPDATEs are cached by their column list, so a hot
// path such as a tick never re-parses SQL.
export interface Store {
  db: Db
  advertiser(id: string): AdvertiserRow | undefined
  campaign(id: string): CampaignRow | undefined
  buy(id: string): MediaBuyRow | undefined
  buyByAdcpId(adcpId: string): MediaBuyRow | undefined
  buysOf(campaignId: string): MediaBuyRow[]
  buyProductsOfCampaign(campaignId: string): MediaBuyProductRow[]
  buyProducts(buyId: string): MediaBuyProductRow[]
  packagesOfCampaign(campaignId: string): PackageSlim[]
  packagesOf(buyId: string): PackageRow[]
  creativesOf(campaignId: string): CreativeRow[]
  campaignProducts(campaignId: string): CampaignProductRow[]
  product(id: string): ProductRow | undefined
  products(): ProductRow[]
  update(table: 'campaigns' | 'media_buys' | 'packages' | 'advertisers', id: string, patch: Record<string, Value>): void
  insert(table: string, row: Record<string, Value>): void
  touchCampaign(id: string, now: string): void
  touchBuy(id: string, now: string): void
}

const stores = new WeakMap<Db, Store>()
const NEXT_UPDATED_AT =
  "CASE WHEN ? > updated_at THEN ? ELSE strftime('%Y-%m-%dT%H:%M:%fZ', updated_at, '+0.001 seconds') END"

export function storeFor(db: Db): Store {
  const cached = stores.get(db)
  if (cached) return cached
  const stmtCache = new Map<string, Statement>()
  const prep = (sql: string): Statement => {
    let s = stmtCache.get(sql)
    if (!s) {
      s = db.prepare(sql)
      stmtCache.set(sql, s)
    }
    return s
  }
  const one = <T>(sql: string, ...args: Value[]): T | undefined => prep(sql).get(...args) as T | undefined
  const all = <T>(sql: string, ...args: Value[]): T[] => prep(sql).all(...args) as T[]
  let productCache: Map<string, ProductRow> | undefined
  const productMap = (): Map<string, ProductRow> => {
    productCache ??= new Map(all<ProductRow>('SELECT * FROM products').map((p) => [p.id, p]))
    return productCache
  }

  const store: Store = {
    db,
    advertiser: (id) => one('SELECT * FROM advertisers WHERE id = ?', id),
    campaign: (id) => one('SELECT * FROM campaigns WHERE id = ?', id),
    buy: (id) => one('SELECT * FROM media_buys WHERE id = ?', id),
    buyByAdcpId: (adcpId) => one('SELECT * FROM media_buys WHERE adcp_media_buy_id = ?', adcpId),
    buysOf: (campaignId) => all('SELECT * FROM media_buys WHERE campaign_id = ? ORDER BY position', campaignId),
    buyProductsOfCampaign: (campaignId) =>
      all(
        `SELECT p.* FROM media_buy_products p JOIN media_buys b ON b.id = p.media_buy_id
         WHERE b.campaign_id = ? ORDER BY p.media_buy_id, p.position`,
        campaignId,
      ),
    buyProducts: (buyId) => all('SELECT * FROM media_buy_products WHERE media_buy_id = ? ORDER BY position', buyId),
    packagesOfCampaign: (campaignId) =>
      all(
        `SELECT id, media_buy_id, product_id, status, budget, pacing, bid_price, start_time, end_time, period_index, period_label,
           targeting_json, position, impressions, spend, clicks FROM packages WHERE campaign_id = ? ORDER BY media_buy_id, position`,
        campaignId,
      ),
    packagesOf: (buyId) => all('SELECT * FROM packages WHERE media_buy_id = ? ORDER BY position', buyId),
    creativesOf: (campaignId) =>
      all('SELECT * FROM creatives WHERE campaign_id = ? ORDER BY created_at, id', campaignId),
    campaignProducts: (campaignId) =>
      all('SELECT * FROM campaign_products WHERE campaign_id = ? ORDER BY position', campaignId),
    product: (id) => productMap().get(id),
    products: () => [...productMap().values()],
    update: (table, id, patch) => {
      const cols = Object.keys(patch)
      if (cols.length === 0) return
      prep(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
        ...cols.map((c) => patch[c]),
        id,
      )
    },
    insert: (table, row) => {
      const cols = Object.keys(row)
      prep(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
        ...cols.map((c) => row[c]),
      )
    },
    // With a manual clock several changes share one simulated instant; updatedAt still moves (by a millisecond),
    // so a client comparing it sees every change.
    touchCampaign: (id, now) =>
      void prep(`UPDATE campaigns SET revision = revision + 1, updated_at = ${NEXT_UPDATED_AT} WHERE id = ?`).run(
        now,
        now,
        id,
      ),
    touchBuy: (id, now) =>
      void prep(`UPDATE media_buys SET revision = revision + 1, updated_at = ${NEXT_UPDATED_AT} WHERE id = ?`).run(
        now,
        now,
        id,
      ),
  }
  stores.set(db, store)
  return store
}

export function parseJson<T>(text: string | null): T | undefined {
  return text == null ? undefined : (JSON.parse(text) as T)
}
