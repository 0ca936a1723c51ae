import type { Ctx } from '../context.ts'
import { DAY, HOUR } from '../clock.ts'
import type { CampaignRow, MediaBuyRow } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { combineFigures, planFigures, toPacingKind, type PacingFigures } from '../../../src/domain/pacing.ts'
import { proposeScaling } from '../../../src/domain/optimization.ts'
import { SUGGESTION_WAITING, type PacingRecommendation } from '../../../src/api/schemas/optimization-suggestion.ts'
import { notify } from './notifications.ts'
import { applySuggestion } from './optimizer-decisions.ts'
import { expire, suggestionRow } from './optimizer-suggestions.ts'

// A small optimizer on the sandbox clock (CONTRACT D12). Every few simulated hours it looks at each live buy: one
// pacing outside ±20 % of its plan gets a suggestion that scales its budget, which waits for the buyer (HIL_WAITING)
// and expires when nobody decides. An approved one is applied through PUT's own path, so it shows in History and,
// on an ACTIVE buy, as a pending change; a campaign in AUTO apply mode has it applied at once.

/** How often the optimizer runs, in simulated time. */
export const OPTIMIZER_EVERY_MS = 6 * HOUR
/** A waiting suggestion expires after this long. */
export const SUGGESTION_TTL_MS = 2 * DAY
/** After a suggestion for a buy is decided or expires, the buy is left alone this long. */
export const SUGGESTION_COOLDOWN_MS = DAY
const METRIC = 'spend_pacing'

/** A version-4 UUID from the sandbox's id source, so a seeded demo gets the same ids on every reset. */
function uuid(ctx: Ctx): string {
  const hex = ctx.ids
    .token(32)
    .split('')
    .map((c) => (c.charCodeAt(0) % 16).toString(16))
  hex[12] = '4'
  hex[16] = ((parseInt(hex[16], 16) % 4) + 8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

const time = (iso: string | null | undefined) => (iso && iso !== 'asap' ? new Date(iso) : undefined)

/** A live buy's pacing figures from its packages, and the span of its flight. */
export function buyPacingFigures(
  ctx: Ctx,
  campaign: CampaignRow,
  buy: MediaBuyRow,
  now: Date,
): { figures: PacingFigures; flight: { start: Date; end: Date } } | null {
  const packages = ctx.store.packagesOf(buy.id).filter((p) => p.status !== 'canceled' && (p.budget ?? 0) > 0)
  const buyStart = time(buy.start_time) ?? new Date(campaign.flight_start)
  const buyEnd = time(buy.end_time) ?? new Date(campaign.flight_end)
  const parts: PacingFigures[] = []
  let start = buyEnd
  let end = buyStart
  for (const p of packages) {
    const s = time(p.start_time) ?? buyStart
    const e = time(p.end_time) ?? buyEnd
    if (e <= s) continue
    if (s < start) start = s
    if (e > end) end = e
    parts.push(
      planFigures({ flight: { start: s, end: e }, budget: p.budget!, pacing: toPacingKind(p.pacing) }, p.spend, now),
    )
  }
  const figures = combineFigures(parts)
  return figures ? { figures, flight: { start, end } } : null
}

/** Runs the optimizer when it is due; the clock calls it after each step, inside the step's transaction. */
export function runOptimizerIfDue(ctx: Ctx): void {
  const now = ctx.clock.now()
  const last = ctx.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'optimizer_run_at'").get()
  if (last && now.getTime() - Date.parse(last.value) < OPTIMIZER_EVERY_MS) {
    expire(ctx, now.toISOString())
    return
  }
  ctx.db
    .prepare(
      "INSERT INTO meta (key, value) VALUES ('optimizer_run_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )
    .run(now.toISOString())
  runOptimizer(ctx)
}

/** One optimizer run at the clock's now: expires what waited too long, then proposes for every buy that needs it. */
export function runOptimizer(ctx: Ctx): string[] {
  const now = ctx.clock.now()
  const nowIso = now.toISOString()
  expire(ctx, nowIso)
  const runId = `run_${nowIso.replace(/\D/g, '').slice(0, 14)}`
  const cooldownSince = new Date(now.getTime() - SUGGESTION_COOLDOWN_MS).toISOString()
  const buys = ctx.db
    .prepare<[string, string], MediaBuyRow>(
      `SELECT b.* FROM media_buys b JOIN campaigns c ON c.id = b.campaign_id
       WHERE b.status = 'ACTIVE' AND c.status = 'ACTIVE' AND b.pending_change_json IS NULL
         AND COALESCE(b.adcp_status, '') != 'pending_start'
         AND NOT EXISTS (SELECT 1 FROM optimization_suggestions s WHERE s.media_buy_id = b.id
           AND (s.status = ? OR s.status_updated_at > ?))
       ORDER BY c.seq, b.position`,
    )
    .all(SUGGESTION_WAITING, cooldownSince)
  const created: string[] = []
  for (const buy of buys) {
    const campaign = ctx.store.campaign(buy.campaign_id)!
    const pacing = buyPacingFigures(ctx, campaign, buy, now)
    const proposal = pacing && proposeScaling(pacing.figures, pacing.flight, now)
    if (!proposal) continue
    const id = uuid(ctx)
    const seq =
      (ctx.db.prepare<[], { n: number | null }>('SELECT MAX(seq) AS n FROM optimization_suggestions').get()!.n ?? 0) + 1
    const recommendation: PacingRecommendation = {
      status: proposal.status,
      errorRatio: proposal.errorRatio,
      currentDailyRate: proposal.currentDailyRate,
      recommendedDailySpend: proposal.recommendedDailySpend,
      message: proposal.message,
    }
    ctx.store.insert('optimization_suggestions', {
      id,
      seq,
      optimizer_run_id: runId,
      campaign_id: campaign.id,
      media_buy_id: buy.id,
      optimization_metric: metricOf(buy),
      scaling_factor: proposal.factor,
      scaling_rationale: proposal.rationale,
      pacing_json: JSON.stringify(recommendation),
      status: SUGGESTION_WAITING,
      status_reason: null,
      status_error: null,
      expires_at: new Date(now.getTime() + SUGGESTION_TTL_MS).toISOString(),
      created_at: nowIso,
      status_updated_at: nowIso,
    })
    created.push(id)
    if (campaign.optimization_apply_mode === 'AUTO') {
      applySuggestion(ctx, suggestionRow(ctx, id), 'autonomous')
      continue
    }
    notify(ctx, {
      type: 'optimization.suggestion_received',
      status: 'info',
      campaignId: campaign.id,
      mediaBuyId: buy.id,
      message: `Suggestion for ${buy.name}: scale its budget by ${proposal.factor}. ${proposal.rationale}`,
      dedupeKey: `suggestion:${id}`,
    })
  }
  return created
}

function metricOf(buy: MediaBuyRow): string {
  const goals = parseJson<{ kind?: string; metric?: string; event_sources?: { event_type?: string }[] }[]>(
    buy.optimization_goals_json,
  )
  const first = goals?.[0]
  return first?.metric ?? first?.event_sources?.[0]?.event_type ?? METRIC
}
