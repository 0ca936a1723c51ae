import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from './db/open.ts'
import { seedBulk } from './seed/bulk.ts'
import { createSandbox } from './index.ts'

// tsx server/sandbox/cli.ts reset
// tsx server/sandbox/cli.ts seed --campaigns 2000 --buys-per-campaign 5 --packages-per-buy 8 [--large 50x40]
const [command, ...rest] = process.argv.slice(2)
const dbFile = resolve(process.env.SANDBOX_DB ?? 'data/sandbox.sqlite')

function usage(): never {
  console.error(
    'usage: cli.ts reset | seed --campaigns N --buys-per-campaign N --packages-per-buy N [--large BUYSxPACKAGES]',
  )
  process.exit(2)
}

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${value}"`)
    process.exit(2)
  }
  return n
}

const started = performance.now()
if (command === 'reset') {
  createSandbox({ dbFile, reset: true, clock: 'manual' }).close()
  console.log(`Demo sandbox written to ${dbFile} in ${Math.round(performance.now() - started)} ms`)
} else if (command === 'seed') {
  const { values } = parseArgs({
    args: rest,
    options: {
      campaigns: { type: 'string' },
      'buys-per-campaign': { type: 'string' },
      'packages-per-buy': { type: 'string' },
      large: { type: 'string' },
    },
  })
  const large = values.large ? /^(\d+)x(\d+)$/.exec(values.large) : null
  if (values.large && !large) usage()
  const db = openDatabase(dbFile, true)
  const counts = seedBulk(db, {
    campaigns: positive(values.campaigns, 'campaigns', 2000),
    buysPerCampaign: positive(values['buys-per-campaign'], 'buys-per-campaign', 5),
    packagesPerBuy: positive(values['packages-per-buy'], 'packages-per-buy', 8),
    large: large ? { buys: Number(large[1]), packages: Number(large[2]) } : undefined,
  })
  db.close()
  console.log(
    `Seeded ${counts.campaigns} campaigns, ${counts.mediaBuys} media buys, ${counts.packages} packages into ${dbFile} in ${Math.round(performance.now() - started)} ms`,
  )
} else {
  usage()
}
