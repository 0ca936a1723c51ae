// AdCP message shapes the platform and its sales agents exchange (media-buy domain, 2026 field names).
// Only what the sandbox uses is typed; the shapes follow adcontextprotocol/adcp static/schemas/source/media-buy/*.

export type TaskStatus =
  | 'submitted'
  | 'working'
  | 'input-required'
  | 'completed'
  | 'canceled'
  | 'failed'
  | 'rejected'
  | 'auth-required'
  | 'unknown'

export type AdcpMediaBuyStatus =
  'pending_creatives' | 'pending_start' | 'active' | 'paused' | 'completed' | 'rejected' | 'canceled'

export interface AdcpError {
  code: string
  message: string
  field?: string
  suggestion?: string
  recovery?: 'transient' | 'correctable' | 'terminal'
}

export interface PushNotificationConfig {
  url: string
  token?: string
  operation_id?: string
  /** AdCP requires it on the wire; the MCP transport fills it from `token` when a caller leaves it out. */
  authentication?: { schemes: ['Bearer']; credentials: string }
}

export interface AdcpPackageRequest {
  buyer_ref: string
  product_id: string
  budget: number
  pricing_option_id: string
  pacing: 'even' | 'asap' | 'front_loaded'
  bid_price?: number
  start_time?: string
  end_time?: string
  optimization_goals?: unknown[]
  targeting_overlay?: Record<string, unknown>
  creative_ids?: string[]
}

/** Field names follow the create_media_buy schema @adcp/client validates against (strict at the top level). */
export interface CreateMediaBuyRequest {
  buyer_ref: string
  account: { account_id: string }
  brand: { domain: string; name: string }
  po_number: string
  /** Total and settlement currency of the order; per-package budgets are in the same currency. */
  total_budget: { amount: number; currency: string }
  /** The top-level schema has no idempotency_key; extensions carry it so a seller can still de-duplicate. */
  ext: { idempotency_key: string }
  start_time: string
  end_time: string
  packages: AdcpPackageRequest[]
  push_notification_config: PushNotificationConfig
}

export interface AdcpPackageUpdate {
  package_id: string
  buyer_ref?: string
  budget?: number
  pacing?: string
  bid_price?: number | null
  start_time?: string
  end_time?: string
  paused?: boolean
  canceled?: boolean
  creative_ids?: string[]
  targeting_overlay?: Record<string, unknown>
}

export interface UpdateMediaBuyRequest {
  media_buy_id: string
  buyer_ref?: string
  idempotency_key: string
  paused?: boolean
  canceled?: boolean
  cancellation_reason?: string
  start_time?: string
  end_time?: string
  packages?: AdcpPackageUpdate[]
  creative_ids?: string[]
  optimization_goals?: unknown[]
  /** The buyer's words, e.g. the reply to an input-required question. */
  reason?: string
  push_notification_config: PushNotificationConfig
}

export type AdcpRequest =
  | { tool: 'create_media_buy'; arguments: CreateMediaBuyRequest }
  | { tool: 'update_media_buy'; arguments: UpdateMediaBuyRequest }
  | { tool: 'get_media_buys'; arguments: { media_buy_ids?: string[]; buyer_refs?: string[] } }
  | { tool: 'get_media_buy_delivery'; arguments: { media_buy_ids: string[] } }
  | { tool: 'sync_creatives'; arguments: SyncCreativesArgs }
  | {
      tool: 'get_adcp_capabilities' | 'get_products' | 'list_creative_formats' | 'list_creatives'
      arguments: Record<string, unknown>
    }

/** Every tool a simulated seller serves (its media-buy surface, plus capabilities). */
export type SellerTool = AdcpRequest['tool']

/**
 * What a seller accepts, after the schema check: the AdCP request with its optional fields optional. The platform's
 * own request types above are stricter because the platform always sends them.
 */
