// @vitest-environment node
import { openSandbox, type TestSandbox } from './helpers.ts'

// One request may not make the platform do more than the campaign holds: a buy or a package named twice, or more
// a body that repeats names, is refused on its field before anything changes.

const ACTIVE_CAMPAIGN = 'cmp_100000002'
let t: TestSandbox
let buyId: string
let packageIds: string[]

beforeEach(async () => {
  t = openSandbox()
  const campaign = await t.campaign(ACTIVE_CAMPAIGN)
  const buy = campaign.mediaBuys.find((b) => b.status === 'ACTIVE' && b.packages.length > 0)!
  buyId = buy.mediaBuyId
  packageIds = buy.packages.map((p) => p.packageId)
})
afterEach(() => t.done())

async function refused(body: unknown, field: string, message: string) {
  const before = await t.campaign(ACTIVE_CAMPAIGN)
  const res = await t.call('PUT', `/campaigns/${ACTIVE_CAMPAIGN}`, body)
  expect(res.status).toBe(400)
  expect(res.error?.code).toBe('VALIDATION_ERROR')
  expect(res.error?.field).toBe(field)
  expect(res.error?.message).toBe(message)
  const after = await t.campaign(ACTIVE_CAMPAIGN)
  expect(after.revision).toBe(before.revision)
}

describe('the size of a PUT is bounded by the campaign', () => {
  it('refuses a buy named twice', async () => {
    await refused(
      {
        mediaBuys: [
          { mediaBuyId: buyId, name: 'A' },
          { mediaBuyId: buyId, name: 'B' },
        ],
      },
      'mediaBuys.1.mediaBuyId',
      `Media buy ${buyId} is named twice in one request`,
    )
  })

  it('refuses a body repeating one buy many times (it used to bump its revision once per entry)', async () => {
    const entries = Array.from({ length: 5000 }, () => ({ mediaBuyId: buyId, name: 'again' }))
    await refused({ mediaBuys: entries }, 'mediaBuys.1.mediaBuyId', `Media buy ${buyId} is named twice in one request`)
  })

  it('refuses a package named twice for one buy', async () => {
    const twice = [packageIds[0], packageIds[0]].map((packageId) => ({ packageId, budget: 100 }))
    const message = `Package ${packageIds[0]} is named twice for one buy`
    await refused({ mediaBuys: [{ mediaBuyId: buyId, packages: twice }] }, 'mediaBuys.0.packages.1.packageId', message)
    await refused(
      { mediaBuys: [{ mediaBuyId: buyId, action: 'cancel', packageIds: [packageIds[0], packageIds[0]] }] },
      'mediaBuys.0.packageIds.1',
      message,
    )
  })

  it('still accepts one entry per buy with each package once', async () => {
    const res = await t.call('PUT', `/campaigns/${ACTIVE_CAMPAIGN}`, {
      mediaBuys: [{ mediaBuyId: buyId, name: 'Renamed once' }],
    })
    expect(res.status).toBe(200)
  })
})
