import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { accrueDelivery, AGENT_DELIVERY, plannedShare, type Rates } from '../agents/delivery.ts'
import type { Order } from '../agents/order.ts'
import { createSandbox } from '../index.ts'
import { DAY, HOUR, NOW, openSandbox } from './helpers.ts'

const START = new Date('2026-11-02T00:00:00Z') // a Monday
const END = new Date(START.getTime() + 10 * DAY)

function order(pacing: string, budget = 10_000): Order {
  return {
    id: 'o1',
    buyerRef: 'mb_1',
    status: 'active',
    nextActionAt: null,
    state: {
      createTaskId: 't',
      push: { url: '/x' },
      currency: 'USD',
      startTime: START.toISOString(),
      endTime: END.toISOString(),
      paused: false,
      replyPending: false,
      pendingUpdates: [],
      unreported: {},
      packages: [
        {
          package_id: 'p1',
          buyer_ref: 'mb_1:1',
          product_id: 'prod',
          budget,
          pacing,
          paused: false,
          canceled: false,
          spent: 0,
          impressions: 0,
          clicks: 0,
          conversions: 0,
        },
      ],
    },
  }
}

/** Runs the seller's delivery hour by hour until `until`; returns spend per day. */
function run(o: Order, rates: Rates, until = END.getTime() + 2 * DAY): Map<string, number> {
  for (let t = START.getTime(); t < until; t += HOUR) accrueDelivery(o, new Date(t), new Date(t + HOUR), () => rates)
  const byDay = new Map<string, number>()
  for (const b of Object.values(o.state.unreported['mb_1:1'] ?? {})) byDay.set(b.date, b.spend)
  return byDay
}

const steady: Rates = { cpm: 10, ctr: 0.002, video: false, fill: 1, volatility: 0 }

describe('sandbox delivery follows pacing', () => {
  it('plans even, front-loaded and asap shares of the budget', () => {
    expect(plannedShare('even', 0.5)).toBeCloseTo(0.5)
    expect(plannedShare('front_loaded', 0.5)).toBeCloseTo(0.75)
    expect(plannedShare('FRONT_LOADED', 1)).toBe(1)
    expect(plannedShare('asap', 0.2)).toBeCloseTo(0.5)
    expect(plannedShare('asap', 0.6)).toBe(1)
  })

  it('spends an even package about evenly, and stops at the flight end', () => {
    const o = order('even')
    const days = run(o, steady)
    const weekday = days.get('2026-11-03')!
    expect(weekday).toBeGreaterThan(900)
    expect(days.has('2026-11-12')).toBe(false)
    expect(o.state.packages[0].spent).toBeLessThanOrEqual(10_000)
    expect(o.state.packages[0].spent).toBeGreaterThan(9_000)
  })

  it('spends a front-loaded package heavier early, an asap one until its budget is gone', () => {
    const front = run(order('front_loaded'), steady)
    expect(front.get('2026-11-03')!).toBeGreaterThan(front.get('2026-11-10')! * 2)
    const asapOrder = order('asap')
    const asap = run(asapOrder, { ...steady, fill: 1.2 })
    expect(asapOrder.state.packages[0].spent).toBeCloseTo(10_000, 0)
    expect(asap.has('2026-11-08')).toBe(false) // budget spent before the flight's second half
  })

  it('never spends past the package budget, even for an over-delivering seller', () => {
    const o = order('even', 500)
    run(o, { ...steady, fill: AGENT_DELIVERY.sa_cobalt.fill, volatility: 0.35 })
    expect(o.state.packages[0].spent).toBeLessThanOrEqual(500)
  })

  it('differs by seller: fill and daily swing', () => {
    const social = run(order('even'), { ...steady, ...AGENT_DELIVERY.sa_cobalt })
    const ctv = run(order('even'), { ...steady, ...AGENT_DELIVERY.sa_harbor })
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
    expect(total(social)).toBeGreaterThan(total(ctv))
    const values = [...ctv.values()]
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(50)
  })
})

describe('the auto clock follows the wall clock', () => {
  it('catches up from the stored now on start', async () => {
    const t = openSandbox()
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-auto-'))
    const dbFile = join(dir, 'auto.sqlite')
    t.sb.close()
    copyFileSync(t.dbFile, dbFile)
    const wall = NOW.getTime() + 3 * HOUR
    const sb = createSandbox({
      dbFile,
      clock: 'auto',
      seed: { now: NOW },
      wallClock: () => wall,
      speed: 60,
      autoIntervalMs: 60_000,
    })
    const state = (await (await sb.control.request('/state')).json()) as { data: { now: string } }
    expect(state.data.now).toBe(new Date(wall).toISOString())
    await sb.close()
    rmSync(dir, { recursive: true, force: true })
    t.done()
  })

  it('reports daily delivery with derived per-day statuses', async () => {
    const t = openSandbox()
    const res = await t.call<{ timeseries: { date: string; mediaBuyStatus: string; metrics: { spend: number } }[] }>(
      'GET',
      '/reporting/metrics?view=timeseries&days=0&campaignId=cmp_100000011',
    )
    expect(res.status).toBe(200)
    const past = res.data.timeseries.filter((r) => r.date < NOW.toISOString().slice(0, 10) && r.metrics.spend > 0)
    expect(past.length).toBeGreaterThan(0)
    expect(new Set(past.map((r) => r.mediaBuyStatus))).toEqual(new Set(['ACTIVE']))
    t.done()
  })
})
