// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { buyBy, HOUR, openSandbox, type Buy, type Campaign, type TestSandbox } from './helpers.ts'
import { outboxOf, until } from './durability.ts'

// CONTRACT §12: a D6 pending change is an update proposal. It keeps one id while later changes merge into it, and
// the buyer may withdraw it (DELETE /update-proposals/{id}) while it is PENDING: the live values stay, the proposal
// is REJECTED as withdrawn, and History says what was taken back. Once the seller has decided, withdrawing is a 409.

const CAMPAIGN = campaignIdOf(9) // Summit Audio Network: ACTIVE, two packages of 12,000 and 8,000 EUR, both even
const SELLER = 'Summit Audio Network'
let t: TestSandbox
let buy: Buy
beforeEach(async () => {
  t = openSandbox()
  buy = buyBy(await t.campaign(CAMPAIGN), SELLER)
  expect(buy.status).toBe('ACTIVE')
})
afterEach(() => t.done())

interface Log {
  action: string
  resourceType: string
  resourceId: string
  actorOrigin: string
  outcome: string
  parameters: Record<string, unknown> | null
  changes: Record<string, unknown> | null
  description: string
}
const logs = async (query = '') =>
  (await t.call<{ logs: Log[] }>('GET', `/audit-logs?resourceId=${buy.mediaBuyId}&take=100${query}`)).data.logs
const proposalIds = async () =>
  (await logs())
    .filter((l) => l.actorOrigin === 'human' && l.parameters?.updateProposalId)
    .map((l) => l.parameters!.updateProposalId as string)

async function put(entry: Record<string, unknown>): Promise<Buy> {
  const res = await t.call<{ campaign: Campaign }>('PUT', `/campaigns/${CAMPAIGN}`, {
    mediaBuys: [{ mediaBuyId: buy.mediaBuyId, ...entry }],
  })
  expect(res.error).toBeNull()
  return buyBy(res.data.campaign, SELLER)
}
/** Proposes 11,000 and asap pacing for the first package; Summit reviews it for six hours. */
async function propose(): Promise<string> {
  const pending = await put({ packages: [{ packageId: buy.packages[0].packageId, budget: 11_000, pacing: 'asap' }] })
  expect(pending.pendingChange).toBeDefined()
  const [id] = await proposalIds()
  return id
}
const withdraw = (id: string) =>
  t.sb.api.request(`/update-proposals/${id}`, { method: 'DELETE', headers: { authorization: 'Bearer scope3_test' } })
const proposal = async (id: string) => (await t.call('GET', `/update-proposals/${id}`)).data
const current = async () => buyBy(await t.campaign(CAMPAIGN), SELLER)

describe('one update proposal per pending change', () => {
  it('a second change that merges into the pending one keeps its proposal, which the approval settles', async () => {
    const first = await propose()
    await put({ packages: [{ packageId: buy.packages[1].packageId, budget: 7_000 }] })
    expect(await proposalIds()).toEqual([first, first])
    t.sb.tick(7 * HOUR) // Summit approves changes after six hours
    await new Promise((r) => setTimeout(r, 50))
    expect((await current()).packages.map((p) => p.budget)).toEqual([11_000, 7_000])
    expect(await proposal(first)).toMatchObject({ status: 'APPROVED' })
  })
})

