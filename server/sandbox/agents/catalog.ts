import type { Db } from '../db/open.ts'
import { DAY, HOUR, MINUTE } from '../clock.ts'

export type AgentCharacter = 'quick' | 'slow' | 'input' | 'rejecter' | 'failer' | 'steady'

export interface AgentProfile {
  id: string
  name: string
  character: AgentCharacter
  agentUrl: string
  /** How long the seller takes to approve a new buy or a change once nothing blocks it. */
  approvalDelayMs: number
  /** input: minimum buy budget it asks for; rejecter: minimum order below which it declines. */
  minimumBudget?: number
}

export const AGENTS: AgentProfile[] = [
  {
    id: 'sa_northwind',
    name: 'Northwind Exchange',
    character: 'quick',
    agentUrl: 'https://agent.northwind-exchange.example/mcp',
    approvalDelayMs: 10 * MINUTE,
  },
  {
    id: 'sa_meridian',
    name: 'Meridian Premium Direct',
    character: 'slow',
    agentUrl: 'https://sales.meridianpremium.example/adcp',
    approvalDelayMs: 2 * DAY,
  },
  {
    id: 'sa_harbor',
    name: 'Harbor Streaming',
    character: 'input',
    agentUrl: 'https://adcp.harborstreaming.example/mcp',
    approvalDelayMs: 3 * HOUR,
    minimumBudget: 20_000,
  },
  {
    id: 'sa_summit',
    name: 'Summit Audio Network',
    character: 'rejecter',
    agentUrl: 'https://agent.summitaudio.example/mcp',
    approvalDelayMs: 6 * HOUR,
    minimumBudget: 5_000,
  },
  {
    id: 'sa_cobalt',
    name: 'Cobalt Social',
    character: 'failer',
    agentUrl: 'https://mcp.cobaltsocial.example/adcp',
    approvalDelayMs: 1 * HOUR,
  },
  {
    id: 'sa_pinnacle',
    name: 'Pinnacle Retail Media',
    character: 'steady',
    agentUrl: 'https://adcp.pinnacleretail.example/mcp',
    approvalDelayMs: 4 * HOUR,
  },
]

export interface ProductDef {
  id: string
  agentId: string
  publisher: string
  name: string
  formats: string[]
  cpm: number
  ctr: number
  channel: string
}

export const PRODUCTS: ProductDef[] = [
  {
    id: 'prod_nw_news_display',
    agentId: 'sa_northwind',
    publisher: 'The Daily Ledger',
    name: 'News Homepage Takeover 300x250',
    formats: ['image', 'html5', 'display_tag'],
    cpm: 9.5,
    ctr: 0.0021,
    channel: 'display',
  },
  {
    id: 'prod_nw_native',
    agentId: 'sa_northwind',
    publisher: 'Metro Weekly',
    name: 'Native In-Feed Stories',
    formats: ['native_in_feed', 'image'],
    cpm: 7.25,
    ctr: 0.0034,
    channel: 'display',
  },
  {
    id: 'prod_nw_ros',
    agentId: 'sa_northwind',
    publisher: 'Northwind Publisher Network',
    name: 'Run of Network Display',
    formats: ['image', 'display_tag', 'responsive_creative'],
    cpm: 4.1,
    ctr: 0.0012,
    channel: 'display',
  },
  {
    id: 'prod_mp_preroll',
    agentId: 'sa_meridian',
    publisher: 'Global Chronicle',
    name: 'Premium Pre-roll 15s',
    formats: ['video_hosted', 'video_vast'],
    cpm: 24,
    ctr: 0.004,
    channel: 'olv',
  },
  {
    id: 'prod_mp_finance',
    agentId: 'sa_meridian',
    publisher: 'Capital Markets Review',
    name: 'Finance Section Billboard 970x250',
    formats: ['image', 'html5'],
    cpm: 18.5,
    ctr: 0.0016,
    channel: 'display',
  },
  {
    id: 'prod_hb_ctv_sports',
    agentId: 'sa_harbor',
    publisher: 'Harbor Sports+',
    name: 'Live Sports CTV 30s',
    formats: ['video_hosted', 'video_vast'],
    cpm: 42,
    ctr: 0,
    channel: 'ctv',
  },
  {
    id: 'prod_hb_ctv_ent',
    agentId: 'sa_harbor',
    publisher: 'Harbor Originals',
    name: 'Entertainment CTV Mid-roll',
    formats: ['video_hosted', 'video_vast'],
    cpm: 35,
    ctr: 0,
    channel: 'ctv',
  },
  {
    id: 'prod_sm_podcast',
    agentId: 'sa_summit',
    publisher: 'Summit Podcast Studios',
    name: 'Podcast Host-Read 60s',
    formats: ['audio_hosted', 'audio_daast'],
    cpm: 22,
    ctr: 0,
    channel: 'audio',
  },
  {
    id: 'prod_sm_streaming',
    agentId: 'sa_summit',
    publisher: 'Summit Radio Streams',
    name: 'Streaming Audio Spots 30s',
    formats: ['audio_hosted', 'audio_daast'],
    cpm: 12,
    ctr: 0,
    channel: 'audio',
  },
  {
    id: 'prod_cb_feed',
    agentId: 'sa_cobalt',
    publisher: 'Cobalt Social',
    name: 'Social Feed Carousel',
    formats: ['image_carousel', 'image', 'native_in_feed'],
    cpm: 6.8,
    ctr: 0.0052,
    channel: 'social',
  },
  {
    id: 'prod_cb_stories',
    agentId: 'sa_cobalt',
    publisher: 'Cobalt Social',
    name: 'Vertical Stories Video',
    formats: ['video_hosted'],
    cpm: 9.9,
    ctr: 0.0041,
    channel: 'social',
  },
  {
    id: 'prod_pn_sponsored',
    agentId: 'sa_pinnacle',
    publisher: 'Pinnacle Marketplace',
    name: 'Sponsored Product Placement',
    formats: ['sponsored_placement', 'image'],
    cpm: 11,
    ctr: 0.0065,
    channel: 'display',
  },
  {
    id: 'prod_pn_offsite',
    agentId: 'sa_pinnacle',
    publisher: 'Pinnacle Offsite Network',
    name: 'Offsite Shopper Display',
    formats: ['image', 'html5'],
    cpm: 8.2,
    ctr: 0.0019,
    channel: 'display',
  },
]

export function agentById(id: string): AgentProfile {
  const agent = AGENTS.find((a) => a.id === id)
  if (!agent) throw new Error(`unknown sales agent ${id}`)
  return agent
}

export function insertCatalog(db: Db): void {
  const insertAgent = db.prepare(
    'INSERT OR REPLACE INTO sales_agents (id, name, character, agent_url) VALUES (?, ?, ?, ?)',
  )
  const insertProduct = db.prepare(
    `INSERT OR REPLACE INTO products (id, sales_agent_id, publisher_name, product_name, format_kinds, pricing_option_id, cpm, ctr, channel)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const a of AGENTS) insertAgent.run(a.id, a.name, a.character, a.agentUrl)
  for (const p of PRODUCTS)
    insertProduct.run(
      p.id,
      p.agentId,
      p.publisher,
      p.name,
      JSON.stringify(p.formats),
      `po_${p.id.slice(5)}_cpm`,
      p.cpm,
      p.ctr,
      p.channel,
    )
}
