import { describeApiError, isApiError } from '@/api/errors'
import type { Campaign } from '@/api/schemas/campaign'
import { statusWord } from '@/domain/status'

// What each CONTRACT §1 code means for someone pressing Execute; describeApiError covers the rest.
const EXECUTE_MESSAGES: Record<string, string> = {
  CREDIT_LIMIT_EXCEEDED:
    "Nothing was sent: this advertiser's credit limit does not cover these buys. Ask your account team to raise the limit, or lower the budget, then execute again.",
  INVALID_STATE:
    'This campaign cannot be executed in its current status (for example it is completed, canceled or archived).',
  CONFLICT: 'This campaign is already being executed. Wait for that run to finish; its result appears here.',
  PRICING_NOT_CONFIGURED:
    'Some buys have no pricing set up with their seller yet, so they cannot be executed. Contact support with the code below.',
  INSUFFICIENT_MEDIA_BUDGET:
    'The campaign budget is below what its buys need. Raise the budget or lower the buys, then execute again.',
  CURRENCY_MISMATCH: "The buys' currency does not match the advertiser's. Contact support with the code below.",
  UNAUTHORIZED: 'Your API key was refused. Check it in Settings.',
  FORBIDDEN: 'Your key is not allowed to execute this campaign.',
  ACCESS_DENIED: 'Your key is not allowed to execute this campaign.',
  ALPHA_OPT_IN_REQUIRED: 'Executing needs a feature your account has not opted into. Ask your account team.',
  TOS_ACCEPTANCE_REQUIRED: 'The terms of service must be accepted for this account before anything can be executed.',
  CUSTOMER_SCOPE_REQUIRED: 'Your key is not scoped to a customer. Use a key issued for this advertiser.',
  NOT_FOUND: 'This campaign no longer exists, or your key no longer has access to it.',
  CAPABILITY_NOT_SUPPORTED:
    'A seller does not support something these buys ask for. Change the buys, then execute again.',
  CONTENT_MODERATION_BLOCKED:
    'The campaign name or brief was blocked by content moderation. Rephrase it, then execute again.',
  RATE_LIMITED: 'Too many requests for a moment. Wait a few seconds, then execute again; nothing was sent twice.',
  FEATURE_NOT_ENABLED: 'This feature is not enabled for your account.',
  SALES_AGENT_NOT_ACTIVE: 'One of the sellers is not active on the platform right now.',
  INTERNAL_ERROR:
    'The platform hit an internal error. Executing again is safe; if it persists, contact support with the code below.',
  NOT_IMPLEMENTED: 'The platform does not support this yet.',
  SERVICE_UNAVAILABLE:
    'The platform is unavailable for the moment. Executing again shortly is safe: buys already sent are never sent twice.',
}

export function describeExecuteError(error: unknown): { message: string; code?: string } {
  if (!isApiError(error)) return { message: describeApiError(error) }
  const code = error.status ? `${error.code} (HTTP ${error.status})` : error.code
  if (error.code === 'VALIDATION_ERROR' || error.code === 'BAD_REQUEST') return { message: error.message, code }
  return { message: EXECUTE_MESSAGES[error.code] ?? describeApiError(error), code }
}

/**
 * Execute answered `no_media_buys_to_execute` (CONTRACT §5): nothing was sent and the campaign status stayed. Say
 * what the campaign actually holds, and what would give execute something to send.
 */
export function describeNothingToExecute(campaign: Campaign): string {
  const buys = campaign.mediaBuys ?? []
  if (buys.length === 0)
    return (campaign.products ?? []).length === 0
      ? 'Nothing was sent: this campaign has no media buys, and no products are selected to make them from. Select products for it (its discovery session), then execute again.'
      : 'Nothing was sent: the platform made no media buys from the selected products. Check the selection in its discovery session, then execute again.'
  const counts = new Map<string, number>()
  for (const b of buys) counts.set(b.status, (counts.get(b.status) ?? 0) + 1)
  const summary = [...counts].map(([status, n]) => `${n} ${statusWord(status)}`).join(', ')
  return `Nothing was sent: no buy is waiting to be sent (${summary}), and every selected product is already on one. Execute sends only drafts and failed buys; to reach more sellers, select more products first.`
}
