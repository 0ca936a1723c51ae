// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { campaignIdOf } from '../seed/scenarios.ts'
import { SimulatedAgent } from '../agents/simulated-agent.ts'
import type { AdcpResponse } from '../agents/adcp.ts'
import { buyBy, HOUR, NOW, openSandbox, type Buy, type Campaign, type TestSandbox } from './helpers.ts'
import { outboxOf, until } from './durability.ts'

// D6: the seller's own answer to the update_media_buy that proposed a pending change settles it. `completed` makes
// the change live, `submitted`/`working` leave it waiting on the seller's task, anything else refuses it with the
// seller's reason. Only the answer to the latest version counts, and a verdict webhook that overtook the answer wins.

const realHandle = SimulatedAgent.prototype.handle
const handled = vi.spyOn(SimulatedAgent.prototype, 'handle')
/** What the seller's next update_media_buy answers say instead of what it would have said (in order). */
let overrides: Partial<AdcpResponse>[] = []

const CAMPAIGN = campaignIdOf(9) // Summit Audio Network: ACTIVE, two packages of 12,000 and 8,000 EUR, both even
const SELLER = 'Summit Audio Network'
let t: TestSandbox
let buy: Buy
beforeEach(async () => {
  t = openSandbox()
  overrides = []
  handled.mockImplementation(function (this: SimulatedAgent, tool, args) {
    const answer = realHandle.call(this, tool, args)
    return tool === 'update_media_buy' && overrides.length ? { ...answer, ...overrides.shift() } : answer
  })
  buy = buyBy(await t.campaign(CAMPAIGN), SELLER)
  expect(buy.status).toBe('ACTIVE')
})
afterEach(() => t.done())

const pkg = (i: number) => buy.packages[i].packageId
const targeting = { audience_include: ['aud_runners'] }
/** Summit reviews budget and pacing changes (it answers `submitted`); a targeting change it takes at once. */
const budgetChange = () => [{ packageId: pkg(0), budget: 11_000, pacing: 'asap' }]
const targetingChange = () => [{ packageId: pkg(1), targetingOverlay: targeting }]

async function change(packages: Record<string, unknown>[]): Promise<Buy> {
  const res = await t.call<{ campaign: Campaign }>('PUT', `/campaigns/${CAMPAIGN}`, {
    mediaBuys: [{ mediaBuyId: buy.mediaBuyId, packages }],
  })
  expect(res.error).toBeNull()
  return buyBy(res.data.campaign, SELLER)
}
const current = async () => buyBy(await t.campaign(CAMPAIGN), SELLER)
const webhook = (body: Record<string, unknown>) =>
  t.control('POST', '/webhooks/adcp', { task_type: 'update_media_buy', timestamp: NOW.toISOString(), ...body })

interface Log {
  action: string
  resourceType: string
  actorOrigin: string
  serviceTokenName: string | null
  outcome: string
  parameters: Record<string, unknown> | null
  changes: Record<string, unknown> | null
  description: string
}
const history = async () =>
  (await t.call<{ logs: Log[] }>('GET', `/audit-logs?resourceId=${buy.mediaBuyId}&outcome=denied&take=50`)).data.logs
const succeeded = async () =>
  (await t.call<{ logs: Log[] }>('GET', `/audit-logs?resourceId=${buy.mediaBuyId}&take=50`)).data.logs
const proposalId = async () =>
  (await succeeded()).find((l) => l.parameters?.updateProposalId)!.parameters!.updateProposalId as string
const proposal = async (id: string) => (await t.call('GET', `/update-proposals/${id}`)).data
const notices = async (type: string) =>
  (
    await t.call<{ notifications: { type: string; status: string; messagePreview: string }[] }>(
      'GET',
      `/notifications?campaignId=${CAMPAIGN}&types=${type}&limit=100`,
    )
  ).data.notifications

