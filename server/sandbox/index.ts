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
import type { Ctx } from './context.ts'
import { requireBearer } from './http/auth.ts'
import { onError, onNotFound } from './http/respond.ts'
import { advertiserRoutes } from './routes/advertisers.ts'
import { campaignRoutes } from './routes/campaigns.ts'
import { mediaBuyRoutes } from './routes/media-buys.ts'
import { reportingRoutes } from './routes/reporting.ts'
import { controlApp } from './routes/control.ts'
import { agentFaultRoutes } from './routes/agent-faults.ts'
import { seedDemo, type SeedOptions } from './seed/demo.ts'
import { clearCampaignCache } from './services/campaign-cache.ts'

export type { SeedOptions } from './seed/demo.ts'
export type { AgentTransport } from './agents/adcp.ts'

export interface Sandbox {
  /** Mounted at /api/v2/buyer; routes are relative (api.get('/campaigns')). */
  api: Hono
  /** Sandbox-only routes, mounted at /sandbox: POST /reset, POST /tick, POST /webhooks/adcp, GET /state. */
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
  /** Real milliseconds between automatic ticks, and the simulated time each one covers. */
  autoIntervalMs?: number
  autoStepMs?: number
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
    agents.set(profile.id, new SimulatedAgent(profile, db, clock, ids, (productId) => {
      const p = PRODUCTS.find((x) => x.id === productId)
      return { cpm: p?.cpm ?? 8, ctr: p?.ctr ?? 0.002, video: p ? p.formats.some((f) => f.startsWith('video')) : false }
    }))
  // Every request the buyer API makes of a seller goes over MCP to that seller's loopback server; the in-process
  // transport is kept for the seed and the clock, which replay history inside one synchronous transaction.
  const mcp = new McpTransport(agents)
  const ctx: Ctx = { db, store, clock, ids, agents, transport: mcp, local, webhookUrl: WEBHOOK_PATH, webhookToken: 'whk_sandbox_local' }
  if (isEmpty(db)) seedDemo(ctx, opts.seed)

  const tick = (ms: number) => advanceClock(ctx, ms)
  const reset = () => {
    clearCampaignCache(ctx)
    wipe(db)
    seedDemo(ctx, opts.seed)
  }

  const api = new Hono()
  api.onError(onError)
  api.notFound(onNotFound)
  api.use('*', requireBearer)
  advertiserRoutes(api, ctx)
  campaignRoutes(api, ctx)
  mediaBuyRoutes(api, ctx)
  reportingRoutes(api, ctx)

  const control = controlApp({ ctx, reset, tick })
  control.route('/agents', agentFaultRoutes(mcp))

  let timer: NodeJS.Timeout | undefined
  if (opts.clock === 'auto') {
    // Each real interval moves the world on by a larger simulated step, so approvals and delivery visibly happen
    // during a demo (defaults: every 5 s, 30 simulated minutes).
    const step = opts.autoStepMs ?? 30 * 60_000
    timer = setInterval(() => {
      try {
        tick(step)
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
      db.close()
      return mcp.close()
    },
  }
}
