// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createSandbox } from '../index.ts'
import { campaignIdOf, DEMO_NOTES } from '../seed/scenarios.ts'
import { NOW } from './helpers.ts'

async function snapshot(): Promise<string[]> {
  const sb = createSandbox({ dbFile: ':memory:', clock: 'manual', seed: { now: NOW } })
  const out: string[] = []
  for (const id of [campaignIdOf(1), campaignIdOf(5), campaignIdOf(15)]) {
    const res = await sb.api.request(`/campaigns/${id}`, { headers: { authorization: 'Bearer t' } })
    out.push(await res.text())
  }
  const state = await sb.control.request('/state')
  out.push(JSON.stringify(((await state.json()) as { data: { mediaBuyStatuses: unknown } }).data.mediaBuyStatuses))
  sb.close()
  return out
}

describe('demo seed', () => {
  it('is deterministic for a given seed and "now"', async () => {
    expect(await snapshot()).toEqual(await snapshot())
  })

  it('covers every media-buy status and the documented scenarios', async () => {
    const sb = createSandbox({ dbFile: ':memory:', clock: 'manual', seed: { now: NOW } })
    const get = async (id: string) =>
      (
        (await (await sb.api.request(`/campaigns/${id}`, { headers: { authorization: 'Bearer t' } })).json()) as {
          data: {
            campaign: {
              status: string
              mediaBuys: {
                status: string
                pendingChange?: unknown
                packages: unknown[]
                performance: { impressions: number }
              }[]
            }
          }
        }
      ).data.campaign
    expect((await get(DEMO_NOTES.inputRequired)).mediaBuys.map((b) => b.status)).toContain('INPUT_REQUIRED')
    expect((await get(DEMO_NOTES.failingAgent)).mediaBuys.map((b) => b.status)).toContain('FAILED')
    expect((await get(DEMO_NOTES.pendingChange)).mediaBuys.some((b) => b.status === 'ACTIVE' && b.pendingChange)).toBe(
      true,
    )
    expect(await get(DEMO_NOTES.executableDraft)).toMatchObject({ status: 'DRAFT', mediaBuys: [] })
    const paced = await get(campaignIdOf(1))
    expect(paced.mediaBuys.some((b) => b.packages.length >= 8)).toBe(true)
    expect(paced.mediaBuys.every((b) => b.performance.impressions > 0)).toBe(true)
    sb.close()
  })
})
