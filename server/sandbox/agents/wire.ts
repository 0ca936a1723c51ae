import type { AdcpRequest, PushNotificationConfig } from './adcp.ts'

/**
 * The request as it goes on the wire. AdCP's push_notification_config requires `authentication`; services that only
 * set a token get the Bearer scheme with that token, so every caller's request passes the client's schema check.
 */
export function toWire(request: AdcpRequest): AdcpRequest {
  switch (request.tool) {
    case 'create_media_buy':
      return {
        tool: request.tool,
        arguments: {
          ...request.arguments,
          push_notification_config: withAuth(request.arguments.push_notification_config),
        },
      }
    case 'update_media_buy':
      return {
        tool: request.tool,
        arguments: {
          ...request.arguments,
          push_notification_config: withAuth(request.arguments.push_notification_config),
        },
      }
    default:
      return request
  }
}

function withAuth(config: PushNotificationConfig): PushNotificationConfig {
  if (config.authentication || !config.token) return config
  return { ...config, authentication: { schemes: ['Bearer'], credentials: config.token } }
}

/** Debug logs hold Error objects and SDK instances; keep what JSON can carry (an Error becomes name and message). */
export function jsonSafe(value: unknown): unknown {
  const seen = new WeakSet<object>()
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (v instanceof Error)
        return { name: v.name, message: v.message, ...(v.cause instanceof Error ? { cause: v.cause.message } : {}) }
      if (typeof v === 'bigint') return v.toString()
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[circular]'
        seen.add(v)
      }
      return v
    }) ?? 'null',
  ) as unknown
}
