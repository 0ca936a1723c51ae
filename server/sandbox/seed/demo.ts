import type { Ctx } from '../context.ts'
import { DAY, HOUR, startOfUtcDay } from '../clock.ts'
import { insertCatalog } from '../agents/catalog.ts'
import { advanceClock } from '../agents/simulation.ts'
import { createCampaign } from '../services/campaigns.ts'
import { reconcileSelectedProducts } from '../services/reconcile.ts'
import { executeCampaignNow } from '../services/execute.ts'
import { cascadeNow } from '../services/cascade.ts'
import { notifyAgentsNow, updateCampaign } from '../services/update.ts'
import { moveBuy } from '../services/transitions.ts'
import { runOptimizer } from '../services/optimizer.ts'
import { approveSuggestion } from '../services/optimizer-decisions.ts'
import { listSuggestions } from '../services/optimizer-suggestions.ts'
import { DEMO_ADVERTISERS, insertAdvertisers } from './advertisers.ts'
import { linkCreatives } from './creatives.ts'
import { seedPropertyLists } from './property-lists.ts'
import { campaignIdOf, SCENARIOS, type Scenario, type ScenarioLookup, type Step } from './scenarios.ts'
import { OLD_HARBOR } from './scenarios-advertisers.ts'

export interface SeedOptions {
  /** The PRNG seed for ids; the same seed gives the same account. */
  seed?: number
  /** "Now" at the end of seeding; defaults to the real current time. */
  now?: Date
}

const HISTORY_DAYS = 60
const REPLAY_STEP = 6 * HOUR

/**
 * The demo account. History is not written as rows: it is replayed through the real services from sixty days ago to
 * now (campaigns created, executed, edited, paused), with the sellers acting and delivering on the simulated clock.
 */
export function seedDemo(ctx: Ctx, options: SeedOptions = {}): void {
  const end = options.now ?? new Date()
  const today = startOfUtcDay(end)
  ctx.ids.useSeed(options.seed ?? 20260601)
  ctx.db.transaction(() => {
    ctx.clock.set(new Date(end.getTime() - HISTORY_DAYS * DAY))
    insertCatalog(ctx.db)
    insertAdvertisers(ctx, DEMO_ADVERTISERS, ctx.clock.nowIso())
    const events: { at: number; scenario: Scenario; step: Step | 'create' }[] = []
    for (const s of SCENARIOS) {
      events.push({ at: s.created, scenario: s, step: 'create' })
      for (const step of s.steps) events.push({ at: step.at, scenario: s, step })
    }
    events.sort((a, b) => a.at - b.at)
    for (const event of events) {
      const when = end.getTime() + event.at * DAY
      advanceClock(ctx, when - ctx.clock.now().getTime(), REPLAY_STEP)
      if (event.step === 'create') create(ctx, event.scenario, today)
      else run(ctx, event.scenario, event.step, today)
    }
    advanceClock(ctx, end.getTime() - ctx.clock.now().getTime(), REPLAY_STEP)
    ctx.clock.set(end)
    seedPropertyLists(ctx, new Date(end.getTime() - 20 * DAY).toISOString())
  })()
  ctx.ids.useSeed(undefined)
}

function dayIso(today: Date, days: number): string {
  return new Date(today.getTime() + days * DAY).toISOString().replace('.000Z', 'Z')
}

function create(ctx: Ctx, s: Scenario, today: Date): void {
  const [from, to] = s.flight
  const pacingPeriods = s.paced ? quarters(today, from, to) : undefined
  ctx.ids.nextCampaignId(campaignIdOf(s.n))
  const { campaignId } = createCampaign(ctx, {
    advertiserId: s.advertiser,
    name: s.name,
    mode: s.mode ?? 'discovery',
    brief: s.brief,
    flightDates: { startDate: dayIso(today, from), endDate: dayIso(today, to) },
    budget: { total: s.budget },
    productIds: s.products.map(([id]) => id),
    pacingPeriods,
    ...(s.mode === 'performance'
      ? {
          performanceConfig: {
            optimizationGoals: [
              {
                kind: 'event',
                eventSources: [{ eventSourceId: 'es_lumen_web', eventType: 'complete_registration' }],
                target: { kind: 'cost_per', value: 45 },
              },
            ],
          },
        }
      : {}),
  })
  for (const [productId, budget] of s.products)
    ctx.db
      .prepare('UPDATE campaign_products SET budget = ? WHERE campaign_id = ? AND product_id = ?')
      .run(budget, campaignId, productId)
  linkCreatives(ctx, campaignId, s.name.split(' — ')[0], s.creatives, ctx.clock.nowIso())
}

function run(ctx: Ctx, s: Scenario, step: Step, today: Date): void {
  const id = campaignIdOf(s.n)
  switch (step.op) {
    case 'reconcile':
      reconcileSelectedProducts(ctx, ctx.store.campaign(id)!)
      return
    case 'execute':
      executeCampaignNow(ctx, id)
      return
    case 'pause':
    case 'reactivate':
      cascadeNow(ctx, id, step.op)
      return
    case 'archive':
      for (const buy of ctx.store.buysOf(id)) if (buy.status !== 'ARCHIVED') moveBuy(ctx, buy, 'ARCHIVED')
      ctx.store.update('campaigns', id, { status: 'ARCHIVED' })
      ctx.store.touchCampaign(id, ctx.clock.nowIso())
      if (s.advertiser === OLD_HARBOR)
        ctx.store.update('advertisers', OLD_HARBOR, { status: 'ARCHIVED', updated_at: ctx.clock.nowIso() })
      return
    case 'put': {
      const { notices } = updateCampaign(ctx, id, step.body(lookup(ctx, id, s, today)))
      notifyAgentsNow(ctx, notices)
      return
    }
    case 'approve-suggestion': {
      const waiting = () => listSuggestions(ctx, { campaignId: id, status: 'HIL_WAITING', limit: 1, offset: 0 })
      if (waiting().suggestions.length === 0) runOptimizer(ctx)
      const [suggestion] = waiting().suggestions
      if (!suggestion) throw new Error(`demo scenario ${s.n}: no suggestion to approve`)
      notifyAgentsNow(ctx, approveSuggestion(ctx, suggestion.suggestionId).notices)
    }
  }
}

function lookup(ctx: Ctx, campaignId: string, s: Scenario, today: Date): ScenarioLookup {
  const buyOf = (agentId: string) => {
    const buy = ctx.store.buysOf(campaignId).find((b) => b.sales_agent_id === agentId && b.status !== 'ARCHIVED')
    if (!buy) throw new Error(`demo scenario ${s.n}: no buy for ${agentId}`)
    return buy.id
  }
  return {
    buyOf,
    packagesOf: (agentId) => ctx.store.packagesOf(buyOf(agentId)).map((p) => ({ id: p.id, budget: p.budget ?? 0 })),
    creatives: () => ctx.store.creativesOf(campaignId).map((c) => ({ id: c.id, kind: c.format_kind })),
    flightEnd: (shift) => dayIso(today, s.flight[1] + shift),
  }
}

/** Four pacing periods over the flight, weighted so the second carries the heaviest share. */
function quarters(today: Date, from: number, to: number) {
  const weights = [1, 1.5, 1, 0.75]
  const length = (to - from) / 4
  const date = (d: number) => new Date(today.getTime() + d * DAY).toISOString().slice(0, 10)
  return {
    mode: 'weight' as const,
    periods: weights.map((weight, i) => {
      const a = from + Math.round(i * length)
      const b = from + Math.round((i + 1) * length) - 1
      return { label: `Phase ${i + 1}`, start: date(a), end: date(b), weight }
    }),
  }
}
