import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** A refusal with the CONTRACT §1 error code; thrown inside a transaction it also rolls the transaction back. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode
  readonly code: string
  readonly field?: string
  readonly details?: Record<string, unknown>

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    field?: string,
    details?: Record<string, unknown>,
  ) {
    super(message)
    this.status = status
    this.code = code
    this.field = field
    this.details = details
  }
}

export const invalidState = (message: string, field?: string) => new ApiError(400, 'INVALID_STATE', message, field)
export const validation = (message: string, field: string) =>
  new ApiError(400, 'VALIDATION_ERROR', message, field, { issues: [{ path: field, message }] })
export const notFound = (what: string, field?: string) => new ApiError(404, 'NOT_FOUND', `${what} not found`, field)
