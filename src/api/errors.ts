import type { ApiErrorBody } from './schemas/common.ts'

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'parse' | 'schema'

export interface ApiIssue {
  path: string
  message: string
}

/** Every failure of the API, whatever its cause, reaches the UI as this one type. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind
  readonly status: number
  readonly code: string
  readonly field?: string
  readonly details?: unknown
  readonly retryAfterSeconds?: number
  readonly requestId?: string

  constructor(init: {
    kind: ApiErrorKind
    status?: number
    code: string
    message: string
    field?: string
    details?: unknown
    retryAfterSeconds?: number
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.kind = init.kind
    this.status = init.status ?? 0
    this.code = init.code
    this.field = init.field
    this.details = init.details
    this.retryAfterSeconds = init.retryAfterSeconds
  }

  static fromBody(status: number, body: ApiErrorBody, retryAfterSeconds?: number): ApiError {
    return new ApiError({ kind: 'http', status, ...body, retryAfterSeconds })
  }

  /** Field-level problems: `details.issues[]` when present, else the single `field`. */
  get issues(): ApiIssue[] {
    const raw = (this.details as { issues?: unknown } | undefined)?.issues
    if (Array.isArray(raw)) {
      return raw.flatMap((issue) => {
        if (!issue || typeof issue !== 'object') return []
        const { path, message } = issue as { path?: unknown; message?: unknown }
        const dotted = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : ''
        return typeof message === 'string' ? [{ path: dotted, message }] : []
      })
    }
    return this.field ? [{ path: this.field, message: this.message }] : []
  }

  /** Worth trying again without changing anything. */
  get isTransient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.status === 429 || this.status >= 500
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

const MESSAGES: Record<string, string> = {
  UNAUTHORIZED: 'Your API key was refused. Check it in Settings.',
  CREDIT_LIMIT_EXCEEDED:
    "This advertiser's credit limit is reached, so nothing more can be executed. Ask your account team to raise it.",
  RATE_LIMITED: 'Too many requests for a moment. The dashboard waits and tries again.',
  INSUFFICIENT_MEDIA_BUDGET: 'The new budget is below what is already allocated to live packages.',
  INVALID_STATE: 'That change is not allowed in the current status.',
  NOT_FOUND: 'This item no longer exists, or you no longer have access to it.',
  FORBIDDEN: 'Your key does not give access to this.',
  ACCESS_DENIED: 'Your key does not give access to this.',
  CONTENT_MODERATION_BLOCKED: 'The name or brief was blocked by content moderation. Rephrase it and try again.',
  SERVICE_UNAVAILABLE: 'The platform is unavailable for the moment. Try again shortly.',
  INTERNAL_ERROR: 'The platform hit an internal error. Try again; if it persists, contact support with the code below.',
}

/** A sentence a buyer understands; the code stays available for support. */
export function describeApiError(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : 'Something went wrong.'
  if (error.kind === 'network')
    return 'Cannot reach the platform. Check your connection; the dashboard retries by itself.'
  if (error.kind === 'timeout') return 'The platform took too long to answer. The dashboard retries by itself.'
  if (error.kind === 'parse' || error.kind === 'schema')
    return 'The platform sent data this screen could not read. What you see may be out of date.'
  if (error.code === 'VALIDATION_ERROR' || error.code === 'BAD_REQUEST') return error.message
  return MESSAGES[error.code] ?? error.message
}
