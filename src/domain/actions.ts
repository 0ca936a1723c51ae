// CONTRACT §4.2: what a media buy accepts in each status. The UI offers only what is allowed, and says why not;
// the sandbox refuses the same with INVALID_STATE.
import type { CampaignMediaBuy } from '../api/schemas/campaign.ts'
import { statusPhrase, upperFirst } from './labels.ts'
import { statusWord } from './status.ts'

export type BuyAction =
  'edit_products' | 'edit_packages' | 'cancel' | 'cancel_packages' | 'archive' | 'edit_goals' | 'edit_creatives'

export interface ActionCheck {
  allowed: boolean
  /** Why not, in words a buyer understands. */
  reason?: string
}

const PACKAGE_STATUSES = new Set(['ACTIVE', 'PAUSED', 'COMPLETED', 'INPUT_REQUIRED'])
const CANCELABLE = new Set(['ACTIVE', 'PAUSED', 'PENDING_APPROVAL', 'INPUT_REQUIRED'])
const FINAL = new Set(['CANCELED', 'ARCHIVED', 'REJECTED', 'FAILED', 'COMPLETED'])

export interface BuyState {
  status: string
  /** True once the buy was submitted to its seller (it then has packages). */
  executed: boolean
  /** AdCP valid_actions when the platform sends them; they narrow what the status allows. */
  validActions?: readonly string[]
}

/**
 * A buy reached its seller once it was forwarded. A platform that leaves `forwardedAt` out still shows it by the
 * packages the seller returned: only a seller creates packages.
 */
export const hasReachedSeller = (buy: { forwardedAt?: string | null; packageCount: number }) =>
  Boolean(buy.forwardedAt) || buy.packageCount > 0

/** What a buy read from the platform accepts, with its reached-the-seller state worked out. */
export const checkBuy = (buy: CampaignMediaBuy, action: BuyAction) =>
  checkAction({ status: buy.status, executed: isExecuted(buy), validActions: buy.validActions }, action)

export const isExecuted = (buy: CampaignMediaBuy) =>
  hasReachedSeller({ forwardedAt: buy.forwardedAt, packageCount: buy.packages?.length ?? 0 })

export function checkAction(buy: BuyState, action: BuyAction): ActionCheck {
  const { status } = buy
  switch (action) {
    case 'edit_products':
      if (status === 'DRAFT' || (status === 'PENDING_APPROVAL' && !buy.executed)) return ok()
      return no(
        `Product budgets can only change before the buy reaches its seller; this buy is ${label(status)}. Edit its packages instead.`,
      )
    case 'edit_packages':
      if (PACKAGE_STATUSES.has(status)) return narrowed(buy, ['update_packages', 'increase_budget', 'decrease_budget'])
      if (status === 'DRAFT') return no('A draft has no packages yet; edit its products.')
      if (status === 'PENDING_APPROVAL') return no('Packages can change once the seller has accepted the buy.')
      return no(`${upperFirst(statusPhrase(status))} buy cannot be changed.`)
    case 'edit_goals':
    case 'edit_creatives':
      if (FINAL.has(status) && status !== 'COMPLETED')
        return no(`${upperFirst(statusPhrase(status))} buy cannot be changed.`)
      if (status === 'COMPLETED') return no('This buy has finished delivering.')
      return ok()
    case 'cancel':
    case 'cancel_packages':
      if (status === 'DRAFT') return no('A draft was never sent to its seller: archive it instead.')
      if (CANCELABLE.has(status)) return narrowed(buy, ['cancel'])
      return no(`${upperFirst(statusPhrase(status))} buy cannot be canceled.`)
    case 'archive':
      if (status === 'ARCHIVED') return no('This buy is already archived.')
      return ok()
  }
}

function narrowed(buy: BuyState, names: string[]): ActionCheck {
  if (!buy.validActions || buy.validActions.length === 0) return ok()
  if (names.some((n) => buy.validActions!.includes(n))) return ok()
  return no('The seller does not accept this change right now.')
}

const ok = (): ActionCheck => ({ allowed: true })
const no = (reason: string): ActionCheck => ({ allowed: false, reason })
const label = statusWord