describe('the buyer withdrawing a pending change', () => {
  it('drops the pending change, keeps the live values, and rejects the proposal as withdrawn', async () => {
    const id = await propose()
    expect((await withdraw(id)).status).toBe(204)
    const after = await current()
    expect(after.pendingChange).toBeUndefined()
    expect(after.packages.map((p) => [p.budget, p.pacing])).toEqual(buy.packages.map((p) => [p.budget, p.pacing]))
    expect(await proposal(id)).toMatchObject({
      id,
      status: 'REJECTED',
      mediaBuyId: buy.mediaBuyId,
      rejectionReason: 'Withdrawn by the buyer',
      resolvedAt: expect.any(String),
    })
  })

  it('writes a History row by the buyer with each withdrawn value going to nothing', async () => {
    const id = await propose()
    await withdraw(id)
    const [row] = await logs()
    expect(row).toMatchObject({
      action: 'UPDATE',
      resourceType: 'MEDIA_BUY',
      resourceId: buy.mediaBuyId,
      actorOrigin: 'human',
      outcome: 'succeeded',
      parameters: { updateProposalId: id },
      description: 'Withdrew the pending change; the live values stay',
    })
    expect(row.changes).toEqual({
      'pendingChange.budget': { from: 19_000, to: null },
      [`pendingChange.packages.${buy.packages[0].packageId}.pacing`]: { from: 'asap', to: null },
    })
    const inCampaign = (
      await t.call<{ logs: Log[] }>('GET', `/audit-logs?campaignId=${CAMPAIGN}&take=5`)
    ).data.logs.map((l) => l.description)
    expect(inCampaign).toContain('Withdrew the pending change; the live values stay')
  })

  it('a second withdrawal, or one after the seller approved, is a 409 that names the status', async () => {
    const id = await propose()
    await withdraw(id)
    const again = await t.call('DELETE', `/update-proposals/${id}`)
    expect(again).toMatchObject({
      status: 409,
      error: { code: 'CONFLICT', message: 'The update proposal is already REJECTED', field: 'id' },
    })
    // The refused withdrawal is on record, filed under the buy.
    const [denied] = await logs('&outcome=denied')
    expect(denied).toMatchObject({
      resourceId: buy.mediaBuyId,
      outcome: 'denied',
      description: 'Withdraw pending change refused: The update proposal is already REJECTED',
    })
    const next = await propose()
    expect(next).not.toBe(id)
    t.sb.tick(7 * HOUR)
    await new Promise((r) => setTimeout(r, 50))
    const late = await t.call('DELETE', `/update-proposals/${next}`)
    expect(late.error).toMatchObject({ code: 'CONFLICT', message: 'The update proposal is already APPROVED' })
    expect((await current()).packages[0].budget).toBe(11_000)
  })

  it('an unknown proposal is a 404 on the id', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await t.call(method, '/update-proposals/prop_unknown')
      expect(res).toMatchObject({
        status: 404,
        error: { code: 'NOT_FOUND', message: 'Update proposal not found', field: 'id' },
      })
    }
  })

  it.each([
    ['archived', { action: 'delete' }, 'The buyer archived the buy'],
    ['canceled', { action: 'cancel', reason: 'Budget moved' }, 'The buyer canceled the buy'],
  ])('a buy %s with a change waiting closes its proposal: there is nothing left to withdraw', async (_, end, why) => {
    const id = await propose()
    const ended = await t.call('PUT', `/campaigns/${CAMPAIGN}`, { mediaBuys: [{ mediaBuyId: buy.mediaBuyId, ...end }] })
    expect(ended.status).toBe(200)
    expect(await proposal(id)).toMatchObject({ status: 'REJECTED', rejectionReason: why })
    expect((await withdraw(id)).status).toBe(409)
    expect(await proposal(id)).toMatchObject({ status: 'REJECTED', rejectionReason: why })
  })

  it('a change withdrawn while its seller was unreachable is still delivered, and the answer leaves the buy as is', async () => {
    await t.control('POST', '/agents/sa_summit/fault', { mode: 'drop' })
    const id = await propose()
    expect(outboxOf(t.dbFile, buy.mediaBuyId).map((o) => o.state)).toEqual(['queued'])
    expect((await withdraw(id)).status).toBe(204)
    await t.control('POST', '/agents/sa_summit/fault', { mode: 'none' })
    t.sb.tick(1_000)
    await until(
      'the withdrawn change delivered',
      () => outboxOf(t.dbFile, buy.mediaBuyId).every((o) => o.state === 'delivered'),
      3_000,
    )
    const after = await current()
    expect(after.pendingChange).toBeUndefined()
    expect(after.packages.map((p) => p.budget)).toEqual([12_000, 8_000])
  })
})
