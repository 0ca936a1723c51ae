import type { Ctx } from '../context.ts'
import type { CampaignRow, MediaBuyProductRow, MediaBuyRow, PackageSlim, StoredPendingChange } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import type { UpdateCampaignBody } from '../../../src/api/schemas/update.ts'
import type { AuditAction } from '../../../src/api/schemas/audit-log.ts'
import { recordAudit, type Actor, type Changes } from './audit.ts'
import { loadGraph, type CampaignGraph } from './views.ts'
import { pendingChanges } from './update-proposals.ts'

// The history rows of one accepted PUT /campaigns/{id}: what changed, read from the rows before and after it inside
// its transaction, so D3's scaled budgets and D6's pending versions are recorded as well as what the body named.

type Field<Row> = [path: string, column: keyof Row, json?: boolean]

const CAMPAIGN_FIELDS: Field<CampaignRow>[] = [
  ['name', 'name'],
  ['brief', 'brief'],
  ['budget.total', 'budget_total'],
  ['budget.dailyCap', 'daily_cap'],
  ['budget.pacing', 'budget_pacing'],
  ['flightDates.startDate', 'flight_start'],
  ['flightDates.endDate', 'flight_end'],
  ['frequencyCaps', 'frequency_caps_json', true],
  ['pacingPeriods', 'pacing_periods_json', true],
]

const BUY_FIELDS: Field<MediaBuyRow>[] = [
  ['name', 'name'],
  ['status', 'status'],
  ['startTime', 'start_time'],
  ['endTime', 'end_time'],
  ['creativeIds', 'creative_ids_json', true],
  ['optimizationGoals', 'optimization_goals_json', true],
  ['pacingPeriods', 'pacing_periods_json', true],
]

const PACKAGE_FIELDS: Field<PackageSlim>[] = [
  ['status', 'status'],
  ['budget', 'budget'],
  ['pacing', 'pacing'],
  ['bidPrice', 'bid_price'],
  ['startTime', 'start_time'],
  ['endTime', 'end_time'],
]

const PRODUCT_FIELDS: Field<MediaBuyProductRow>[] = [
  ['budget', 'budget'],
  ['pacing', 'pacing'],
  ['bidPrice', 'bid_price'],
]

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

function diff<Row>(
  out: Changes,
  prefix: string,
  fields: Field<Row>[],
  before: Row | undefined,
  after: Row | undefined,
) {
  for (const [path, column, json] of fields) {
    const read = (row: Row | undefined) => {
      const value = row?.[column] ?? null
      return json && typeof value === 'string' ? (JSON.parse(value) as unknown) : value
    }
    const from = read(before)
    const to = read(after)
    if (!same(from, to)) out[`${prefix}${path}`] = { from, to }
  }
}

function diffMany<Row>(
  out: Changes,
  prefix: string,
  fields: Field<Row>[],
  before: Row[],
  after: Row[],
  key: (row: Row) => string,
) {
  const old = new Map(before.map((r) => [key(r), r]))
  const now = new Map(after.map((r) => [key(r), r]))
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(id)
    const b = now.get(id)
    if (!a || !b) out[`${prefix}${id}`] = { from: a ? 'present' : null, to: b ? 'present' : null }
    else diff(out, `${prefix}${id}.`, fields, a, b)
  }
}

const ACTIONS: Record<string, AuditAction> = { update: 'UPDATE', cancel: 'DELETE', delete: 'ARCHIVE' }
const VERBS: Record<string, string> = { update: 'Updated', cancel: 'Canceled', delete: 'Archived' }

export function auditCampaignUpdate(
  ctx: Ctx,
  before: CampaignGraph,
  body: UpdateCampaignBody,
  actor: Actor,
  parameters: Record<string, unknown> = {},
): void {
  const campaign = ctx.store.campaign(before.campaign.id)!
  const after = loadGraph(ctx, campaign)
  const { mediaBuys, ...campaignFields } = body
  const campaignChanges: Changes = {}
  diff(campaignChanges, '', CAMPAIGN_FIELDS, before.campaign, campaign)
  if (Object.keys(campaignChanges).length)
    recordAudit(ctx, {
      action: 'UPDATE',
      resourceType: 'CAMPAIGN',
      resourceId: campaign.id,
      resourceName: campaign.name,
      campaignId: campaign.id,
      actor,
      outcome: 'succeeded',
      parameters: { ...parameters, request: campaignFields },
      changes: campaignChanges,
      description: `Updated the campaign: ${Object.keys(campaignChanges).join(', ')}`,
    })

  const entries = new Map((mediaBuys ?? []).map((e) => [e.mediaBuyId, e]))
  for (const old of before.buys) {
    const now = after.buys.find((b) => b.id === old.id)
    const entry = entries.get(old.id)
    const changes: Changes = {}
    diff(changes, '', BUY_FIELDS, old, now)
    diffMany(
      changes,
      'products.',
      PRODUCT_FIELDS,
      before.buyProducts.get(old.id) ?? [],
      after.buyProducts.get(old.id) ?? [],
      (p) => p.product_id,
    )
    diffMany(
      changes,
      'packages.',
      PACKAGE_FIELDS,
      before.packages.get(old.id) ?? [],
      after.packages.get(old.id) ?? [],
      (p) => p.id,
    )
    const pending = now ? parseJson<StoredPendingChange>(now.pending_change_json) : undefined
    const proposed = pending && now?.pending_change_json !== old.pending_change_json
    if (proposed)
      for (const [key, value] of Object.entries(pendingChanges(pending))) changes[`pendingChange.${key}`] = value
    if (!entry && !Object.keys(changes).length) continue
    const kind = entry?.action ?? 'update'
    const name = now?.name ?? old.name
    const what = Object.keys(changes)
    recordAudit(ctx, {
      action: ACTIONS[kind],
      resourceType: 'MEDIA_BUY',
      resourceId: old.id,
      resourceName: name,
      parentType: 'CAMPAIGN',
      campaignId: campaign.id,
      actor,
      outcome: 'succeeded',
      parameters: {
        ...parameters,
        ...(entry ? { request: entry } : { scaledWithCampaignBudget: true }),
        ...(proposed ? { pendingChange: true, updateProposalId: pending.proposalId } : {}),
      },
      changes,
      description: entry
        ? `${VERBS[kind]} ${name}${what.length ? `: ${what.join(', ')}` : ''}${proposed ? ' (waits for the seller as a pending change)' : ''}`
        : `Scaled ${name} with the campaign budget: ${what.join(', ')}`,
    })
  }
}
