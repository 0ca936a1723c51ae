import { resolve } from 'node:path'

export interface ServerConfig {
  port: number
  host: string
  buyerApiUrl?: string
  buyerApiKey?: string
  sandboxDb: string
  sandboxReset: boolean
  sandboxClock: 'auto' | 'manual'
  sandboxApiKey: string
  /** Buyer-API requests per minute the sandbox allows per client; 0: no limit. */
  sandboxRateLimit: number
  /** Requests per minute the server lets itself send to the platform (sandbox or BUYER_API_URL); 0: unpaced. */
  upstreamRateLimit: number
  apiOnly: boolean
}

function perMinute(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number of requests per minute (0: off), got "${raw}"`)
  return n
}

/** Environment variables, all documented in the README. */
export function readConfig(env: NodeJS.ProcessEnv, argv: string[]): ServerConfig {
  const port = Number(env.PORT ?? 5173)
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`)
  const buyerApiUrl = env.BUYER_API_URL?.trim() || undefined
  if (buyerApiUrl) {
    const url = new URL(buyerApiUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error('BUYER_API_URL must start with http:// or https://')
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    buyerApiUrl,
    buyerApiKey: env.BUYER_API_KEY?.trim() || undefined,
    sandboxDb: resolve(env.SANDBOX_DB ?? 'data/sandbox.sqlite'),
    sandboxReset: env.SANDBOX_RESET === '1',
    sandboxClock: env.SANDBOX_CLOCK === 'manual' ? 'manual' : 'auto',
    sandboxApiKey: env.SANDBOX_API_KEY ?? 'scope3_sandbox_demo',
    sandboxRateLimit: perMinute(env, 'SANDBOX_RATE_LIMIT', 100),
    upstreamRateLimit: perMinute(env, 'UPSTREAM_RATE_LIMIT', 100),
    apiOnly: argv.includes('--api-only'),
  }
}
