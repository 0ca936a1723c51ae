// `npm test`: every check in order, each runner's result printed as a plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs'

mkdirSync('reports', { recursive: true })
const steps = []
let failed = false

function run(name, cmd, args, env = {}) {
  const started = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  const ok = r.status === 0
  steps.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) })
  if (!ok) failed = true
  return ok
}

function summary(label, passed, failedCount) {
  console.log(`${label}: ${passed} passed, ${failedCount} failed`)
}

run('routes', 'npx', ['tsr', 'generate'])
run('typecheck', 'npx', ['tsc', '--noEmit'])
run('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn'])
run('lint', 'npx', ['eslint', '.', '--max-warnings=0'])
// Unused files, exports and dependencies (knip.json); derived contract types may stand unused.
run('unused', 'npx', ['knip', '--exclude', 'types', '--no-config-hints'])

const vitestJson = 'reports/vitest.json'
rmSync(vitestJson, { force: true })
run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`])
const unit = existsSync(vitestJson) ? JSON.parse(readFileSync(vitestJson, 'utf8')) : null

run('build', 'npx', ['vite', 'build'])

const pwJson = 'reports/playwright.json'
rmSync(pwJson, { force: true })
let e2e = null
if (!process.env.SKIP_E2E) {
  run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson })
  e2e = existsSync(pwJson) ? JSON.parse(readFileSync(pwJson, 'utf8')) : null
}

console.log('\n── summary ──')
for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds}s)`)
if (unit) summary('vitest', unit.numPassedTests, unit.numFailedTests + (unit.numRuntimeErrorTestSuites ?? 0))
else summary('vitest', 0, 1)
if (!process.env.SKIP_E2E) {
  if (e2e) summary('playwright', e2e.stats.expected + (e2e.stats.flaky ?? 0), e2e.stats.unexpected)
  else summary('playwright', 0, 1)
}
process.exit(failed ? 1 : 0)
