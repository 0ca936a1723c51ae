import { z } from 'zod'

/** GET /campaigns/{id}/media-buy-status: every field is snake_case. */
export const adcpMediaBuyStatusSchema = z.looseObject({
  media_buy_id: z.string(),
  adcp_media_buy_id: z.string().nullable(),
  internal_status: z.string(),
  adcp_status: z.string().nullable(),
  operational_status: z.string(),
  previous_internal_status: z.string().optional(),
  previous_adcp_status: z.string().nullish(),
  updated: z.boolean(),
  status_refresh_source: z.string(),
  blockers: z.array(z.string()),
  pending_reason: z.string().nullish(),
  pending_since: z.string().nullish(),
  error_code: z.string().nullish(),
  error_owner: z.string().nullish(),
  source_message: z.string().nullish(),
  forwarded_at: z.string().nullish(),
  buyer_reference: z.string().nullish(),
})
export type AdcpMediaBuyStatus = z.infer<typeof adcpMediaBuyStatusSchema>

export const adcpStatusOutputSchema = z.looseObject({
  campaign_id: z.string(),
  campaign_status: z.string(),
  operational_status: z.string(),
  media_buys: z.array(adcpMediaBuyStatusSchema),
  agents_queried: z.number(),
  errors: z.array(z.looseObject({ media_buy_id: z.string(), error: z.string(), code: z.string().optional() })),
  blockers: z.array(z.looseObject({ code: z.string(), message: z.string() })),
  pending_creative_reviews: z.number(),
  has_upstream_media_buy: z.boolean(),
  has_delivery: z.boolean(),
})
export type AdcpStatusOutput = z.infer<typeof adcpStatusOutputSchema>
