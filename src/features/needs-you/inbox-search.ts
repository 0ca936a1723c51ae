import { z } from 'zod'

// The selected item lives in the URL, so a link reproduces the screen; nonsense falls back to "first item".
export const needsYouSearchSchema = z.object({
  item: z.string().min(1).max(200).optional().catch(undefined),
  /** The search box: campaign, buy or seller names, across every entry of the inbox. */
  q: z.string().max(200).optional().catch(undefined),
})
export type NeedsYouSearch = z.infer<typeof needsYouSearchSchema>
