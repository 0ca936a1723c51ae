import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 4173)
/** The large account's server, for the request-budget tests (e2e/large-account.spec.ts). */
const largePort = port + 1

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/playwright.json' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'debian-chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // The real project server on the built SPA, with a fresh sandbox database and a manual clock, so tests drive time.
      command: 'node --import tsx server/index.ts',
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        SANDBOX_DB: `data/e2e-${port}.sqlite`,
        SANDBOX_RESET: '1',
        SANDBOX_CLOCK: 'manual',
      },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // E2E_SKIP_LARGE=1 leaves it out when running a spec that does not need it (e2e/large-account.spec.ts does).
    ...(process.env.E2E_SKIP_LARGE
      ? []
      : [
          {
            // An agency-sized account (2,000 campaigns × 5 buys × 8 packages) under the platform's 100 requests a minute.
            command: `node --import tsx server/sandbox/cli.ts seed --campaigns 2000 --buys-per-campaign 5 --packages-per-buy 8 && node --import tsx server/index.ts`,
            url: `http://127.0.0.1:${largePort}/api/health`,
            reuseExistingServer: false,
            env: {
              PORT: String(largePort),
              HOST: '127.0.0.1',
              SANDBOX_DB: `data/e2e-large-${largePort}.sqlite`,
              SANDBOX_CLOCK: 'manual',
            },
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]),
  ],
})
