import type { Ctx } from '../context.ts'
import type { CampaignRow } from '../repo/rows.ts'
import { loadGraph } from './views.ts'
import { campaignView } from './views-campaign.ts'

const LIMIT = 200
const caches = new WeakMap<Ctx, Map<string, { key: string; body: Uint8Array<ArrayBuffer> }>>()
const encoder = new TextEncoder()

/**
 * The campaign page is polled every 15–60 s (D4) and a large campaign is ~0.5 MB of JSON, so the serialized view is
 * kept until the campaign changes. Every mutation bumps revision/updatedAt and every delivery report bumps
 * delivery_seq, so the key changes exactly when the answer would; ?fresh=true bypasses it, as on the real API.
 * What is kept is the whole response envelope already UTF-8 encoded: building and encoding ~0.5 MB per hit was
 * what made concurrent requests queue, and the cached bytes go out as they are.
 */
export function cachedCampaignBody(ctx: Ctx, campaign: CampaignRow, fresh: boolean): Uint8Array<ArrayBuffer> {
  let cache = caches.get(ctx)
  if (!cache) {
    cache = new Map()
    caches.set(ctx, cache)
  }
  const key = `${campaign.revision}|${campaign.updated_at}|${campaign.delivery_seq}|${campaign.status}`
  const hit = cache.get(campaign.id)
  if (!fresh && hit && hit.key === key) return hit.body
  const json = JSON.stringify(campaignView(ctx, loadGraph(ctx, campaign)))
  const body = encoder.encode(`{"data":{"campaign":${json}},"error":null}`)
  cache.delete(campaign.id)
  cache.set(campaign.id, { key, body })
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value as string)
  return body
}

export function clearCampaignCache(ctx: Ctx): void {
  caches.delete(ctx)
}
