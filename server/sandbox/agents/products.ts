import { PRODUCTS, type ProductDef } from './catalog.ts'

// What each seller publishes about its inventory in AdCP terms: products (get_products) and the creative formats
// they carry (list_creative_formats). Built from the sandbox catalogue, so the platform's products table and the
// sellers' answers describe the same inventory.

/** Formats are defined by the reference creative agent; sellers list the ones their products carry. */
export const CREATIVE_AGENT_URL = 'https://creative.adcontextprotocol.org'

type AssetType = 'image' | 'video' | 'audio' | 'html' | 'vast' | 'daast' | 'javascript' | 'text' | 'url'

export interface FormatDef {
  id: string
  name: string
  /** The platform's word for the format, as in products.format_kinds and creatives.format_kind. */
  kind: string
  width?: number
  height?: number
  durationMs?: number
  /** The asset roles a creative in this format must carry, and what each is (HTML5 comes as a hosted bundle URL). */
  assets: { id: string; type: AssetType }[]
}

export const FORMATS: FormatDef[] = [
  {
    id: 'display_300x250',
    name: 'Medium Rectangle 300x250',
    kind: 'image',
    width: 300,
    height: 250,
    assets: [{ id: 'primary', type: 'image' }],
  },
  {
    id: 'display_970x250_html5',
    name: 'Billboard 970x250 (HTML5)',
    kind: 'html5',
    width: 970,
    height: 250,
    assets: [{ id: 'primary', type: 'url' }],
  },
  {
    id: 'display_300x250_tag',
    name: 'Display tag 300x250',
    kind: 'display_tag',
    width: 300,
    height: 250,
    assets: [{ id: 'primary', type: 'javascript' }],
  },
  {
    id: 'display_responsive',
    name: 'Responsive display',
    kind: 'responsive_creative',
    assets: [{ id: 'primary', type: 'image' }],
  },
  {
    id: 'native_in_feed_standard',
    name: 'Native in-feed story card',
    kind: 'native_in_feed',
    assets: [{ id: 'primary', type: 'image' }],
  },
  {
    id: 'social_carousel_1080',
    name: 'Carousel 1080x1080',
    kind: 'image_carousel',
    width: 1080,
    height: 1080,
    assets: [{ id: 'primary', type: 'image' }],
  },
  {
    id: 'retail_sponsored_product',
    name: 'Sponsored product tile',
    kind: 'sponsored_placement',
    assets: [{ id: 'primary', type: 'image' }],
  },
  {
    id: 'video_standard_15s',
    name: 'Hosted video 15s',
    kind: 'video_hosted',
    width: 1920,
    height: 1080,
    durationMs: 15_000,
    assets: [{ id: 'primary', type: 'video' }],
  },
  {
    id: 'video_vast_30s',
    name: 'VAST video 30s',
    kind: 'video_vast',
    width: 1920,
    height: 1080,
    durationMs: 30_000,
    assets: [{ id: 'primary', type: 'vast' }],
  },
  {
    id: 'audio_standard_30s',
    name: 'Hosted audio 30s',
    kind: 'audio_hosted',
    durationMs: 30_000,
    assets: [{ id: 'primary', type: 'audio' }],
  },
  {
    id: 'audio_daast_30s',
    name: 'DAAST audio 30s',
    kind: 'audio_daast',
    durationMs: 30_000,
    assets: [{ id: 'primary', type: 'daast' }],
  },
]

/** Below this a package is not worth trafficking; premium inventory asks for more. */
const MIN_SPEND: Readonly<Record<string, number>> = { sa_meridian: 1_000, sa_harbor: 1_000 }
const DEFAULT_MIN_SPEND = 250

/** The currencies each seller settles in (the sandbox's advertisers buy in all three). */
export const CURRENCIES: readonly string[] = ['USD', 'EUR', 'GBP']

const GUARANTEED = new Set(['sa_meridian', 'sa_harbor', 'sa_summit'])

export function productsOf(agentId: string): ProductDef[] {
  return PRODUCTS.filter((p) => p.agentId === agentId)
}

export function formatById(id: string): FormatDef | undefined {
  return FORMATS.find((f) => f.id === id)
}

export function formatsOf(agentId: string): FormatDef[] {
  const kinds = new Set(productsOf(agentId).flatMap((p) => p.formats))
  return FORMATS.filter((f) => kinds.has(f.kind))
}

export function pricingOptionId(productId: string): string {
  return `po_${productId.slice(5)}_cpm`
}

export function minSpend(product: ProductDef): number {
  return MIN_SPEND[product.agentId] ?? DEFAULT_MIN_SPEND
}

/** The sandbox channels in AdCP's v3 channel taxonomy. */
function adcpChannel(p: ProductDef): string {
  if (p.channel === 'audio') return p.id.includes('podcast') ? 'podcast' : 'streaming_audio'
  if (p.agentId === 'sa_pinnacle') return 'retail_media'
  return p.channel
}

function publisherDomain(p: ProductDef): string {
  return `${p.publisher.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`
}

export const formatRef = (f: FormatDef) => ({
  agent_url: CREATIVE_AGENT_URL,
  id: f.id,
  ...(f.width ? { width: f.width, height: f.height } : {}),
  ...(f.durationMs ? { duration_ms: f.durationMs } : {}),
})

/** core/product.json: one fixed-price CPM option per product, in each currency the seller accepts. */
export function adcpProduct(p: ProductDef) {
  const formats = FORMATS.filter((f) => p.formats.includes(f.kind))
  return {
    product_id: p.id,
    name: p.name,
    description: `${p.name} on ${p.publisher}`,
    publisher_properties: [{ publisher_domain: publisherDomain(p), selection_type: 'all' as const }],
    channels: [adcpChannel(p)],
    format_ids: formats.map(formatRef),
    delivery_type: GUARANTEED.has(p.agentId) ? ('guaranteed' as const) : ('non_guaranteed' as const),
    pricing_options: [
      {
        pricing_option_id: pricingOptionId(p.id),
        pricing_model: 'cpm' as const,
        currency: CURRENCIES[0],
        fixed_price: p.cpm,
        min_spend_per_package: minSpend(p),
      },
    ],
    delivery_measurement: { provider: `${p.publisher} ad server` },
  }
}

/** core/format.json: each required asset role, so a buyer knows what a creative must carry. */
export function adcpFormat(f: FormatDef) {
  const category = f.kind.startsWith('video')
    ? 'video'
    : f.kind.startsWith('audio')
      ? 'audio'
      : f.kind.includes('native')
        ? 'native'
        : 'display'
  return {
    format_id: formatRef(f),
    name: f.name,
    type: category,
    assets: f.assets.map((a) => ({
      item_type: 'individual' as const,
      asset_id: a.id,
      asset_type: a.type,
      required: true,
    })),
  }
}

/** A brief narrows the catalogue to the products whose channel, format or name it mentions; otherwise all of it. */
export function matchBrief(products: ProductDef[], brief: string | undefined): ProductDef[] {
  const words = (brief ?? '').toLowerCase()
  if (!words) return products
  const hit = products.filter((p) =>
    [adcpChannel(p), p.channel, ...p.formats.map((f) => f.split('_')[0]), ...p.name.toLowerCase().split(/\W+/)].some(
      (w) => w.length > 3 && words.includes(w),
    ),
  )
  return hit.length ? hit : products
}
