import type { Ctx } from '../context.ts'
import { HOUR } from '../clock.ts'
import { drainOutbox } from './outbox.ts'
import { syncWithSellers } from './seller-sync.ts'

/** How often a waiting outbox entry is looked at; its own backoff decides whether it is sent. */
const RETRY_POLL_MS = 250
/** Reconciliation runs at most once per simulated hour, and never more than every few real seconds. */
const SYNC_EVERY_SIM_MS = HOUR
const SYNC_EVERY_WALL_MS = 5_000

export interface Upkeep {
  /** After a clock step: deliver what is waiting, and reconcile with the sellers when it is time. */
  afterTick(): void
  /** Resolves when the start-up work (recovery, delivery, reconciliation) is done. */
  started: Promise<void>
  stop(): void
}

/**
 * Keeps platform and sellers together: on start it finishes what a previous process left (after `recovered`), then
 * drains the outbox and reconciles; a timer retries waiting deliveries; every clock step drains and now and then
 * reconciles again.
 */
export function startUpkeep(ctx: Ctx, recovered: Promise<void>): Upkeep {
  let stopped = false
  let lastSim = 0
  let lastWall = 0
  let syncing: Promise<unknown> | undefined
  const guard = (work: Promise<unknown>) =>
    work.catch((error: unknown) => {
      if (!stopped && ctx.db.open) console.error('[sandbox] upkeep failed', error)
    })
  const sync = () => {
    if (stopped || syncing) return syncing
    lastSim = ctx.clock.now().getTime()
    lastWall = Date.now()
    syncing = guard(syncWithSellers(ctx)).finally(() => {
      syncing = undefined
    })
    return syncing
  }
  const started = guard(recovered.then(() => drainOutbox(ctx, { force: true })).then(() => sync())).then(
    () => undefined,
  )
  const timer = setInterval(() => {
    if (!stopped) void guard(drainOutbox(ctx))
  }, RETRY_POLL_MS)
  timer.unref()
  return {
    started,
    afterTick: () => {
      if (stopped) return
      void guard(drainOutbox(ctx, { force: true }))
      if (ctx.clock.now().getTime() - lastSim >= SYNC_EVERY_SIM_MS && Date.now() - lastWall >= SYNC_EVERY_WALL_MS)
        void sync()
    },
    stop: () => {
      stopped = true
      clearInterval(timer)
    },
  }
}
