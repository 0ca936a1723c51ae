// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { openSandbox, type Campaign, type TestSandbox } from './helpers.ts'

// PUT /campaigns/{id}, the campaign's own fields (CONTRACT §4.1): each field sent is stored, a field left out stays as
// it was, and the fixed ones (mode, currency, pacing once executed) are refused with nothing changed.

type Stored = Campaign & {
  mode: string
  name: string
  brief?: string
  budget: Campaign['budget'] & { dailyCap?: number; pacing?: string }
  pacingPeriods?: unknown
}

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
})
afterEach(() => t.done())

const read = async (id: string) => (await t.campaign(id)) as Stored
const put = (id: string, body: unknown) => t.call<{ campaign: Stored }>('PUT', `/campaigns/${id}`, body)

async function refused(id: string, body: unknown, error: { code: string; message: string; field?: string }) {
  const before = await read(id)
  const res = await put(id, body)
  expect(res.status).toBe(400)
  expect(res.error).toMatchObject(error)
  const after = await read(id)
  expect(after.revision).toBe(before.revision)
  expect(after).toEqual(before)
}

const DRAFT = campaignIdOf(28) // Northstar Ski Season Teaser: DRAFT, USD, paced by weight
const ACTIVE = campaignIdOf(9) // Atelier Maison Podcast: ACTIVE, EUR

describe('the campaign fields a PUT stores', () => {
  it('brief, flight dates, daily cap and budget pacing, each as sent, with a new revision', async () => {
    const before = await read(DRAFT)
    const flightDates = { startDate: '2026-12-03T00:00:00Z', endDate: '2027-01-20T00:00:00Z' }
    const res = await put(DRAFT, {
      brief: 'Skiers in the Alps',
      flightDates,
      budget: { dailyCap: 900, pacing: 'ASAP' },
    })
    expect(res.error).toBeNull()
    const after = await read(DRAFT)
    expect(after).toMatchObject({ brief: 'Skiers in the Alps', flightDates, budget: { dailyCap: 900, pacing: 'ASAP' } })
    expect(after.budget.total).toBe(before.budget.total)
    expect(after.revision).toBeGreaterThan(before.revision)
  })

  it('a field left out stays as it was, the pacing periods too', async () => {
    const before = await read(DRAFT)
    expect(before.pacingPeriods).toBeDefined()
    expect((await put(DRAFT, { name: 'Renamed' })).error).toBeNull()
    const after = await read(DRAFT)
    expect(after.name).toBe('Renamed')
    expect({ ...after, name: before.name, revision: 0, updatedAt: '' }).toEqual({
      ...before,
      revision: 0,
      updatedAt: '',
    })
  })

  it('a DRAFT campaign replaces its pacing periods, and null leaves it unpaced', async () => {
    const schedule = {
      mode: 'budget',
      periods: [{ label: 'Launch', start: '2026-12-02', end: '2026-12-20', budget: 500 }],
    }
    expect((await put(DRAFT, { pacingPeriods: schedule })).error).toBeNull()
    expect((await read(DRAFT)).pacingPeriods).toEqual(schedule)
    expect((await put(DRAFT, { pacingPeriods: null })).error).toBeNull()
    expect(await read(DRAFT)).not.toHaveProperty('pacingPeriods')
  })

  it('the same mode and currency again are no change at all', async () => {
    const before = await read(ACTIVE)
    const res = await put(ACTIVE, { mode: before.mode, budget: { currency: before.budget.currency } })
    expect(res.error).toBeNull()
    expect((await read(ACTIVE)).budget).toEqual(before.budget)
  })
})

describe('what a PUT refuses, changing nothing', () => {
  it('an unknown campaign is a 404', async () => {
    const res = await put('cmp_999999999', { name: 'Nobody' })
    expect(res).toMatchObject({ status: 404, error: { code: 'NOT_FOUND', message: 'Campaign not found' } })
  })

  it('another mode', async () => {
    await refused(
      ACTIVE,
      { mode: 'performance' },
      {
        code: 'VALIDATION_ERROR',
        message: 'A campaign cannot change its mode',
        field: 'mode',
      },
    )
  })

  it("another currency than the advertiser's", async () => {
    await refused(
      ACTIVE,
      { budget: { currency: 'USD', total: 50_000 } },
      {
        code: 'CURRENCY_MISMATCH',
        message: "The campaign currency is fixed to the advertiser's EUR",
        field: 'budget.currency',
      },
    )
  })

  it('campaign pacing periods once the campaign is no longer a DRAFT', async () => {
    await refused(
      ACTIVE,
      { pacingPeriods: null },
      {
        code: 'INVALID_STATE',
        message: 'Campaign pacing periods can only change on a DRAFT campaign',
        field: 'pacingPeriods',
      },
    )
  })
})
