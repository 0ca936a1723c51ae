import { z } from 'zod'

const id = z.string().min(1).max(200)

/** How the buyer answers a buy from the inbox: the fitting change with a reply, a reply, cancel, archive, send again. */
export const ANSWER_KINDS = ['budget', 'creatives', 'goals', 'reply', 'cancel', 'archive', 'resubmit'] as const
export type AnswerKind = (typeof ANSWER_KINDS)[number]

// The selected item lives in the URL, so a link reproduces the screen; nonsense falls back to "first item".
export const needsYouSearchSchema = z.object({
  item: id.optional().catch(undefined),
  /** The search box: campaign, buy or seller names, across every entry of the inbox. */
  q: z.string().max(200).optional().catch(undefined),
  /** The open answer dialog and its buy: a link or a reload opens it again, Back closes it; nonsense leaves it closed. */
  dialog: z.enum(ANSWER_KINDS).optional().catch(undefined),
  dialogCampaign: id.optional().catch(undefined),
  dialogBuy: id.optional().catch(undefined),
})
export type NeedsYouSearch = z.infer<typeof needsYouSearchSchema>
