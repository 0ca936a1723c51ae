import { Hono } from 'hono'
import { openDatabase, isEmpty } from './db/open.ts'
import { wipe } from './db/wipe.ts'
import { createClock } from './clock.ts'
import { createIds } from './ids.ts'
import { storeFor } from './repo/store.ts'
import { AGENTS, PRODUCTS } from './agents/catalog.ts'
import { SimulatedAgent } from './agents/simulated-agent.ts'
import { InProcessTransport } from './agents/transport.ts'
import { McpTransport } from './agents/mcp-transport.ts'
import { advanceClock } from './agents/simulation.ts'
import { AGENT_DELIVERY } from './agents/delivery.ts'
import type { Ctx } from './context.ts'
import { requireBearer } from './http/auth.ts'
import { createRateLimiter } from './http/rate-limit.ts'
import { onError, onNotFound } from './http/respond.ts'
import { advertiserRoutes } from './routes/advertisers.ts'
import { campaignRoutes } from './routes/campaigns.ts'
import { mediaBuyRoutes } from './routes/media-buys.ts'
import { reportingRoutes } from './routes/reporting.ts'
import { activityRoutes } from './routes/activity.ts'
import { controlApp } from './routes/control.ts'
import { agentFaultRoutes } from './routes/agent-faults.ts'
import { seedDemo, type SeedOptions } from './seed/demo.ts'
import { clearCampaignCache } from './services/campaign-cache.ts'
import { releaseStaleClaims } from './services/dispatches.ts'
import { startDispatchRecovery } from './services/execute.ts'
import { startUpkeep } from './services/upkeep.ts'

export type { SeedOptions } from './seed/demo.ts'
export type { AgentTransport } from './agents/adcp.ts'

export interface Sandbox {
  /** Mounted at /api/v2/buyer; routes are relative (api.get('/campaigns')). */
  api: Hono
  /** Sandbox-only routes, mounted at /sandbox: POST /reset, POST /tick, POST /webhooks/adcp, GET /state, /rate-limit. */
  control: Hono
  /** Advances the simulated clock: sellers act, delivery accrues. */
  tick(ms: number): void
  /** Resolves once every simulated seller's MCP server listens on its loopback port. */
  ready(): Promise<void>
  /** Stops the clock, closes the database, and starts closing the sellers' servers (the promise says when done). */
  close(): Promise<void>
}

export interface SandboxOptions {
  dbFile: string
  reset?: boolean
  clock: 'auto' | 'manual'
  seed?: SeedOptions
  /** Real milliseconds between automatic ticks; each tick brings "now" up to the wall clock. */
  autoIntervalMs?: number
  /** Auto clock only: how much faster than real time sellers act (default SANDBOX_SPEED, else 60). */
  speed?: number
  /** The wall clock the auto mode follows and the rate limit counts by (tests pass a fake). */
  wallClock?: () => number
  /** Buyer-API requests per rolling minute per client (SANDBOX_RATE_LIMIT); omitted or 0: no limit. */
  rateLimit?: number
}

const DEFAULT_SPEED = 60

function speedFrom(value: string | undefined): number {
  const n = Number(value)
  return value && Number.isFinite(n) && n > 0 ? n : DEFAULT_SPEED
}

const WEBHOOK_PATH = '/sandbox/webhooks/adcp'

export function createSandbox(opts: SandboxOptions): Sandbox {
  const db = openDatabase(opts.dbFile, opts.reset === true)
  const clock = createClock(db)
  const ids = createIds()
  const store = storeFor(db)
  const agents = new Map<string, SimulatedAgent>()
  const local = new InProcessTransport(agents, clock)
  for (const profile of AGENTS)
    agents.set(
      profile.id,
      new SimulatedAgent(profile, db, clock, ids, (productId) => {
        const p = PRODUCTS.find((x) => x.id === productId)
        const seller = p ? AGENT_DELIVERY[p.agentId] : undefined
        return {
          cpm: p?.cpm ?? 8,
          ctr: p?.ctr ?? 0.002,
          video: p ? p.formats.some((f) => f.startsWith('video')) : false,
          ...seller,
        }
      }),
    )
  // Every request the buyer API makes of a seller goes over MCP to that seller's loopback server; the in-process
  // transport is kept for the seed and the clock, which replay history inside one synchronous transaction.
  const mcp = new McpTransport(agents)
  const ctx: Ctx = {
    db,
    store,
    clock,
    ids,
    agents,
    transport: mcp,
    local,
    webhookUrl: WEBHOOK_PATH,
    webhookToken: 'whk_sandbox_local',
  }
  if (isEmpty(db)) seedDemo(ctx, opts.seed)
  // A previous process may have died mid-execute: its claims go, and its unanswered dispatches are looked up.
  releaseStaleClaims(ctx)
  const upkeep = startUpkeep(ctx, startDispatchRecovery(ctx, mcp.whenReady()))

  const tick = (ms: number) => {
    advanceClock(ctx, ms)
    upkeep.afterTick()
  }
  const rateLimit = createRateLimiter({ limit: opts.rateLimit ?? 0, now: opts.wallClock })
  const reset = () => {
    rateLimit.reset()
    clearCampaignCache(ctx)
    wipe(db)
    // History replays at real seller speed whatever the auto clock's speed; the demo speeds up from now on.
    const speed = clock.speed()
    clock.setSpeed(1)
    seedDemo(ctx, opts.seed)
    clock.setSpeed(speed)
  }

  const api = new Hono()
  api.onError(onError)
  api.notFound(onNotFound)
  // Counted before authentication: the platform limits by IP, whatever the request carries.
  api.use('*', rateLimit.middleware)
  api.use('*', requireBearer)
  advertiserRoutes(api, ctx)
  campaignRoutes(api, ctx)
  mediaBuyRoutes(api, ctx)
  reportingRoutes(api, ctx)
  activityRoutes(api, ctx)

  const control = controlApp({ ctx, reset, tick, rateLimit })
  control.route('/agents', agentFaultRoutes(mcp))

  let timer: NodeJS.Timeout | undefined
  if (opts.clock === 'auto') {
    // The simulated "now" follows the wall clock, so what the browser shows as today is the sandbox's today. On start
    // it catches up from the stored now (a server that was down missed that time); it never runs backwards. Sellers
    // act SANDBOX_SPEED times faster than they would in reality, so a 30-minute review takes 30 s in a demo.
    const wall = opts.wallClock ?? Date.now
    const catchUp = () => {
      const behind = wall() - clock.now().getTime()
      if (behind > 0) tick(behind)
    }
    catchUp()
    clock.setSpeed(opts.speed ?? speedFrom(process.env.SANDBOX_SPEED))
    timer = setInterval(() => {
      try {
        catchUp()
      } catch (error) {
        console.error('[sandbox] tick failed', error)
      }
    }, opts.autoIntervalMs ?? 5_000)
    timer.unref()
  }

  return {
    api,
    control,
    tick,
    ready: () => mcp.whenReady(),
    close: () => {
      if (timer) clearInterval(timer)
      upkeep.stop()
      db.close()
      return mcp.close()
    },
  }
}
