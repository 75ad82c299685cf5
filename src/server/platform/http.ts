// HTTP edges shared by every route: the error envelope, the request locale, 404s for unknown routes.
// Every error leaves as { error: { code, message, details? } } with the catalogue's status.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { AppError, codeForSqlState, ERRORS, type ErrorCode } from './errors.ts'
import type { Locale } from './schema.ts'

export const LOCALES: readonly Locale[] = ['nl', 'fr', 'en']

/** The locale for messages: the signed-in user's choice, else Accept-Language, else Dutch. */
export function requestLocale(req: FastifyRequest): Locale {
  if (req.actor) return req.actor.locale
  const header = req.headers['accept-language']
  if (typeof header === 'string') {
    for (const part of header.split(',')) {
      const lang = part.trim().slice(0, 2).toLowerCase()
      const found = LOCALES.find((l) => l === lang)
      if (found) return found
    }
  }
  return 'nl'
}

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable error code from the catalogue (docs/architecture.md).' }),
      message: Type.String({ description: "Human-readable message in the request's language." }),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'Error', description: 'Every error response has this shape.' },
)

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  details?: Record<string, unknown>,
): FastifyReply {
  const entry = ERRORS[code]
  return reply.code(entry.status).send({
    error: { code, message: entry.message[requestLocale(req)], ...(details ? { details } : {}) },
  })
}

interface PgLikeError {
  code?: string
  constraint?: string
  severity?: string
}

const isPgError = (err: unknown): err is PgLikeError & Error =>
  err instanceof Error &&
  typeof (err as PgLikeError).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((err as PgLikeError).code ?? '')

/** Maps Fastify's own request errors (content type, JSON, size) to catalogue codes. */
function codeForFastifyError(err: FastifyError): ErrorCode | null {
  if (err.validation) return 'VALIDATION_FAILED'
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'UNSUPPORTED_MEDIA_TYPE'
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'BODY_TOO_LARGE'
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'MALFORMED_JSON'
    default:
      break
  }
  if (err instanceof SyntaxError) return 'MALFORMED_JSON'
  if (err.statusCode === 429) return 'RATE_LIMITED'
  if (err.statusCode === 415) return 'UNSUPPORTED_MEDIA_TYPE'
  if (err.statusCode === 413) return 'BODY_TOO_LARGE'
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) return 'VALIDATION_FAILED'
  return null
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      if (err.code === 'TOO_MANY_LOGIN_ATTEMPTS' && typeof err.details?.retryAfterSeconds === 'number')
        void reply.header('retry-after', String(err.details.retryAfterSeconds))
      return sendError(req, reply, err.code, err.details)
    }
    if (isPgError(err)) {
      const code = codeForSqlState(err.code)
      if (code) return sendError(req, reply, code, err.constraint ? { constraint: err.constraint } : undefined)
      if (err.code?.startsWith('08') || err.code === '57P01') return sendError(req, reply, 'SERVICE_UNAVAILABLE')
    }
    const fastifyCode = codeForFastifyError(err as FastifyError)
    if (fastifyCode) {
      const validation = (err as FastifyError).validation
      const details = validation
        ? {
            issues: validation.map((v) => ({
              path: `${(err as FastifyError).validationContext ?? 'body'}${v.instancePath}`,
              rule: v.keyword,
              message: v.message,
            })),
          }
        : undefined
      return sendError(req, reply, fastifyCode, details)
    }
    req.log.error({ err }, 'unhandled error')
    return sendError(req, reply, 'INTERNAL')
  })
}

/** The error responses a route can give, for its OpenAPI description. */
export function errorResponses(...statuses: number[]) {
  const ref = Type.Ref('Error', { description: 'Error: see the error catalogue' })
  return Object.fromEntries([400, ...statuses].map((s) => [s, ref]))
}
