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

/** What a Scope3 key looks like; another shape is saved only once the buyer confirms it. */
const KEY_PREFIX = 'scope3_'

export const keyShapeWarning = (key: string): string | undefined =>
  key.trim().startsWith(KEY_PREFIX)
    ? undefined
    : `Scope3 keys start with ${KEY_PREFIX}; this one does not. Check that you copied the whole key, or press “Save anyway” to keep it as it is.`
