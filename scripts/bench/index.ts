// npm run bench: the production build and the sandbox seeded with a large account, measured; prints tables.
// Not part of npm test: figures, not pass/fail.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { LARGE_CAMPAIGN_ID } from '../../server/sandbox/seed/bulk.ts'
import { printTable, startServer } from './lib.ts'
import { serverBench } from './server-bench.ts'

const DB = 'data/bench.sqlite'
const PORT = Number(process.env.BENCH_PORT ?? 4390)

function step(label: string, command: string, args: string[]) {
  const started = performance.now()
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SANDBOX_DB: DB } })
  console.log(`${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`)
}

mkdirSync('data', { recursive: true })
rmSync(DB, { force: true })
step('built the dashboard', 'npx', ['vite', 'build'])
step('seeded 2,000 campaigns × 5 buys × 8 packages, plus one 50 × 40 campaign', 'npx', [
  'tsx', 'server/sandbox/cli.ts', 'seed', '--campaigns', '2000', '--buys-per-campaign', '5', '--packages-per-buy', '8', '--large', '50x40',
])

const server = await startServer(PORT, { SANDBOX_DB: DB })
try {
  printTable('Server (sandbox, loopback)', await serverBench(server.url, LARGE_CAMPAIGN_ID))
} finally {
  await server.stop()
}
