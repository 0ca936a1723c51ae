// `npm run mutate`: StrykerJS over the rules. MUTATE_AREA picks one area (domain, client, forward, services); without
// it every area runs in one pass. Each area keeps its own incremental file, report and temp dir, so two areas can run
// side by side and a rerun after a small change tests only the mutants it touched.
import { readdirSync } from 'node:fs'

// Tests that start a server in a child process (crash recovery, process restarts, the seller outbox across a kill)
// run code Stryker cannot switch mutants in, and cost seconds each; the sandbox's in-process tests cover the same rules.
const inProcessSandboxTests = readdirSync('server/sandbox/tests')
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => !/^(crash-|seller-outbox|rate-limit|performance|demo-stories|seed)/.test(f))
  .map((f) => `server/sandbox/tests/${f}`)

const areas = {
  domain: { mutate: ['src/domain/**/*.ts', '!src/domain/**/*.test.ts'], tests: ['src/**/*.test.ts'] },
  client: { mutate: ['src/api/client.ts'], tests: ['src/api/**/*.test.ts'] },
  forward: { mutate: ['server/forward.ts'], tests: ['server/*.test.ts'] },
  services: { mutate: ['server/sandbox/services/**/*.ts'], tests: inProcessSandboxTests },
}

const name = process.env.MUTATE_AREA ?? 'all'
const area =
  name === 'all'
    ? {
        mutate: Object.values(areas).flatMap((a) => a.mutate),
        tests: ['src/**/*.test.ts', 'server/**/*.test.ts'],
      }
    : areas[name]
if (!area) throw new Error(`MUTATE_AREA must be one of ${Object.keys(areas).join(', ')}`)

// MUTATE_FILES (comma-separated globs) narrows an area to some of its files, e.g. the update rules of the sandbox.
const mutate = process.env.MUTATE_FILES?.split(',').filter(Boolean) ?? area.mutate

// MUTATE_LABEL names a narrowed run's incremental file, report and temp dir (the area's name by default), so runs over
// different files of one area keep their results apart and can run side by side.
const label = process.env.MUTATE_LABEL ?? name

// vitest.mutate.config.ts reads the test globs; the runner processes inherit this environment.
process.env.MUTATE_TESTS ??= area.tests.join(',')

export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate,
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 1),
  incremental: true,
  incrementalFile: `reports/stryker-${label}.json`,
  tempDirName: `.stryker-tmp/${label}`,
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'dist-bench', 'data', 'test-results', 'playwright-report', 'reports', 'e2e', '.stryker-tmp'],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${label}.html` },
  jsonReporter: { fileName: `reports/mutation/${label}.json` },
  timeoutMS: 10000,
  thresholds: { high: 90, low: 85, break: null },
  ignoreStatic: true,
}
