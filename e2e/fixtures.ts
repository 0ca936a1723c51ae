import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test'
import { z } from 'zod'
import {
  budgetSchema,
  campaignMediaBuySchema,
  campaignPackageSchema,
  campaignSchema,
  creativeRefSchema,
} from '../src/api/schemas/campaign'

/** What the dashboard's own pages send with every state change; the server refuses state changes without it. */
export const OWN = { 'X-Dashboard-Client': '1' }

/**
 * Every test starts on the demo account with a full minute of the platform's rate limit (a reset also empties the
 * sandbox's and the gateway's request counters), so what one test spends never throttles the next.
 */
export const test = base.extend<{ freshSandbox: void }>({
  freshSandbox: [
    async ({ request }, use) => {
      expect((await request.post('/sandbox/reset', { headers: OWN })).ok()).toBe(true)
      await use()
    },
    { auto: true },
  ],
})

// The contract's schemas, with what the sandbox always sends where the contract lets a platform leave it out.
const storedPackageSchema = campaignPackageSchema.extend({ budget: z.number() })
const storedBuySchema = campaignMediaBuySchema.extend({
  packages: z.array(storedPackageSchema),
  creatives: z.array(creativeRefSchema),
})
const storedCampaignSchema = campaignSchema.extend({ budget: budgetSchema, mediaBuys: z.array(storedBuySchema) })
export type StoredPackage = z.infer<typeof storedPackageSchema>
export type StoredBuy = z.infer<typeof storedBuySchema>
export type StoredCampaign = z.infer<typeof storedCampaignSchema>

/**
 * A campaign as the platform stores it (past the gateway's short cache), read through the contract's own schemas, so a
 * test's idea of the shape is the dashboard's.
 */
export async function storedCampaign(request: APIRequestContext, id: string): Promise<StoredCampaign> {
  const res = await request.get(`/api/v2/buyer/campaigns/${id}?fresh=true`)
  expect(res.ok()).toBe(true)
  const body = (await res.json()) as { data?: { campaign?: unknown } }
  return storedCampaignSchema.parse(body.data?.campaign)
}

/**
 * The accessibility check every screen gets: no serious or critical axe violation on the page, or inside `include`
 * (a CSS selector) when given. The failure names each rule and the elements it found.
 */
export async function expectNoSeriousAxeViolations(page: Page, label: string, include?: string) {
  // Analysing a whole page takes seconds on a loaded machine: each check brings its own time to the test's budget.
  test.info().setTimeout(test.info().timeout + 15_000)
  const builder = new AxeBuilder({ page })
  const results = await (include ? builder.include(include) : builder).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${label}`,
  ).toEqual([])
}

export { expect }
