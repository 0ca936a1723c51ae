// Row shapes exactly as SQLite returns them (snake_case, JSON kept as text); views.ts turns them into API shapes.

import type { PackageUpdate } from '../../../src/api/schemas/update.ts'

export interface AdvertiserRow {
  id: string
  name: string
  status: string
  sandbox: number
  primary_currency: string
  brand: string | null
  credit_limit: number | null
  credit_used: number
  created_at: string
  updated_at: string
}

export interface ProductRow {
  id: string
  sales_agent_id: string
  publisher_name: string
  product_name: string
  format_kinds: string
  pricing_option_id: string
  cpm: number
  ctr: number
  channel: string
}

export interface CampaignRow {
  id: string
  seq: number
  advertiser_id: string
  name: string
  status: string
  mode: string
  management: string
  revision: number
  brief: string | null
  flight_start: string
  flight_end: string
  budget_total: number
  currency: string
  daily_cap: number | null
  budget_pacing: string | null
  constraints_json: string | null
  frequency_caps_json: string | null
  performance_config_json: string | null
  pacing_periods_json: string | null
  optimization_apply_mode: string
  discovery_id: string | null
  delivery_seq: number
  created_at: string
  updated_at: string
}

export interface CampaignProductRow {
  campaign_id: string
  product_id: string
  budget: number | null
  pacing: string | null
  position: number
}

export interface MediaBuyRow {
  id: string
  campaign_id: string
  sales_agent_id: string
  name: string
  status: string
  revision: number
  position: number
  pending_at: string | null
  pending_reason: string | null
  pending_since: string | null
  error_code: string | null
  error_owner: string | null
  source_message: string | null
  forwarded_at: string | null
  buyer_reference: string | null
  adcp_media_buy_id: string | null
  adcp_status: string | null
  previous_status: string | null
  previous_adcp_status: string | null
  start_time: string | null
  end_time: string | null
  optimization_goals_json: string | null
  creative_ids_json: string | null
  pacing_periods_json: string | null
  pending_change_json: string | null
  pending_change_status: string | null
  buyer_reply: string | null
  views: number
  completed_views: number
  conversions: number
  leads: number
  last_delivery_at: string | null
  created_at: string
  updated_at: string
}

export interface MediaBuyProductRow {
  media_buy_id: string
  product_id: string
  budget: number | null
  pacing: string | null
  bid_price: number | null
  pricing_option_id: string | null
  position: number
}

export interface PackageRow {
  id: string
  media_buy_id: string
  campaign_id: string
  product_id: string
  status: string
  budget: number | null
  pacing: string | null
  bid_price: number | null
  start_time: string | null
  end_time: string | null
  period_index: number | null
  period_label: string | null
  targeting_json: string | null
  position: number
  impressions: number
  spend: number
  clicks: number
  views: number
  completed_views: number
  conversions: number
  leads: number
  last_delivery_at: string | null
}

/** What the campaign tree needs of a package; narrower rows keep GET /campaigns/{id} fast on 2,000 packages. */
export type PackageSlim = Pick<
  PackageRow,
  | 'id'
  | 'media_buy_id'
  | 'product_id'
  | 'status'
  | 'budget'
  | 'pacing'
  | 'bid_price'
  | 'start_time'
  | 'end_time'
  | 'period_index'
  | 'period_label'
  | 'targeting_json'
  | 'position'
  | 'impressions'
  | 'spend'
  | 'clicks'
>

export interface CreativeRow {
  id: string
  campaign_id: string
  name: string
  format_kind: string
  format_id: string
  width: number | null
  height: number | null
  duration_ms: number | null
  preview_url: string | null
  asset_count: number
  message: string | null
  click_url: string | null
  created_at: string
  updated_at: string
}

export interface PendingPackageDifference {
  packageId: string
  budget?: { live?: number; proposed?: number }
  pacing?: { live?: string; proposed?: string }
  bidPrice?: { live?: number | null; proposed?: number | null }
}

/** What a buy's pendingChange stores: the public differences plus what to apply once the seller approves. */
export interface StoredPendingChange {
  status: 'PENDING_APPROVAL'
  pendingAt: 'salesagent'
  reason?: string
  since: string
  taskId?: string
  /** The update proposal (GET /update-proposals/{id}) this version belongs to. */
  proposalId?: string
  /** The seller_outbox seq of the update that proposed this version. */
  outboxSeq?: number
  differences: {
    endTime?: { live?: string; proposed?: string }
    budget?: { live?: number; proposed?: number }
    creatives?: { live?: string[]; proposed?: string[] }
    /** Beyond the published three, so the buyer sees every proposed value: goals and each package's terms. */
    optimizationGoals?: { live?: unknown[]; proposed?: unknown[] }
    packages?: PendingPackageDifference[]
  }
  apply: {
    packages?: PackageUpdate[]
    endTime?: string
    startTime?: string
    creativeIds?: string[] | null
    optimizationGoals?: unknown[]
  }
}
