import type { Ctx } from '../context.ts'
import type { MediaBuyRow, StoredPendingChange } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { ApiError, notFound } from '../http/errors.ts'
import type { UpdateProposal } from '../../../src/api/schemas/update-proposal.ts'
import { BUYER, recordAudit, sellerActor, type Changes } from './audit.ts'
import { notify } from './notifications.ts'

// A D6 pending change is an update proposal: it opens when a change to an ACTIVE buy is stored, keeps its id while
// later changes merge into it, and resolves when the seller approves or refuses it (or the buyer withdraws it).

interface ProposalRow {
  id: string
  media_buy_id: string
  status: string
  rejection_reason: string | null
  resolved_at: string | null
}

/** The proposal a pending change belongs to: the one it already has, or a new one. */
export function openProposal(ctx: Ctx, buyId: string, previous: StoredPendingChange | undefined): string {
  if (previous?.proposalId) return previous.proposalId
  const id = `prop_${ctx.ids.token(12)}`
  ctx.store.insert('update_proposals', {
    id,
    media_buy_id: buyId,
    status: 'PENDING',
    created_at: ctx.clock.nowIso(),
  })
  return id
}

/** The pending change's live → proposed values, as history `changes`. */
export function pendingChanges(pending: StoredPendingChange): Changes {
  const changes: Changes = {}
  const { packages, ...fields } = pending.differences
  for (const [key, d] of Object.entries(fields)) if (d) changes[key] = { from: d.live ?? null, to: d.proposed ?? null }
  // Package budgets are summed in `budget` already; pacing and bid prices are per package.
  for (const p of packages ?? [])
    for (const term of ['pacing', 'bidPrice'] as const) {
      const d = p[term]
      if (d) changes[`packages.${p.packageId}.${term}`] = { from: d.live ?? null, to: d.proposed ?? null }
    }
  return changes
}

export function recordProposalOutcome(
  ctx: Ctx,
  buy: MediaBuyRow,
  pending: StoredPendingChange,
  status: 'APPROVED' | 'REJECTED',
  reason: string | null,
): void {
  const now = ctx.clock.nowIso()
  if (pending.proposalId)
    ctx.db
      .prepare(
        "UPDATE update_proposals SET status = ?, rejection_reason = ?, resolved_at = ? WHERE id = ? AND status = 'PENDING'",
      )
      .run(status, status === 'REJECTED' ? (reason ?? 'The seller refused the change') : null, now, pending.proposalId)
  const seller = sellerActor(buy.sales_agent_id)
  const approved = status === 'APPROVED'
  recordAudit(ctx, {
    action: 'UPDATE',
    resourceType: 'MEDIA_BUY',
    resourceId: buy.id,
    resourceName: buy.name,
    parentType: 'CAMPAIGN',
    campaignId: buy.campaign_id,
    actor: seller,
    outcome: approved ? 'succeeded' : 'denied',
    parameters: pending.proposalId ? { updateProposalId: pending.proposalId } : null,
    changes: pendingChanges(pending),
    description: approved
      ? `${seller.serviceTokenName} approved the pending change; it is live`
      : `${seller.serviceTokenName} refused the pending change${reason ? `: ${reason}` : ''}`,
  })
  notify(ctx, {
    type: approved ? 'media_buy_update_proposal.approved' : 'media_buy_update_proposal.rejected',
    status: approved ? 'success' : 'error',
    campaignId: buy.campaign_id,
    mediaBuyId: buy.id,
    message: approved
      ? `${seller.serviceTokenName} approved the change to ${buy.name}`
      : `${seller.serviceTokenName} refused the change to ${buy.name}${reason ? `: ${reason}` : ''}`,
    dedupeKey: pending.proposalId ? `proposal:${pending.proposalId}` : undefined,
  })
}

/** A buy that ends (archived, canceled) takes its waiting proposal with it: nothing is left for the seller to approve. */
export function closeProposal(ctx: Ctx, buy: MediaBuyRow, reason: string): void {
  const pending = parseJson<StoredPendingChange>(buy.pending_change_json)
  if (!pending?.proposalId) return
  ctx.db
    .prepare(
      "UPDATE update_proposals SET status = 'REJECTED', rejection_reason = ?, resolved_at = ? WHERE id = ? AND status = 'PENDING'",
    )
    .run(reason, ctx.clock.nowIso(), pending.proposalId)
}

function proposalRow(ctx: Ctx, id: string): ProposalRow {
  const row = ctx.db.prepare<[string], ProposalRow>('SELECT * FROM update_proposals WHERE id = ?').get(id)
  if (!row) throw notFound('Update proposal', 'id')
  return row
}

/** The buy a proposal belongs to, if both exist. */
export function proposalBuy(ctx: Ctx, id: string): MediaBuyRow | undefined {
  const row = ctx.db.prepare<[string], ProposalRow>('SELECT * FROM update_proposals WHERE id = ?').get(id)
  return row ? ctx.store.buy(row.media_buy_id) : undefined
}

export function getProposal(ctx: Ctx, id: string): UpdateProposal {
  const row = proposalRow(ctx, id)
  return {
    id: row.id,
    status: row.status,
    mediaBuyId: row.media_buy_id,
    ...(row.rejection_reason ? { rejectionReason: row.rejection_reason } : {}),
    ...(row.resolved_at ? { resolvedAt: row.resolved_at } : {}),
  }
}

/** DELETE /update-proposals/{id}: the buyer takes a PENDING change back; 409 once the seller has decided. */
export function withdrawProposal(ctx: Ctx, id: string): void {
  ctx.db.transaction(() => {
    const row = proposalRow(ctx, id)
    if (row.status !== 'PENDING')
      throw new ApiError(409, 'CONFLICT', `The update proposal is already ${row.status}`, 'id')
    const now = ctx.clock.nowIso()
    ctx.db
      .prepare("UPDATE update_proposals SET status = 'REJECTED', rejection_reason = ?, resolved_at = ? WHERE id = ?")
      .run('Withdrawn by the buyer', now, id)
    const buy = ctx.store.buy(row.media_buy_id)
    const pending = buy ? parseJson<StoredPendingChange>(buy.pending_change_json) : undefined
    if (!buy || pending?.proposalId !== id) return
    ctx.store.update('media_buys', buy.id, { pending_change_json: null, pending_change_status: null })
    ctx.store.touchBuy(buy.id, now)
    ctx.store.touchCampaign(buy.campaign_id, now)
    recordAudit(ctx, {
      action: 'UPDATE',
      resourceType: 'MEDIA_BUY',
      resourceId: buy.id,
      resourceName: buy.name,
      parentType: 'CAMPAIGN',
      campaignId: buy.campaign_id,
      actor: BUYER,
      outcome: 'succeeded',
      parameters: { updateProposalId: id },
      changes: Object.fromEntries(
        Object.entries(pendingChanges(pending)).map(([k, v]) => [`pendingChange.${k}`, { from: v.to, to: null }]),
      ),
      description: 'Withdrew the pending change; the live values stay',
    })
  })()
}
