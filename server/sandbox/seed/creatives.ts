import type { Ctx } from '../context.ts'

interface CreativeTemplate {
  kind: string
  formatId: string
  label: string
  width?: number
  height?: number
  durationMs?: number
  assets: number
}

const TEMPLATES: Record<string, CreativeTemplate> = {
  mrec: { kind: 'image', formatId: 'display_300x250', label: 'MREC 300x250', width: 300, height: 250, assets: 2 },
  billboard: {
    kind: 'html5',
    formatId: 'display_970x250_html5',
    label: 'Billboard 970x250 (HTML5)',
    width: 970,
    height: 250,
    assets: 4,
  },
  video15: {
    kind: 'video_hosted',
    formatId: 'video_standard_15s',
    label: 'Pre-roll 15s',
    width: 1920,
    height: 1080,
    durationMs: 15_000,
    assets: 3,
  },
  video30: {
    kind: 'video_vast',
    formatId: 'video_vast_30s',
    label: 'CTV 30s (VAST)',
    width: 1920,
    height: 1080,
    durationMs: 30_000,
    assets: 2,
  },
  audio30: {
    kind: 'audio_hosted',
    formatId: 'audio_standard_30s',
    label: 'Audio spot 30s',
    durationMs: 30_000,
    assets: 1,
  },
  native: { kind: 'native_in_feed', formatId: 'native_in_feed_standard', label: 'Native story card', assets: 4 },
  carousel: {
    kind: 'image_carousel',
    formatId: 'social_carousel_1080',
    label: 'Carousel 1080x1080',
    width: 1080,
    height: 1080,
    assets: 5,
  },
  sponsored: {
    kind: 'sponsored_placement',
    formatId: 'retail_sponsored_product',
    label: 'Sponsored product tile',
    assets: 3,
  },
}

export type CreativeKey = keyof typeof TEMPLATES

/** Links demo creatives (manifests) to a campaign, named after the campaign so the creatives tab reads naturally. */
export function linkCreatives(ctx: Ctx, campaignId: string, theme: string, keys: CreativeKey[], at: string): string[] {
  return keys.map((key) => {
    const t = TEMPLATES[key]
    const id = ctx.ids.creative()
    ctx.store.insert('creatives', {
      id,
      campaign_id: campaignId,
      name: `${theme} — ${t.label}`,
      format_kind: t.kind,
      format_id: t.formatId,
      width: t.width ?? null,
      height: t.height ?? null,
      duration_ms: t.durationMs ?? null,
      preview_url: `https://cdn.sandbox.example/previews/${id}.${t.kind.startsWith('video') ? 'mp4' : t.kind.startsWith('audio') ? 'mp3' : 'png'}`,
      asset_count: t.assets,
      created_at: at,
      updated_at: at,
    })
    return id
  })
}
