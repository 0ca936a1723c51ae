// npm run bench: the production build and the sandbox seeded with a large account, measured; prints tables.
// Not part of npm test: figures, not pass/fail. BENCH_RUNS (default 5) sets the browser runs; BENCH_PORT the port;
// BENCH_PART=server or BENCH_PART=browser runs one half; BENCH_SESSION_MS (default 300000) sets the length of the
// browser half's scripted click-through session.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { LARGE_CAMPAIGN_ID } from '../../server/sandbox/seed/bulk.ts'
import { browserBench } from './browser-bench.ts'
import { printTable, startServer, verdict } from './lib.ts'
import { serverBench } from './server-bench.ts'

const DB = 'data/bench.sqlite'
const PORT = Number(process.env.BENCH_PORT ?? 4390)
const PART = process.env.BENCH_PART ?? 'all'
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5))
const SESSION_MS = Math.max(0, Number(process.env.BENCH_SESSION_MS ?? 300_000))
// Bulk seed statuses cycle by position: campaign 8's buys are ACTIVE/DRAFT/REJECTED/FAILED/CANCELED (nothing in
// flight), campaign 1 has a buy PENDING_APPROVAL.
const IDLE_CAMPAIGN_ID = 'cmp_100000008'
const PENDING_CAMPAIGN_ID = 'cmp_100000001'

function step(label: string, command: string, args: string[]): number {
  const started = performance.now()
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SANDBOX_DB: DB } })
  const tookMs = performance.now() - started
  console.log(`${label} (${(tookMs / 1000).toFixed(1)} s)`)
  return tookMs
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
const started = performance.now()
console.log(`machine: ${cpus().length} cores, load average ${load()}`)
mkdirSync('data', { recursive: true })
rmSync(DB, { force: true })
step('built the dashboard', 'npx', ['vite', 'build'])
step('built the bench-only baseline page (dist-bench/)', 'npx', [
  'vite',
  'build',
  '--config',
  'scripts/bench/baseline/vite.config.ts',
])
const seedMs = step('seeded 2,000 campaigns × 5 buys × 8 packages, plus one 50 × 40 campaign', 'npx', [
  'tsx',
  'server/sandbox/cli.ts',
  'seed',
  '--campaigns',
  '2000',
  '--buys-per-campaign',
  '5',
  '--packages-per-buy',
  '8',
  '--large',
  '50x40',
])

if (PART !== 'browser') {
  // The server half measures how fast the server answers in 1,300-request loops, so the published rate limit and its
  // pacing are off there.
  const server = await startServer(PORT, { SANDBOX_DB: DB, SANDBOX_RATE_LIMIT: '0', UPSTREAM_RATE_LIMIT: '0' })
  try {
    const seedRow = {
      measure: 'seed 2,000 × 5 × 8 plus 50 × 40 (CLI, start-up included)',
      value: `${(seedMs / 1000).toFixed(1)} s`,
      target: '≤ 5 s',
      verdict: verdict(seedMs, 5_000),
    }
    printTable('Server (sandbox, loopback)', [seedRow, ...(await serverBench(server.url, LARGE_CAMPAIGN_ID))])
  } finally {
    await server.stop()
  }
}
if (PART !== 'server') {
  // The browser half runs as buyers do: the sandbox allows 100 requests a minute and the gateway paces to it.
  const server = await startServer(PORT, { SANDBOX_DB: DB, SANDBOX_RATE_LIMIT: '100', UPSTREAM_RATE_LIMIT: '100' })
  try {
    await browser(server.url)
  } finally {
    await server.stop()
  }
}

async function browser(baseUrl: string) {
  console.log(`\nbrowser: ${RUNS} runs of each measure (load average ${load()})`)
  const rows = await browserBench({
    baseUrl,
    largeCampaignId: LARGE_CAMPAIGN_ID,
    idleCampaignId: IDLE_CAMPAIGN_ID,
    pendingCampaignId: PENDING_CAMPAIGN_ID,
    runs: RUNS,
    sessionMs: SESSION_MS,
    log: (line) => console.log(line),
  })
  printTable(`Browser (production build, headless Chromium; medians of ${RUNS}, (min–max))`, rows)
}
console.log(`\nload average ${load()}; bench took ${((performance.now() - started) / 1000).toFixed(0)} s`)
