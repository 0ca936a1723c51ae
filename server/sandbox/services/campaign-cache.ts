import type { Ctx } from '../context.ts'
import type { CampaignRow } from '../repo/rows.ts'
import { campaignView, loadGraph } from './views.ts'

const LIMIT = 200
const caches = new WeakMap<Ctx, Map<string, { key: string; json: string }>>()

/**
 * The campaign page is polled every 15–60 s (D4) and a large campaign is ~0.5 MB of JSON, so the serialized view is
 * kept until the campaign changes. Every mutation bumps revision/updatedAt and every delivery report bumps
 * delivery_seq, so the key changes exactly when the answer would; ?fresh=true bypasses it, as on the real API.
 */
export function cachedCampaignJson(ctx: Ctx, campaign: CampaignRow, fresh: boolean): string {
  let cache = caches.get(ctx)
  if (!cache) {
    cache = new Map()
    caches.set(ctx, cache)
  }
  const key = `${campaign.revision}|${campaign.updated_at}|${campaign.delivery_seq}|${campaign.status}`
  const hit = cache.get(campaign.id)
  if (!fresh && hit && hit.key === key) return hit.json
  const json = JSON.stringify(campaignView(ctx, loadGraph(ctx, campaign)))
  cache.delete(campaign.id)
  cache.set(campaign.id, { key, json })
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value as string)
  return json
}

export function clearCampaignCache(ctx: Ctx): void {
  caches.delete(ctx)
}
