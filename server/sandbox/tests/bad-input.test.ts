// @vitest-environment node
import { campaignIdOf } from '../seed/scenarios.ts'
import { openSandbox, type TestSandbox } from './helpers.ts'

// What the forms refuse field by field, the platform refuses too when sent raw: each answer names the field, and a
// refused request changes nothing.

const ACTIVE_CAMPAIGN = 'cmp_100000002'
const DRAFT_CAMPAIGN = campaignIdOf(4)
let t: TestSandbox
let buyId: string
let packageId: string

beforeEach(async () => {
  t = openSandbox()
  const campaign = await t.campaign(ACTIVE_CAMPAIGN)
  const buy = campaign.mediaBuys.find((b) => b.status === 'ACTIVE' && b.packages.length > 0)!
  buyId = buy.mediaBuyId
  packageId = buy.packages[0].packageId
})
afterEach(() => t.done())

async function refused(body: unknown, field: RegExp | string) {
  const before = await t.campaign(ACTIVE_CAMPAIGN)
  const res = await t.call('PUT', `/campaigns/${ACTIVE_CAMPAIGN}`, body)
  expect(res.status).toBe(400)
  expect(res.error?.code).toMatch(/VALIDATION_ERROR|BAD_REQUEST/)
  if (typeof field === 'string') expect(res.error?.field).toBe(field)
  else expect(res.error?.field ?? '').toMatch(field)
  expect(res.error?.message.length).toBeGreaterThan(3)
  const after = await t.campaign(ACTIVE_CAMPAIGN)
  expect(after.revision).toBe(before.revision)
}

const packageBudget = (budget: unknown) => ({ mediaBuys: [{ mediaBuyId: buyId, packages: [{ packageId, budget }] }] })

describe('bad input sent raw to PUT /campaigns/{id}', () => {
  it.each([
    ['empty', ''],
    ['negative', -5],
    ['zero', 0],
    ['huge', 1e308],
    ['NaN-like text', 'NaN'],
    ['a number as text', '1000'],
    ['null', null],
    ['pasted HTML', '<b>5</b>'],
  ])('refuses a package budget that is %s', async (_label, budget) => {
    await refused(packageBudget(budget), 'mediaBuys.0.packages.0.budget')
  })

  it('refuses more decimals than the currency allows', async () => {
    await refused(packageBudget(100.001), 'mediaBuys.0.packages.0.budget')
  })

  it.each(['budget', 'bidPrice'])(
    'refuses a DRAFT product %s more precise than the currency, at its index, and stores nothing',
    async (key) => {
      const draft = (await t.campaign(DRAFT_CAMPAIGN)).mediaBuys.find((b) => b.status === 'DRAFT')!
      const before = await t.campaign(DRAFT_CAMPAIGN)
      const res = await t.call('PUT', `/campaigns/${DRAFT_CAMPAIGN}`, {
        mediaBuys: [
          { mediaBuyId: draft.mediaBuyId, products: [{ productId: draft.products[0].productId, [key]: 10.001 }] },
        ],
      })
      expect(res.status).toBe(400)
      expect(res.error).toMatchObject({ code: 'VALIDATION_ERROR', field: `mediaBuys.0.products.0.${key}` })
      expect(await t.campaign(DRAFT_CAMPAIGN)).toEqual(before)
    },
  )

  it('refuses a campaign total that is zero, negative or huge', async () => {
    for (const total of [0, -1, 1e308]) await refused({ budget: { total } }, 'budget.total')
  })

  it('refuses reversed flight dates on the end date', async () => {
    await refused(
      { flightDates: { startDate: '2026-12-31T00:00:00Z', endDate: '2026-12-01T00:00:00Z' } },
      'flightDates.endDate',
    )
  })

  it('refuses a buy end outside the campaign flight', async () => {
    await refused({ mediaBuys: [{ mediaBuyId: buyId, end_time: '2031-01-01T00:00:00Z' }] }, 'mediaBuys.0.end_time')
  })

  it('refuses a buy end before its start on the end, and a start after its end on the start', async () => {
    const campaign = await t.campaign(ACTIVE_CAMPAIGN)
    const start = Date.parse(campaign.flightDates.startDate)
    const day = (n: number) => new Date(start + n * 86_400_000).toISOString().replace('.000Z', 'Z')
    await refused({ mediaBuys: [{ mediaBuyId: buyId, start_time: day(10), end_time: day(5) }] }, 'mediaBuys.0.end_time')
    const res = await t.call('PUT', `/campaigns/${ACTIVE_CAMPAIGN}`, {
      mediaBuys: [{ mediaBuyId: buyId, start_time: day(10), end_time: day(5) }],
    })
    expect(res.error?.message).toMatch(/The end must be after the start/)
  })

  it('refuses dates that are not ISO-8601 UTC', async () => {
    await refused({ mediaBuys: [{ mediaBuyId: buyId, end_time: 'next tuesday' }] }, 'mediaBuys.0.end_time')
  })

  it('refuses text over its limit', async () => {
    await refused({ name: 'x'.repeat(256) }, 'name')
    await refused(
      { mediaBuys: [{ mediaBuyId: buyId, action: 'cancel', reason: 'r'.repeat(1001) }] },
      'mediaBuys.0.reason',
    )
  })

  it('refuses unknown keys and wrong types on mediaBuys[] items', async () => {
    await refused({ mediaBuys: [{ mediaBuyId: buyId, budgett: 5 }] }, /^mediaBuys\.0/)
    await refused({ mediaBuys: [{ mediaBuyId: buyId, creative_ids: 'cr_1' }] }, 'mediaBuys.0.creative_ids')
  })

  it('refuses a body that is not JSON', async () => {
    const res = await t.call('PUT', `/campaigns/${ACTIVE_CAMPAIGN}`, '{"name": ')
    expect(res.status).toBe(400)
    expect(res.error?.code).toBe('BAD_REQUEST')
  })

  it('keeps unicode, right-to-left and HTML-looking names as plain text', async () => {
    for (const name of ['Kampagne für Ümlaute 🚀', 'حملة الشتاء', '<img src=x onerror=alert(1)>']) {
      const res = await t.call<{ campaign: { name: string } }>('PUT', `/campaigns/${ACTIVE_CAMPAIGN}`, { name })
      expect(res.status).toBe(200)
      expect(res.data.campaign.name).toBe(name)
    }
  })

  it('refuses a request without a bearer token', async () => {
    const res = await t.call('GET', '/campaigns', undefined, { authorization: '' })
    expect(res.status).toBe(401)
    expect(res.error?.code).toBe('UNAUTHORIZED')
  })
})
