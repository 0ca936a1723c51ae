import type { Context, MiddlewareHandler } from 'hono'
import { errorResponse } from './envelope.ts'

/** The largest request body either mode reads: a whole campaign update is a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024

function tooLarge(c: Context, maxBytes: number) {
  return errorResponse(c, 413, 'PAYLOAD_TOO_LARGE', `Request bodies are limited to ${maxBytes} bytes`)
}

/**
 * Caps request bodies before anything reads them: refused at once when Content-Length says too much, otherwise
 * counted while it streams in and refused at the first byte over the limit. What passes is handed on as one buffer,
 * so neither the sandbox nor the forwarder ever holds more than the limit.
 */
export function bodyLimit(maxBytes: number = MAX_BODY_BYTES): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw
    if (!raw.body) return next()

    const declared = c.req.header('content-length')
    if (declared !== undefined) {
      if (!/^\d+$/.test(declared.trim())) return errorResponse(c, 400, 'BAD_REQUEST', 'Invalid Content-Length')
      if (Number(declared) > maxBytes) return tooLarge(c, maxBytes)
    }

    const reader = raw.body.getReader()
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel().catch(() => {})
        return tooLarge(c, maxBytes)
      }
      chunks.push(value)
    }
    const body = new Uint8Array(size)
    let offset = 0
    for (const chunk of chunks) {
      body.set(chunk, offset)
      offset += chunk.byteLength
    }
    c.req.raw = new Request(raw, { body })
    await next()
  }
}
