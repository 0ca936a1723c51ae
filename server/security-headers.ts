import type { MiddlewareHandler } from 'hono'

/**
 * Headers on every response. Scripts only from our own origin (no inline scripts); styles allow inline
 * because positioning libraries set style attributes; nothing may frame the dashboard.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  c.res.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  c.res.headers.set('X-Content-Type-Options', 'nosniff')
  c.res.headers.set('Referrer-Policy', 'no-referrer')
  c.res.headers.set('X-Frame-Options', 'DENY')
  c.res.headers.set('Cross-Origin-Opener-Policy', 'same-origin')
  // Other sites may not embed or read our answers, and nothing here grants CORS, whoever produced the response.
  c.res.headers.set('Cross-Origin-Resource-Policy', 'same-origin')
  for (const name of [...c.res.headers.keys()])
    if (name.startsWith('access-control-') || name === 'timing-allow-origin') c.res.headers.delete(name)
}
