// The one HTTP client of the web app: typed by the server's OpenAPI document (schema.d.ts), same-origin
// cookies for the session, the CSRF token on unsafe methods, and every failure turned into an ApiError.
import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema.d.ts'

/** A failed API call. `status` 0 with code NETWORK_ERROR means the server was not reached at all. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: Record<string, unknown> | undefined
  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

export const NETWORK_ERROR = 'NETWORK_ERROR'

// Kept in memory only (never in storage): a script that can read storage must not get the token for free.
let csrfToken: string | null = null
export const hasCsrfToken = (): boolean => csrfToken !== null
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token
}

// The UI language, so that messages the server writes (error.message) come back in the language on screen.
let acceptLanguage = 'nl-BE'
export const setApiLanguage = (tag: string): void => {
  acceptLanguage = tag
}

const UNSAFE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** Reads the `{ error: { code, message, details } }` envelope; anything else still becomes an ApiError. */
export async function toApiError(response: Response): Promise<ApiError> {
  // Not JSON (a proxy's HTML error page, an empty body): fall through to the generic error below.
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null)
  const error = isRecord(body) && isRecord(body.error) ? body.error : null
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`
  const message = typeof error?.message === 'string' ? error.message : ''
  let details = isRecord(error?.details) ? error.details : undefined
  // A throttled login says how long to wait in the Retry-After header too; keep it with the error.
  const retryAfter = Number(response.headers.get('retry-after'))
  if (retryAfter > 0 && details?.retryAfterSeconds === undefined)
    details = { ...details, retryAfterSeconds: retryAfter }
  return new ApiError(response.status, code, message, details)
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', acceptLanguage)
    if (csrfToken && UNSAFE_METHODS.has(request.method.toUpperCase())) request.headers.set('x-csrf-token', csrfToken)
    // Cookies carry the session; a Request's credentials are read-only, so build one with them set.
    return new Request(request, { credentials: 'same-origin' })
  },
  async onResponse({ response }) {
    if (!response.ok) throw await toApiError(response)
    return undefined
  },
  onError({ error }) {
    if (error instanceof ApiError) return error
    return new ApiError(0, NETWORK_ERROR, '')
  },
}

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' })
api.use(sessionMiddleware)

/**
 * The data of a successful call. The middleware already threw for every error status, so `data` is only
 * absent for bodiless answers (204), which callers of this helper do not expect.
 */
export async function data<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const result = await call
  if (result.data === undefined) throw new ApiError(result.response.status, 'EMPTY_RESPONSE', '')
  return result.data
}
