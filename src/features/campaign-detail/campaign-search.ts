import { z } from 'zod'

// Expanded buys live in the URL so a link reopens the same tree; nonsense falls back to "nothing open".
export const campaignPageSearchSchema = z.object({
  expanded: z.array(z.string().min(1)).max(500).optional().catch(undefined),
  /** The buy a link leads to (a notification's actionUrl): its row is brought into view, focused and marked. */
  mediaBuyId: z.string().min(1).max(200).optional().catch(undefined),
  /** The order the buyer chose for the buys; as the platform lists them when absent. */
  buyOrder: z.enum(['name', 'status']).optional().catch(undefined),
})
export type CampaignPageSearch = z.infer<typeof campaignPageSearchSchema>