describe("the seller's answer to a pending change", () => {
  it('completed: the change is live when the PUT returns, and the seller is on record approving it', async () => {
    const after = await change(targetingChange())
    expect(after.pendingChange).toBeUndefined()
    expect((after.packages[1] as { targetingOverlay?: unknown }).targetingOverlay).toEqual(targeting)
    const id = await proposalId()
    expect(await proposal(id)).toMatchObject({ status: 'APPROVED', resolvedAt: expect.any(String) })
    const approval = (await succeeded()).find((l) => l.actorOrigin === 'system')!
    expect(approval).toMatchObject({
      action: 'UPDATE',
      serviceTokenName: SELLER,
      outcome: 'succeeded',
      parameters: { updateProposalId: id },
      description: `${SELLER} approved the pending change; it is live`,
    })
    expect(await notices('media_buy_update_proposal.approved')).toEqual([
      expect.objectContaining({ status: 'success', messagePreview: `${SELLER} approved the change to ${buy.name}` }),
    ])
  })

  it.each(['rejected', 'canceled'])(
    '%s with a message: the live values stay, and the buyer reads why in the buy, the proposal, history and notices',
    async (status) => {
      const reason = 'Pacing changes need two days notice'
      overrides = [{ status: status as AdcpResponse['status'], message: reason }]
      const after = await change(budgetChange())
      expect(after.pendingChange).toBeUndefined()
      expect(after.sourceMessage).toBe(reason)
      expect(after.packages.map((p) => [p.budget, p.pacing])).toEqual(buy.packages.map((p) => [p.budget, p.pacing]))
      const id = await proposalId()
      expect(await proposal(id)).toMatchObject({ status: 'REJECTED', rejectionReason: reason })
      const [refusal] = await history()
      expect(refusal).toMatchObject({
        action: 'UPDATE',
        resourceType: 'MEDIA_BUY',
        actorOrigin: 'system',
        serviceTokenName: SELLER,
        parameters: { updateProposalId: id },
        description: `${SELLER} refused the pending change: ${reason}`,
      })
      expect(refusal.changes).toEqual({
        budget: { from: 20_000, to: 19_000 },
        [`packages.${pkg(0)}.pacing`]: { from: 'even', to: 'asap' },
      })
      expect(await notices('media_buy_update_proposal.rejected')).toEqual([
        expect.objectContaining({
          status: 'error',
          messagePreview: `${SELLER} refused the change to ${buy.name}: ${reason}`,
        }),
      ])
    },
  )

  it('a refusal that gives no reason reads "The seller refused the change"', async () => {
    overrides = [{ status: 'rejected', message: undefined }]
    const after = await change(budgetChange())
    expect(after.pendingChange).toBeUndefined()
    expect(after.sourceMessage).toBe('The seller refused the change')
    expect(await proposal(await proposalId())).toMatchObject({ rejectionReason: 'The seller refused the change' })
  })

  it("a failed answer refuses the change with the seller's own error", async () => {
    const after = await change([{ packageId: pkg(0), budget: 100 }])
    expect(after.pendingChange).toBeUndefined()
    expect(after.packages[0].budget).toBe(12_000)
    expect(after.sourceMessage).toMatch(/needs at least .*250.* per package/)
    expect(await proposal(await proposalId())).toMatchObject({
      status: 'REJECTED',
      rejectionReason: after.sourceMessage,
    })
  })

  it.each(['submitted', 'working'])('%s: the change waits, and the webhook of that task settles it', async (status) => {
    overrides = [{ status: status as AdcpResponse['status'], task_id: 'task_review_1' }]
    const waiting = await change(budgetChange())
    expect(waiting.pendingChange).toMatchObject({ status: 'PENDING_APPROVAL' })
    expect(waiting.sourceMessage ?? null).toBeNull()
    expect((await webhook({ task_id: 'task_review_1', status: 'completed' })).status).toBe(200)
    const approved = await current()
    expect(approved.pendingChange).toBeUndefined()
    expect(approved.packages.map((p) => [p.budget, p.pacing])).toEqual([
      [11_000, 'asap'],
      [8_000, 'even'],
    ])
  })

  it('a refusal webhook without a message rejects the proposal with the default reason', async () => {
    overrides = [{ status: 'submitted', task_id: 'task_review_2' }]
    await change(budgetChange())
    await webhook({ task_id: 'task_review_2', status: 'rejected' })
    const after = await current()
    expect(after.pendingChange).toBeUndefined()
    expect(await proposal(await proposalId())).toMatchObject({ rejectionReason: 'The seller refused the change' })
    const [refusal] = await history()
    expect(refusal.description).toBe(`${SELLER} refused the pending change`)
    const [n] = await notices('media_buy_update_proposal.rejected')
    expect(n.messagePreview).toBe(`${SELLER} refused the change to ${buy.name}`)
  })
})

describe('a verdict webhook that came in before the answer it belongs to', () => {
  it("completed: the answer's task is already settled, so the change is live at once", async () => {
    await webhook({ task_id: 'task_early', status: 'completed' })
    overrides = [{ status: 'submitted', task_id: 'task_early' }]
    const after = await change(budgetChange())
    expect(after.pendingChange).toBeUndefined()
    expect(after.packages[0]).toMatchObject({ budget: 11_000, pacing: 'asap' })
  })

  it.each(['submitted', 'working'])(
    '%s: settles nothing, and an answer that completes makes it live',
    async (status) => {
      await webhook({ task_id: 'task_early', status })
      overrides = [{ task_id: 'task_early' }]
      const after = await change(targetingChange())
      expect(after.pendingChange).toBeUndefined()
      expect((after.packages[1] as { targetingOverlay?: unknown }).targetingOverlay).toEqual(targeting)
    },
  )
})

describe('only the answer to the latest version settles a pending change', () => {
  it('a refusal of the first version, answered after a second change merged into it, is ignored', async () => {
    await t.control('POST', '/agents/sa_summit/fault', { mode: 'drop' })
    await change([{ packageId: pkg(0), budget: 11_000 }])
    await change([{ packageId: pkg(1), budget: 7_000 }])
    expect(outboxOf(t.dbFile, buy.mediaBuyId).map((o) => o.state)).toEqual(['queued', 'queued'])
    await t.control('POST', '/agents/sa_summit/fault', { mode: 'none' })
    overrides = [{ status: 'rejected', message: 'Too late for the first version' }]
    t.sb.tick(1_000)
    await until('both versions delivered', () => outboxOf(t.dbFile, buy.mediaBuyId).every((o) => o.state !== 'queued'))
    const after = await current()
    expect(after.sourceMessage ?? null).toBeNull()
    expect(after.pendingChange?.differences.budget).toEqual({ live: 20_000, proposed: 18_000 })
    t.sb.tick(7 * HOUR) // Summit approves the version it was last sent
    await until('the merged version approved', async () => (await current()).pendingChange === undefined)
    expect((await current()).packages.map((p) => p.budget)).toEqual([11_000, 7_000])
  })
})
