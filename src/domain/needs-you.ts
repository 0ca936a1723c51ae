// Which buy statuses put a campaign in front of the buyer (Needs you, the account counts, Monitor's attention).

/** The seller waits on the buyer's answer. */
export const INPUT_STATUSES = ['INPUT_REQUIRED'] as const
/** The buy did not go through: the buyer fixes, resubmits, cancels or archives it. */
export const FAILED_STATUSES = ['FAILED', 'REJECTED'] as const
/** The buyer waits on the seller. */
export const WAITING_STATUSES = ['PENDING_APPROVAL'] as const

const OWED = new Set<string>([...INPUT_STATUSES, ...FAILED_STATUSES])

/** True for a status where the next move is the buyer's. */
export const buyerOwes = (status: string) => OWED.has(status)
