// CONTRACT §5, §6 and D9: what a campaign accepts in each status. The dashboard offers only what is allowed and says
// why not; the sandbox refuses the same with INVALID_STATE. Both call these.
import type { ActionCheck } from './actions.ts'
import { statusWord as lower } from './status.ts'

export type CascadeKind = 'pause' | 'reactivate'

const NOT_EXECUTABLE = new Set(['ARCHIVED', 'CANCELED', 'COMPLETED'])

/** Only an archived campaign is closed to edits (budget, frequency caps, its buys). */
export function checkCampaignEdit(status: string): ActionCheck {
  return status === 'ARCHIVED' ? no('An archived campaign cannot be changed.') : ok()
}

/** The cascade a campaign in this status would take: a paused one is reactivated, any other paused. */
export const cascadeFor = (status: string): CascadeKind => (status === 'PAUSED' ? 'reactivate' : 'pause')

/** Pause needs an ACTIVE campaign, reactivate a PAUSED one. */
export function checkCascade(status: string, kind: CascadeKind): ActionCheck {
  if (kind === 'pause' && status === 'ACTIVE') return ok()
  if (kind === 'reactivate' && status === 'PAUSED') return ok()
  if (status !== 'ACTIVE' && status !== 'PAUSED')
    return no(`A ${lower(status)} campaign can be neither paused nor reactivated.`)
  return kind === 'pause'
    ? no('Only an active campaign can be paused.')
    : no('Only a paused campaign can be reactivated.')
}

/**
 * D9: where one buy lands when its campaign is paused or reactivated; null leaves it as it is. A buy whose flight
 * ended while it was paused does not come back to life: it is finished.
 */
export function cascadeTarget(
  kind: CascadeKind,
  buy: { status: string; endTime: string },
  nowMs: number,
): 'PAUSED' | 'ACTIVE' | 'COMPLETED' | null {
  if (kind === 'pause') return buy.status === 'ACTIVE' ? 'PAUSED' : null
  if (buy.status !== 'PAUSED') return null
  return Date.parse(buy.endTime) <= nowMs ? 'COMPLETED' : 'ACTIVE'
}

/** Execute is refused outright on a finished campaign. */
export function checkExecute(status: string): ActionCheck {
  return NOT_EXECUTABLE.has(status) ? no(`A ${lower(status)} campaign cannot be executed.`) : ok()
}

/**
 * Buys execute sends again (CONTRACT §5): a DRAFT, a FAILED buy (retried), and a REJECTED one (its seller's selected
 * products become a new DRAFT, since a rejected buy is terminal).
 */
const RESUBMITTABLE = new Set(['DRAFT', 'FAILED', 'REJECTED'])

/** Something is left to send: a DRAFT campaign, or buys an earlier execute left drafted, failed or rejected. */
export const hasWorkToExecute = (status: string, buyStatuses: readonly string[]) =>
  checkExecute(status).allowed && (status === 'DRAFT' || buyStatuses.some((s) => RESUBMITTABLE.has(s)))

/** A buy execute can send again on its own (CONTRACT §5): a failed one is retried, a rejected one becomes a new draft. */
export const canResubmit = (campaignStatus: string, buyStatus: string) =>
  (buyStatus === 'FAILED' || buyStatus === 'REJECTED') && checkExecute(campaignStatus).allowed

const ok = (): ActionCheck => ({ allowed: true })
const no = (reason: string): ActionCheck => ({ allowed: false, reason })
