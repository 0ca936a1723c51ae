import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { createApp, type ApiBackend } from './app.ts'
import { readConfig, type ServerConfig } from './config.ts'
import { hostAllowList } from './hosts.ts'
import { createSandbox } from './sandbox/index.ts'

let config: ServerConfig
try {
  config = readConfig(process.env, process.argv.slice(2))
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

let backend: ApiBackend
let close = () => {}
if (config.buyerApiUrl) {
  backend = { kind: 'forward', upstream: config.buyerApiUrl, apiKey: config.buyerApiKey }
} else {
  mkdirSync(dirname(config.sandboxDb), { recursive: true })
  const sandbox = createSandbox({
    dbFile: config.sandboxDb,
    reset: config.sandboxReset,
    clock: config.sandboxClock,
    rateLimit: config.sandboxRateLimit,
  })
  backend = { kind: 'sandbox', sandbox, demoApiKey: config.sandboxApiKey }
  close = () => sandbox.close()
}

const app = createApp({
  backend,
  staticDir: config.apiOnly ? undefined : resolve('dist'),
  gateway: { limit: config.upstreamRateLimit },
  allowedHosts: hostAllowList({ port: config.port, extra: config.allowedHosts }),
})
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const where = config.buyerApiUrl
    ? `forwarding /api/v2/buyer to ${new URL(config.buyerApiUrl).origin}`
    : `sandbox (${config.sandboxDb})`
  console.log(
    `Media-buy dashboard on http://${info.address === '127.0.0.1' ? 'localhost' : info.address}:${info.port}  ·  API: ${where}`,
  )
})

function shutdown() {
  server.close()
  close()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
