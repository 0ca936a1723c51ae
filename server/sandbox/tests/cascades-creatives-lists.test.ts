// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { creativeListResponseSchema, creativeManifestSchema } from '../../../src/api/schemas/creative.ts'
import {
  attachPropertyListResponseSchema,
  campaignPropertyListsResponseSchema,
} from '../../../src/api/schemas/property-list.ts'
import { creativeResyncPlan } from '../../../src/domain/creatives.ts'
import { acceptedFormats } from '../../../src/domain/creatives.ts'
import { campaignIdOf } from '../seed/scenarios.ts'
import { HOUR, openSandbox, type TestSandbox } from './helpers.ts'
import { expectSpecShape, specSchema } from './spec-shapes.ts'

let t: TestSandbox
beforeEach(() => {
  t = openSandbox()
})
afterEach(() => t.done())

const SUMMER = campaignIdOf(1)

type Manifest = ReturnType<typeof creativeManifestSchema.parse>

async function manifests(campaignId: string) {
  const res = await t.call('GET', `/campaigns/${campaignId}/creatives`)
  expect(res.status).toBe(200)
  expectSpecShape(res.data, specSchema('CreativeManifestListResponse'))
  const body = creativeListResponseSchema.parse(res.data)
  for (const m of body.manifests) {
    expectSpecShape(m, specSchema('CreativeManifestSummary'))
    for (const link of m.platform_links ?? []) expectSpecShape(link, specSchema('CreativeManifestPlatformLink'))
  }
  return body.manifests
}

function expectManifestShape(data: unknown): Manifest {
  expectSpecShape(data, specSchema('CreativeManifestResponse'))
  const m = creativeManifestSchema.parse(data)
  for (const a of m.assets) expectSpecShape(a, specSchema('ManifestAssetResponse'))
  for (const link of m.platform_links ?? []) expectSpecShape(link, specSchema('CreativeManifestPlatformLink'))
  if (m.sync_status) expectSpecShape(m.sync_status, specSchema('CreativeManifestSyncStatus'))
  return m
}

