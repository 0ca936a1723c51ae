// @vitest-environment node
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Campaign } from '../../../src/api/schemas/campaign.ts'
import { createSandbox, type Sandbox } from '../index.ts'
import type { ListBuyerActivityResponse } from '../../../src/api/schemas/audit-log.ts'
import type { NotificationListResponse } from '../../../src/api/schemas/notification.ts'
import type { OptimizationSuggestionList } from '../../../src/api/schemas/optimization-suggestion.ts'
import {
  DEMO_STORIES,
  storyCampaignId,
  storyCampaignName,
  type DemoStoryKey,
  type StoryActivity,
} from '../seed/stories.ts'
import { NOW } from './helpers.ts'

const MINUTE = 60_000
const KEYS = Object.keys(DEMO_STORIES) as DemoStoryKey[]

let sb: Sandbox | undefined
afterEach(async () => {
  await sb?.close()
  sb = undefined
})

/** The demo as `npm start` runs it: the auto clock following a wall clock (here a fake one) with sellers at 60×. */
function demoOnAutoClock(start: Date) {
  let wall = start.getTime()
  sb = createSandbox({
    dbFile: ':memory:',
    clock: 'auto',
    speed: 60,
    wallClock: () => wall,
    autoIntervalMs: 2 ** 31 - 1,
    seed: { now: start },
  })
  const box = sb
  return {
    box,
    now: () => new Date(wall),
    /** What the auto clock does every few seconds: bring "now" up to the wall clock. */
    run(ms: number, stepMs = 30_000) {
      for (let done = 0; done < ms; done += stepMs) {
        wall += stepMs
        box.tick(stepMs)
      }
    },
  }
}

async function campaign(box: Sandbox, id: string): Promise<Campaign> {
  const res = await box.api.request(`/campaigns/${id}?fresh=true`, { headers: { authorization: 'Bearer t' } })
  return ((await res.json()) as { data: { campaign: Campaign } }).data.campaign
}

async function read<T>(box: Sandbox, path: string): Promise<T> {
  const res = await box.api.request(path, { headers: { authorization: 'Bearer t' } })
  return ((await res.json()) as { data: T }).data
}

async function activity(box: Sandbox, id: string): Promise<StoryActivity> {
  const q = `campaignId=${id}`
  const [history, suggestions, unread] = await Promise.all([
    read<ListBuyerActivityResponse>(box, `/audit-logs?${q}&take=100`),
    read<OptimizationSuggestionList>(box, `/optimization-suggestions?${q}&limit=100`),
    read<NotificationListResponse>(box, `/notifications?${q}&unreadOnly=true&limit=100`),
  ])
  return { history: history.logs, suggestions: suggestions.suggestions, unread: unread.notifications }
}

async function storiesHolding(box: Sandbox, now: Date): Promise<Record<DemoStoryKey, boolean>> {
  const out = {} as Record<DemoStoryKey, boolean>
  for (const key of KEYS) {
    const id = storyCampaignId(key)
    out[key] = DEMO_STORIES[key].holds(await campaign(box, id), now, await activity(box, id))
  }
  return out
}

const allTrue = Object.fromEntries(KEYS.map((k) => [k, true]))

interface ExecuteAnswer {
  data: {
    success: boolean
    mediaBuysExecuted: number
    errors?: { salesAgentId: string; debug?: { response?: unknown } }[]
  }
}

const recoveries = (answer: ExecuteAnswer) =>
  Object.fromEntries(
    (answer.data.errors ?? []).map((e) => [
      e.salesAgentId,
      (e.debug?.response as { errors?: { code: string; recovery: string }[] } | undefined)?.errors?.[0],
    ]),
  )

describe('the demo account tells every story from the first start', () => {
  it('holds each story at seeding and after half an hour of the demo clock, whatever the day it is seeded', async () => {
    // A weekday noon, just after midnight and early morning, and a weekend night: delivery (and so pacing) differs by
    // day and hour, and the flights are whole days, so the hour of seeding moves every buy within its flight.
    const starts = ['2026-12-02T00:20:00Z', '2026-12-02T06:00:00Z', '2026-12-05T23:40:00Z'].map((iso) => new Date(iso))
    for (const start of [NOW, ...starts]) {
      const demo = demoOnAutoClock(start)
      expect(await storiesHolding(demo.box, demo.now())).toEqual(allTrue)
      demo.run(30 * MINUTE)
      expect(await storiesHolding(demo.box, demo.now())).toEqual(allTrue)
      await demo.box.close()
      sb = undefined
    }
  }, 60_000)

  it('executing the partial-failure draft half an hour in fails one seller correctably and one for a moment', async () => {
    const demo = demoOnAutoClock(NOW)
    await demo.box.ready()
    demo.run(30 * MINUTE)
    const execute = async () =>
      (await (
        await demo.box.api.request(`/campaigns/${storyCampaignId('partialFailure')}/execute`, {
          method: 'POST',
          headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
          body: JSON.stringify({ debug: true }),
        })
      ).json()) as ExecuteAnswer
    const first = await execute()
    // Northwind books at once and Summit takes the order into review; Meridian and Cobalt fail.
    expect(first.data).toMatchObject({ success: false, mediaBuysExecuted: 2 })
    expect(recoveries(first)).toEqual({
      sa_meridian: expect.objectContaining({ code: 'BUDGET_BELOW_MINIMUM', recovery: 'correctable' }),
      sa_cobalt: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', recovery: 'transient' }),
    })
    // "Retry failed": the transient one goes through, the correctable one needs the buyer's change first.
    const retry = await execute()
    expect(retry.data).toMatchObject({ success: false, mediaBuysExecuted: 1 })
    expect(Object.keys(recoveries(retry))).toEqual(['sa_meridian'])
  })

  it("the README's first screen names the campaign of every story and how to bring them back", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
    const firstScreen = /## Start\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? ''
    expect(firstScreen).toContain('npm run sandbox:reset')
    for (const key of KEYS) expect(firstScreen, key).toContain(`*${storyCampaignName(key)}*`)
  })
})
