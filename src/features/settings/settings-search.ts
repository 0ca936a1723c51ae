import { z } from 'zod'

export const settingsSearchSchema = z.object({
  reason: z.enum(['unauthorized']).optional().catch(undefined),
})
