import { z } from 'zod'

const id = z.string().min(1).max(200)

/** The dialogs of the campaign page; each is opened from the URL (`dialog`, with its buy, package or buys). */
export const CAMPAIGN_DIALOGS = [
  'budget',
  'goals',
  'creatives',
  'cancel-buy',
  'cancel-packages',
  'archive',
  'resubmit',
  'execute',
  'campaign-budget',
  'cascade',
  'frequency-caps',
  'bulk',
] as const
export type CampaignDialogKind = (typeof CAMPAIGN_DIALOGS)[number]

// Expanded buys live in the URL so a link reopens the same tree; nonsense falls back to "nothing open".
export const campaignPageSearchSchema = z.object({
  expanded: z.array(z.string().min(1)).max(500).optional().catch(undefined),
  /** The buy a link leads to (a notification's actionUrl): its row is brought into view, focused and marked. */
  mediaBuyId: id.optional().catch(undefined),
  /** The order the buyer chose for the buys; as the platform lists them when absent. */
  buyOrder: z.enum(['name', 'status']).optional().catch(undefined),
  /** The open dialog: a link or a reload opens it again, Back closes it; anything unknown leaves it closed. */
  dialog: z.enum(CAMPAIGN_DIALOGS).optional().catch(undefined),
  /** The buy the dialog is about (buy and package dialogs). */
  dialogBuy: id.optional().catch(undefined),
  /** The package of that buy (cancel one package). */
  dialogPackage: id.optional().catch(undefined),
  /** The buys of a bulk edit. */
  dialogBuys: z.array(id).min(1).max(500).optional().catch(undefined),
})
export type CampaignPageSearch = z.infer<typeof campaignPageSearchSchema>

/** Which dialog is open and for what, as it sits in the URL. */
export type CampaignDialogTarget = Pick<CampaignPageSearch, 'dialogBuy' | 'dialogPackage' | 'dialogBuys'> & {
  dialog: CampaignDialogKind
}

const CLOSED = { dialog: undefined, dialogBuy: undefined, dialogPackage: undefined, dialogBuys: undefined }

/** The `data-dialog-trigger` of the control that opens a dialog; focus returns there when the dialog closes. */
export function dialogTrigger(target: CampaignDialogTarget): string {
  if (target.dialog === 'bulk' || target.dialog === 'execute') return target.dialog
  if (target.dialog === 'resubmit') return `resubmit:${target.dialogBuy}`
  if (target.dialogPackage) return `package:${target.dialogBuy}:${target.dialogPackage}`
  if (target.dialogBuy) return `buy:${target.dialogBuy}`
  return 'campaign'
}

/** Search params with the dialog set (or, with none, closed). */
export const withDialog = (prev: CampaignPageSearch, target?: CampaignDialogTarget): CampaignPageSearch => ({
  ...prev,
  ...CLOSED,
  ...target,
})