describe('creative manifests (D9: an update re-syncs to every buy that uses its format)', () => {
  it('lists manifests with each seller’s sync and review, and serves one by id', async () => {
    const list = await manifests(SUMMER)
    const mrec = list.find((m) => m.format_kind === 'image')!
    expect(mrec.platform_links?.map((l) => l.approval_status)).toEqual(['approved', 'approved'])
    const one = await t.call('GET', `/campaigns/${SUMMER}/creatives/${mrec.creative_id}`)
    expect(one.status).toBe(200)
    expect(expectManifestShape(one.data).name).toBe(mrec.name)
    expect((await t.call('GET', `/campaigns/${SUMMER}/creatives/cr_nope`)).status).toBe(404)
  })

  it('a new name goes to the sellers of the buys the shared rule picks; they review it on their clock', async () => {
    const campaign = await t.campaign(SUMMER)
    const list = await manifests(SUMMER)
    const native = list.find((m) => m.format_kind === 'native_in_feed')!
    const plan = creativeResyncPlan(
      native.format_kind,
      campaign.mediaBuys.map((b) => ({ ...b, formatKinds: acceptedFormats(b) })),
    )
    // Only the display buy accepts native; the retail buy does not, and says why.
    expect(plan.resync.map((e) => e.mediaBuyId)).toEqual([campaign.mediaBuys[0].mediaBuyId])
    expect(plan.skipped[0].reason).toMatch(/do not accept native_in_feed/)

    const res = await t.call('PUT', `/campaigns/${SUMMER}/creatives/${native.creative_id}`, {
      name: 'Summer Trail Gear — Native story card v2',
    })
    expect(res.status).toBe(200)
    const updated = expectManifestShape(res.data)
    expect(updated.name).toBe('Summer Trail Gear — Native story card v2')
    expect(updated.platform_links).toEqual([
      expect.objectContaining({ agent_id: 'sa_northwind', status: 'synced', approval_status: 'pending_review' }),
    ])

    // The seller holds the new version and reviews it within the hour.
    t.sb.tick(HOUR)
    const after = (await manifests(SUMMER)).find((m) => m.creative_id === native.creative_id)!
    expect(after.platform_links?.[0]).toMatchObject({ agent_id: 'sa_northwind', approval_status: 'approved' })

    const history = await t.call<{ logs: { resourceId: string; description: string; actorOrigin: string }[] }>(
      'GET',
      `/audit-logs?campaignId=${SUMMER}&resourceTypes=CREATIVE`,
    )
    const rows = history.data.logs.filter((l) => l.resourceId === native.creative_id)
    expect(rows.map((r) => r.description)).toEqual([
      expect.stringMatching(/approved the new version/),
      expect.stringMatching(/Updated the creative; its new version goes to 1 of 2 buys/),
    ])
  })

  it('a creative both buys accept goes to both sellers', async () => {
    const mrec = (await manifests(SUMMER)).find((m) => m.format_kind === 'image')!
    const res = await t.call('PUT', `/campaigns/${SUMMER}/creatives/${mrec.creative_id}`, {
      name: 'MREC v2',
      message: 'New offer',
    })
    const m = expectManifestShape(res.data)
    expect(m.message).toBe('New offer')
    expect(m.platform_links?.map((l) => l.approval_status)).toEqual(['pending_review', 'pending_review'])
    expect(m.warnings).toBeUndefined()
  })

  it('a buy with an explicit creative_ids override keeps what it has', async () => {
    const campaign = await t.campaign(SUMMER)
    const [display] = campaign.mediaBuys
    const mrec = (await manifests(SUMMER)).find((m) => m.format_kind === 'image')!
    const put = await t.call('PUT', `/campaigns/${SUMMER}`, {
      mediaBuys: [{ mediaBuyId: display.mediaBuyId, creative_ids: [mrec.creative_id] }],
    })
    expect(put.status).toBe(200)
    t.sb.tick(15 * 60_000) // Northwind approves changes after 10 minutes
    expect((await t.campaign(SUMMER)).mediaBuys[0].creativeIds).toEqual([mrec.creative_id])
    const res = await t.call('PUT', `/campaigns/${SUMMER}/creatives/${mrec.creative_id}`, { name: 'MREC v2' })
    const links = expectManifestShape(res.data).platform_links ?? []
    expect(links.find((l) => l.agent_id === 'sa_pinnacle')?.approval_status).toBe('pending_review')
    expect(links.find((l) => l.agent_id === 'sa_northwind')?.approval_status).toBe('approved')
  })

  it('a seller that cannot be reached shows its sync failed, and the answer says it did not take the new version', async () => {
    const mrec = (await manifests(SUMMER)).find((m) => m.format_kind === 'image')!
    await t.control('POST', '/agents/sa_pinnacle/fault', { mode: 'drop' })
    const res = await t.call('PUT', `/campaigns/${SUMMER}/creatives/${mrec.creative_id}`, { name: 'MREC v3' })
    expect(res.status).toBe(200)
    const m = expectManifestShape(res.data)
    expect(m.warnings).toEqual([expect.stringMatching(/^Pinnacle Retail Media did not take the new version/)])
    expect(m.platform_links?.find((l) => l.agent_id === 'sa_pinnacle')).toMatchObject({ status: 'failed' })
    expect(m.platform_links?.find((l) => l.agent_id === 'sa_northwind')).toMatchObject({
      approval_status: 'pending_review',
    })
  })

  it('refuses what the spec does not allow, on the field, and writes a refused row', async () => {
    const mrec = (await manifests(SUMMER)).find((m) => m.format_kind === 'image')!
    const res = await t.call('PUT', `/campaigns/${SUMMER}/creatives/${mrec.creative_id}`, {
      name: '',
      click_url: 'not a url',
    })
    expect(res.status).toBe(400)
    expect(res.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'name' })
    const paths = (res.error?.details?.issues as { path: string }[]).map((i) => i.path)
    expect(paths).toEqual(['name', 'click_url'])
    const history = await t.call<{ logs: { outcome: string; resourceId: string }[] }>(
      'GET',
      `/audit-logs?campaignId=${SUMMER}&resourceTypes=CREATIVE&outcome=denied`,
    )
    expect(history.data.logs.some((l) => l.resourceId === mrec.creative_id)).toBe(true)
  })
})