export interface AdcpPackageArgs extends Omit<AdcpPackageRequest, 'pacing'> {
  pacing?: AdcpPackageRequest['pacing']
  /** Inline creatives, filed in the seller's library as the buy is booked. */
  creatives?: CreativeAssetArgs[]
}
export interface CreateMediaBuyArgs {
  buyer_ref: string
  brand?: { domain: string; name?: string }
  total_budget?: { amount: number; currency: string }
  start_time: string
  end_time: string
  packages?: AdcpPackageArgs[]
  push_notification_config?: PushNotificationConfig
  /** Extensions; the platform puts its idempotency key here (`ext.idempotency_key`). */
  ext?: Record<string, unknown>
}
export type UpdateMediaBuyArgs = Omit<
  UpdateMediaBuyRequest,
  'push_notification_config' | 'idempotency_key' | 'media_buy_id'
> & {
  media_buy_id?: string
  idempotency_key?: string
  push_notification_config?: PushNotificationConfig
}

/** creative-asset.json, as far as a seller's review reads it. */
export interface CreativeAssetArgs {
  creative_id: string
  name: string
  format_id: { agent_url: string; id: string }
  assets: Record<string, Record<string, unknown>>
  weight?: number
}
export interface SyncCreativesArgs {
  account?: Record<string, unknown>
  creatives: CreativeAssetArgs[]
  assignments?: { creative_id: string; package_id: string }[]
  dry_run?: boolean
  /** Where the seller reports a review it finishes later (a new version of a creative it already holds). */
  push_notification_config?: PushNotificationConfig
}

export interface AdcpPackageState {
  package_id: string
  buyer_ref: string
  product_id: string
  budget: number
  paused: boolean
  canceled: boolean
}

/** A seller's answer: the task status plus the tool's AdCP response body. */
export interface AdcpResponse {
  [field: string]: unknown
  status: TaskStatus
  task_id?: string
  message?: string
  media_buy_id?: string
  buyer_ref?: string
  packages?: AdcpPackageState[]
  errors?: AdcpError[]
  /** `status` is AdCP's coarse media-buy status; `ext.seller_status` is the seller's own workflow state. */
  media_buys?: {
    media_buy_id: string
    buyer_ref: string
    status: string
    currency: string
    packages: AdcpPackageState[]
    ext: { seller_status: string }
  }[]
  /** get_media_buy_delivery figures to date; webhooks carry DeliveryReport rows per day instead. */
  media_buy_deliveries?: Record<string, unknown>[]
}

/** The delivery figures a seller reports per package and day; reporting sums the same fields. */
export interface DeliveryMetrics {
  impressions: number
  spend: number
  clicks: number
  views: number
  completed_views: number
  conversions: number
  leads: number
  conversion_value: number
}

/** Nothing delivered yet: where a seller's day and a reporting sum both start. */
export function noDelivery(): DeliveryMetrics {
  return {
    impressions: 0,
    spend: 0,
    clicks: 0,
    views: 0,
    completed_views: 0,
    conversions: 0,
    leads: 0,
    conversion_value: 0,
  }
}

export interface PackageDelivery extends DeliveryMetrics {
  package_id: string
  buyer_ref: string
  date: string
}

export interface DeliveryReport {
  media_buy_id: string
  buyer_ref: string
  status: string
  totals: { impressions: number; spend: number; clicks: number }
  by_package: PackageDelivery[]
}

/** core/mcp-webhook-payload.json */
export interface WebhookPayload {
  task_id: string
  task_type: 'create_media_buy' | 'update_media_buy' | 'get_media_buy_delivery' | string
  status: TaskStatus
  timestamp: string
  operation_id?: string
  idempotency_key?: string
  notification_id?: string
  message?: string
  context_id?: string
  token?: string
  domain?: string
  result?: Record<string, unknown>
}

/** One request/response pair plus the frames that carried it; execute's debug output shows exactly this. */
export interface AdcpExchange {
  request: AdcpRequest
  response: AdcpResponse
  debugLogs: Record<string, unknown>[]
}

/**
 * The one seam between the platform and its sales agents. The sandbox ships an in-process implementation; a later
 * transport can put each agent behind a real MCP server on loopback without the platform code changing.
 */
export interface AgentTransport {
  send(agentId: string, request: AdcpRequest): Promise<AdcpExchange>
}
