import { z } from 'zod'
import { ACTOR_ORIGINS, AUDIT_ACTIONS, AUDIT_OUTCOMES, AUDIT_RESOURCE_TYPES } from '@/api/schemas/audit-log'

// History's filters and page live in the campaign page's URL, so a link reopens the same view; nonsense falls back
// to the default (everything that succeeded, newest first, first page).
export const historySearchSchema = z.object({
  historyBuy: z.string().min(1).max(200).optional().catch(undefined),
  historyOrigin: z.enum(ACTOR_ORIGINS).optional().catch(undefined),
  historyAction: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  historyResource: z.enum(AUDIT_RESOURCE_TYPES).optional().catch(undefined),
  historyOutcome: z
    .enum(AUDIT_OUTCOMES.filter((o) => o !== 'succeeded') as ['denied', 'failed'])
    .optional()
    .catch(undefined),
  historyPage: z.number().int().min(2).max(10_000).optional().catch(undefined),
})
export type HistorySearch = z.infer<typeof historySearchSchema>
