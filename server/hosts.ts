import type { MiddlewareHandler } from 'hono'
import { errorResponse } from './envelope.ts'

/** The names the server answers to on its own machine; a page on another name reaching us is DNS rebinding. */
export const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]']

interface HostEntry {
  hostname: string
  /** Only this port; without one, the server's own port (or any port when the server's port is not known). */
  port?: number
}

export interface HostAllowList {
  allows(host: string): boolean
}

/** `name`, `name:port`, `[v6]` or `[v6]:port`, lower-cased; null when it is not a plain host. */
export function parseHost(value: string): { hostname: string; port?: number } | null {
  const text = value.trim().toLowerCase()
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/.exec(text)
  if (!match) return null
  const port = match[2] === undefined ? undefined : Number(match[2])
  if (port !== undefined && (port < 1 || port > 65535)) return null
  return { hostname: match[1], port }
}

/**
 * The hosts a request may name: the loopback names plus ALLOWED_HOSTS. A name listed without a port is accepted
 * without a port (behind a proxy on 80/443) or with the server's own port.
 */
export function hostAllowList(options: { port?: number; extra?: readonly string[] } = {}): HostAllowList {
  const entries: HostEntry[] = LOOPBACK_HOSTNAMES.map((hostname) => ({ hostname }))
  for (const item of options.extra ?? []) {
    const parsed = parseHost(item)
    if (!parsed) throw new Error(`ALLOWED_HOSTS: "${item}" is not a host name (name or name:port)`)
    entries.push(parsed)
  }
  return {
    allows(host) {
      const parsed = parseHost(host)
      if (!parsed) return false
      return entries.some((entry) => {
        if (entry.hostname !== parsed.hostname) return false
        if (parsed.port === undefined) return true
        const wanted = entry.port ?? options.port
        return wanted === undefined || wanted === parsed.port
      })
    },
  }
}

/**
 * Refuses any request whose Host (or absolute-form target) names a host we do not serve. A browser page on an
 * attacker's name that rebinds to our address sends that name, so it can neither read answers made with the server's
 * key nor the SPA.
 */
export function hostGuard(allowList: HostAllowList): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('host')
    const target = new URL(c.req.url).host
    if ((header !== undefined && !allowList.allows(header)) || !allowList.allows(target)) {
      return errorResponse(c, 421, 'MISDIRECTED_REQUEST', 'This server does not answer for that host')
    }
    await next()
  }
}
