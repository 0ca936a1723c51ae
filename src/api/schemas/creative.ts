import { z } from 'zod'
import { formatIdSchema } from './campaign.ts'

/** What a seller's copy of a manifest is: its sync (`status`) and its review (`approval_status`). */
export const creativePlatformLinkSchema = z.looseObject({
  agent_id: z.string(),
  agent_name: z.string(),
  platform_id: z.string().optional(),
  status: z.string(),
  approval_status: z.string().optional(),
  synced_at: z.string().optional(),
})
export type CreativePlatformLink = z.infer<typeof creativePlatformLinkSchema>

export const creativeManifestSummarySchema = z.looseObject({
  creative_id: z.string(),
  campaign_id: z.string().optional(),
  name: z.string(),
  format_id: formatIdSchema.optional(),
  format_kind: z.string().optional(),
  preview_url: z.string().optional(),
  requires_upgrade: z.boolean().optional(),
  sync_status: z.looseObject({ synced: z.boolean(), agent_count: z.number() }).optional(),
  platform_links: z.array(creativePlatformLinkSchema).optional(),
  primary_asset_type: z.string().optional(),
  asset_count: z.number().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
})
export type CreativeManifestSummary = z.infer<typeof creativeManifestSummarySchema>

export const creativeListResponseSchema = z.looseObject({
  manifests: z.array(creativeManifestSummarySchema),
  total: z.number(),
})
export type CreativeListResponse = z.infer<typeof creativeListResponseSchema>

export const manifestAssetSchema = z.looseObject({
  asset_id: z.string().optional(),
  name: z.string().optional(),
  asset_type: z.string().optional(),
  content_type: z.string().optional(),
  public_url: z.string().optional(),
})

/** `GET`/`PUT /campaigns/{id}/creatives/{creativeId}` (CreativeManifestResponse). */
export const creativeManifestSchema = z.looseObject({
  creative_id: z.string(),
  campaign_id: z.string().optional(),
  name: z.string(),
  message: z.string().optional(),
  format_id: formatIdSchema.optional(),
  format_kind: z.string().optional(),
  preview_url: z.string().optional(),
  assets: z.array(manifestAssetSchema),
  sync_status: z
    .looseObject({ synced: z.boolean(), agent_count: z.number(), last_synced_at: z.string().optional() })
    .optional(),
  platform_links: z.array(creativePlatformLinkSchema).optional(),
  warnings: z.array(z.string()).optional(),
  created_at: z.string(),
  updated_at: z.string(),
})
export type CreativeManifest = z.infer<typeof creativeManifestSchema>

/**
 * The JSON fields of `UpdateCreativeManifestMetadata` the dashboard edits: name (1–255), the brief message (≤ 5000)
 * and the click-through URL. The sandbox parses the body with it, so both ends hold the same limits.
 */
export const updateCreativeBodySchema = z.object({
  name: z.string().trim().min(1, 'A name is required').max(255, 'At most 255 characters').optional(),
  message: z.string().max(5000, 'At most 5,000 characters').optional(),
  click_url: z
    .url({ protocol: /^https?$/, message: 'A full http(s) address, e.g. https://example.com/offer' })
    .optional(),
})
export type UpdateCreativeBody = z.infer<typeof updateCreativeBodySchema>
