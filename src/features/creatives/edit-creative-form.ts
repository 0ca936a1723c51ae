import { z } from 'zod'
import type { UpdateCreativeBody } from '@/api/schemas/creative'

export const formSchema = z.object({
  name: z.string().trim().min(1, 'A name is required').max(255, 'At most 255 characters'),
  message: z.string().max(5000, 'At most 5,000 characters'),
  clickUrl: z.union([
    z.literal(''),
    z.url({ protocol: /^https?$/, message: 'A full http(s) address, e.g. https://example.com/offer' }),
  ]),
})
export type Values = z.infer<typeof formSchema>

/** Where a server issue (`name`, `click_url`) lands in the form. */
export const FIELD_OF: Record<string, keyof Values> = { name: 'name', message: 'message', click_url: 'clickUrl' }

export function bodyOf(values: Values, before: { name: string; message: string }): UpdateCreativeBody | undefined {
  const body: UpdateCreativeBody = {}
  if (values.name.trim() !== before.name) body.name = values.name.trim()
  if (values.message !== before.message) body.message = values.message
  if (values.clickUrl !== '') body.click_url = values.clickUrl
  return Object.keys(body).length ? body : undefined
}
