import { resolve } from 'node:path'
import { parseHost } from './hosts.ts'

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
  /** ALLOWED_HOSTS: names (or name:port) the server answers for besides the loopback names. */
  allowedHosts: string[]
}

/** Whether an interface to listen on can only be reached from this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
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
  const host = env.HOST ?? '127.0.0.1'
  const buyerApiKey = env.BUYER_API_KEY?.trim() || undefined
  // Whoever reaches the server acts with its key: that is only safe while the only one who can reach it is its owner.
  if (buyerApiKey && !isLoopbackHost(host) && env.ALLOW_SHARED_KEY !== '1') {
    throw new Error(
      `BUYER_API_KEY is set and HOST is ${host}: everyone who can reach this server would act with that key. ` +
        'Leave BUYER_API_KEY unset and let each buyer enter their own key in Settings, or put the server behind ' +
        "your team's sign-in proxy and set ALLOW_SHARED_KEY=1.",
    )
  }
  const allowedHosts = (env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
  for (const item of allowedHosts) {
    if (!parseHost(item)) throw new Error(`ALLOWED_HOSTS: "${item}" is not a host name (name or name:port)`)
  }
  return {
    port,
    host,
    buyerApiUrl,
    buyerApiKey,
    sandboxDb: resolve(env.SANDBOX_DB ?? 'data/sandbox.sqlite'),
    sandboxReset: env.SANDBOX_RESET === '1',
    sandboxClock: env.SANDBOX_CLOCK === 'manual' ? 'manual' : 'auto',
    sandboxApiKey: env.SANDBOX_API_KEY ?? 'scope3_sandbox_demo',
    sandboxRateLimit: perMinute(env, 'SANDBOX_RATE_LIMIT', 100),
    upstreamRateLimit: perMinute(env, 'UPSTREAM_RATE_LIMIT', 100),
    apiOnly: argv.includes('--api-only'),
    allowedHosts,
  }
}
