import { z } from 'zod'

export const creativeManifestSummarySchema = z.looseObject({
  creative_id: z.string(),
  campaign_id: z.string().optional(),
  name: z.string(),
  format_id: z
    .looseObject({
      id: z.string(),
      agent_url: z.string().optional(),
      width: z.number().optional(),
      height: z.number().optional(),
      duration_ms: z.number().optional(),
    })
    .optional(),
  format_kind: z.string().optional(),
  preview_url: z.string().optional(),
  requires_upgrade: z.boolean().optional(),
  sync_status: z.looseObject({ synced: z.boolean(), agent_count: z.number() }).optional(),
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
