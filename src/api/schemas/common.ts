import { z } from 'zod'

/**
 * Enums of the buyer API, spelled as in shared/api/buyer-openapi.yml.
 * `enums.test.ts` compares each list with the OpenAPI file so drift is caught.
 */
export const MEDIA_BUY_STATUSES = [
  'DRAFT',
  'PENDING_APPROVAL',
  'INPUT_REQUIRED',
  'ACTIVE',
  'PAUSED',
  'COMPLETED',
  'CANCELED',
  'FAILED',
  'REJECTED',
  'ARCHIVED',
] as const
export type MediaBuyStatus = (typeof MEDIA_BUY_STATUSES)[number]
/** The API types a buy's `status` as a free string: unknown values must survive, never crash. */
export const mediaBuyStatusSchema = z.string()

export const CAMPAIGN_STATUSES = ['DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELED', 'ARCHIVED'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]
/** Read side: tolerate a status added upstream; write side uses the enum. */
export const campaignStatusSchema = z.string()

export const CAMPAIGN_MODES = ['discovery', 'performance', 'directed'] as const
export const CAMPAIGN_MANAGEMENTS = ['tracked', 'managed'] as const
export const BUDGET_PACINGS = ['EVEN', 'ASAP', 'FRONTLOADED'] as const
export const PACKAGE_PACINGS = ['even', 'asap', 'front_loaded'] as const
export type PackagePacing = (typeof PACKAGE_PACINGS)[number]

export const PENDING_AT = ['storefront', 'salesagent', 'unknown'] as const
export const PENDING_REASONS = [
  'forward_failed_needs_correction',
  'forward_failed_retrying',
  'awaiting_storefront_approval',
  'awaiting_source_moderation',
  'no_creatives_attached',
  'source_rejected_creatives',
  'creative_processing_at_source',
  'awaiting_creative_approval',
  'accepted_awaiting_trafficking',
  'scheduled_not_started',
] as const
export const MEDIA_BUY_ERROR_CODES = [
  'product_no_longer_available',
  'source_rejected',
  'storefront_rejected',
  'source_unavailable',
  'invalid_request',
  'quote_expired',
  'platform_error',
] as const
export const ERROR_OWNERS = ['buyer_input', 'platform', 'seller'] as const

export const OPTIMIZATION_METRICS = [
  'clicks',
  'views',
  'completed_views',
  'viewed_seconds',
  'attention_seconds',
  'attention_score',
  'engagements',
  'follows',
  'saves',
  'profile_visits',
  'reach',
] as const
export type OptimizationMetric = (typeof OPTIMIZATION_METRICS)[number]

export const EVENT_TYPES = [
  'page_view',
  'view_content',
  'select_content',
  'select_item',
  'search',
  'share',
  'add_to_cart',
  'remove_from_cart',
  'viewed_cart',
  'add_to_wishlist',
  'initiate_checkout',
  'add_payment_info',
  'purchase',
  'refund',
  'lead',
  'qualify_lead',
  'close_convert_lead',
  'disqualify_lead',
  'complete_registration',
  'subscribe',
  'follow',
  'content_view',
  'watch_milestone',
  'start_trial',
  'app_install',
  'app_launch',
  'contact',
  'schedule',
  'donate',
  'submit_application',
  'custom',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

export const EVENT_TARGET_KINDS = ['cost_per', 'per_ad_spend', 'maximize_value'] as const
export const METRIC_TARGET_KINDS = ['cost_per', 'threshold_rate'] as const
export const DURATION_UNITS = ['seconds', 'minutes', 'hours', 'days', 'campaign'] as const
export const ATTRIBUTION_MODELS = ['last_touch', 'first_touch', 'linear', 'time_decay', 'data_driven'] as const

/** ISO-8601 UTC with a trailing Z, as the API's pattern requires. */
export const isoDateTimeSchema = z.iso.datetime({ offset: false })
export const isoDateSchema = z.iso.date()

export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'A three-letter currency code, like USD')

export const apiErrorSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  details: z.unknown().optional(),
})
export type ApiErrorBody = z.infer<typeof apiErrorSchema>
