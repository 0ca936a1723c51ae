import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import { errorResponse } from './envelope.ts'
import { createFaults } from './faults.ts'
import { API_PREFIX, createForwarder, type ForwardOptions } from './forward.ts'
import { createGateway, type GatewayOptions } from './gateway.ts'
import { bodyLimit, MAX_BODY_BYTES } from './body-limit.ts'
import { hostAllowList, hostGuard, type HostAllowList } from './hosts.ts'
import { refusePreflight, sameOriginGuard } from './same-origin.ts'
import { securityHeaders } from './security-headers.ts'
import type { Sandbox } from './sandbox/index.ts'

export type ApiBackend =
  { kind: 'sandbox'; sandbox: Sandbox; demoApiKey: string } | ({ kind: 'forward' } & ForwardOptions)

export interface AppOptions {
  backend: ApiBackend
  /** The built SPA (dist/); omitted when only the API is served (development with Vite). */
  staticDir?: string
  /** Pacing, coalescing and the short cache in front of the platform (UPSTREAM_RATE_LIMIT); 100 a minute by default. */
  gateway?: GatewayOptions
  /** The hosts requests may name; by default the loopback names on any port. */
  allowedHosts?: HostAllowList
  maxBodyBytes?: number
}

/** The project server: the SPA, and /api/v2/buyer answered by the sandbox or forwarded; nothing else. */
export function createApp(options: AppOptions): Hono {
  const app = new Hono()
  app.use('*', securityHeaders)
  // In this order: a foreign Host or a preflight learns nothing; a state change must come from our own pages; only
  // then is a body read, and never more of it than the cap.
  app.use('*', hostGuard(options.allowedHosts ?? hostAllowList()))
  app.use('*', refusePreflight)
  app.use('*', sameOriginGuard)
  app.use('*', bodyLimit(options.maxBodyBytes ?? MAX_BODY_BYTES))

  app.get('/api/health', (c) => c.json({ ok: true, backend: options.backend.kind }))

  const { backend } = options
  const gateway = createGateway(options.gateway)
  app.use(`${API_PREFIX}/*`, gateway.middleware)
  if (backend.kind === 'sandbox') {
    // A sandbox control changes what the platform answers; a reset also empties its rate-limit counters.
    app.use('/sandbox/*', async (c, next) => {
      await next()
      if (c.req.method === 'GET') return
      if (c.req.path === '/sandbox/reset' || c.req.path === '/sandbox/rate-limit') gateway.reset()
      else gateway.flushCache()
    })
    // The demo needs no key: like BUYER_API_KEY when forwarding, the server supplies one when the browser sent none.
    app.use(`${API_PREFIX}/*`, async (c, next) => {
      if (!c.req.header('authorization')) c.req.raw.headers.set('authorization', `Bearer ${backend.demoApiKey}`)
      await next()
    })
    const faults = createFaults()
    app.use(`${API_PREFIX}/*`, faults.middleware(API_PREFIX))
    app.route('/sandbox/faults', faults.control)
    app.route(API_PREFIX, backend.sandbox.api)
    app.route('/sandbox', backend.sandbox.control)
  } else {
    const forward = createForwarder(backend)
    app.all(API_PREFIX, forward)
    app.all(`${API_PREFIX}/*`, forward)
  }
  // Anything else under /api is ours and unknown: never forwarded, never the SPA.
  app.all('/api/*', (c) => errorResponse(c, 404, 'NOT_FOUND', 'Not found'))

  if (options.staticDir) mountSpa(app, options.staticDir)
  return app
}

function mountSpa(app: Hono, root: string) {
  const indexFile = join(root, 'index.html')
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  )
  app.use('*', serveStatic({ root }))
  // Client-side routes: every other GET gets the app shell.
  app.get('*', (c) => {
    if (!existsSync(indexFile)) return c.text('The dashboard is not built yet: run `npm run build`.', 503)
    c.header('Cache-Control', 'no-cache')
    return c.html(readFileSync(indexFile, 'utf8'))
  })
}
