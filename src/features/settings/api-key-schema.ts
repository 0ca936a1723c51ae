import { z } from 'zod'

export const apiKeyFormSchema = z.object({
  apiKey: z
    .string()
    .trim()
    .min(1, 'Paste your API key')
    .min(8, 'This is too short to be an API key')
    .regex(/^\S+$/, 'An API key has no spaces'),
  remember: z.boolean(),
})
export type ApiKeyFormValues = z.infer<typeof apiKeyFormSchema>