describe('property lists (D9: a list update reaches packages without a re-execute)', () => {
  it('shows the lists its packages carry, with counts and where they come from', async () => {
    const res = await t.call('GET', `/campaigns/${SUMMER}/property-lists`)
    expect(res.status).toBe(200)
    expectSpecShape(res.data, specSchema('CampaignPropertyListsResponse'))
    const body = campaignPropertyListsResponseSchema.parse(res.data)
    for (const l of body.propertyLists) expectSpecShape(l, specSchema('CampaignPropertyListEntry'))
    expect(body.summary).toEqual({ totalLists: 2, includeCount: 1, excludeCount: 1 })
    const include = body.propertyLists.find((l) => l.purpose === 'include')!
    expect(include.viaMediaBuys).toHaveLength(1)
  })

  it('attaching an include list reaches every active buy; one that already has it is skipped', async () => {
    const res = await t.call('POST', `/campaigns/${SUMMER}/property-lists`, { propertyListId: 'pl_northstar_outdoor' })
    expect(res.status).toBe(200)
    expectSpecShape(res.data, specSchema('AttachPropertyListResponse'))
    const body = attachPropertyListResponseSchema.parse(res.data)
    expectSpecShape(body.cascade, specSchema('AttachCascadeSummary'))
    expect(body.cascade).toEqual({ totalMediaBuys: 2, updatedCount: 1, failedCount: 0, skippedCount: 1 })
    const lists = campaignPropertyListsResponseSchema.parse(
      (await t.call('GET', `/campaigns/${SUMMER}/property-lists`)).data,
    )
    const include = lists.propertyLists.find((l) => l.listId === 'pl_northstar_outdoor')!
    expect(include.viaMediaBuys.map((v) => v.packageIds.length)).toEqual([8, 4])
    const campaign = await t.campaign(SUMMER)
    const retail = campaign.mediaBuys[1] as unknown as { packages: { targetingOverlay?: unknown }[] }
    expect(retail.packages[0].targetingOverlay).toMatchObject({
      property_lists: [expect.objectContaining({ list_id: 'pl_northstar_outdoor' })],
    })
    // Sent again, nothing is left to update.
    const again = attachPropertyListResponseSchema.parse(
      (await t.call('POST', `/campaigns/${SUMMER}/property-lists`, { propertyListId: 'pl_northstar_outdoor' })).data,
    )
    expect(again.cascade).toEqual({ totalMediaBuys: 2, updatedCount: 0, failedCount: 0, skippedCount: 2 })
  })

  it('a seller that cannot be reached is a failed buy, with its reason in History', async () => {
    await t.control('POST', '/agents/sa_pinnacle/fault', { mode: 'drop' })
    const res = await t.call('POST', `/campaigns/${SUMMER}/property-lists`, { propertyListId: 'pl_northstar_outdoor' })
    expect(attachPropertyListResponseSchema.parse(res.data).cascade).toEqual({
      totalMediaBuys: 2,
      updatedCount: 0,
      failedCount: 1,
      skippedCount: 1,
    })
    const lists = campaignPropertyListsResponseSchema.parse(
      (await t.call('GET', `/campaigns/${SUMMER}/property-lists`)).data,
    )
    expect(lists.propertyLists.find((l) => l.listId === 'pl_northstar_outdoor')!.viaMediaBuys).toHaveLength(1)
    const failed = await t.call<{ logs: { resourceName: string; description: string }[] }>(
      'GET',
      `/audit-logs?campaignId=${SUMMER}&resourceTypes=MEDIA_BUY&outcome=failed`,
    )
    expect(failed.data.logs).toEqual([
      expect.objectContaining({
        resourceName: 'Summer Trail Gear — Always On · Pinnacle Retail Media',
        description: expect.stringMatching(
          /^The property list Northstar — Outdoor & adventure publishers did not reach/,
        ),
      }),
    ])
  })

  it('refuses exclude lists, another advertiser’s lists and unknown ids', async () => {
    const exclude = await t.call('POST', `/campaigns/${SUMMER}/property-lists`, {
      propertyListId: 'pl_northstar_safety',
    })
    expect(exclude.status).toBe(400)
    expect(exclude.error).toMatchObject({ field: 'propertyListId' })
    expect(
      (await t.call('POST', `/campaigns/${SUMMER}/property-lists`, { propertyListId: 'pl_lumen_health' })).status,
    ).toBe(404)
    expect((await t.call('POST', `/campaigns/${SUMMER}/property-lists`, { propertyListId: '' })).status).toBe(400)
    expect((await t.call('GET', '/campaigns/cmp_nope/property-lists')).status).toBe(404)
  })
})
