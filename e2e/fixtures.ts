import { test as base, expect } from '@playwright/test'

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

export { expect }
