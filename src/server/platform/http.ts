// HTTP edges shared by every route: the error envelope, the request locale, the JSON body parser, URLs that do
// not decode, caching of API responses, and errors Node's HTTP parser raises before Fastify sees a request.
// Every error leaves as { error: { code, message, details? } } with the catalogue's status.
import { isUtf8 } from 'node:buffer'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { DatabaseReentryError } from './db.ts'
import { AppError, codeForDatabaseError, ERRORS, type ErrorCode } from './errors.ts'
import { LOCALES, type Locale } from './enums.ts'

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
      const code = codeForDatabaseError(err.code, err.constraint)
      // A data exception (class 22) means validation let something through: the client's fault, our gap.
      if (code && err.code?.startsWith('22')) req.log.warn({ err }, 'data exception reached the database')
      // Constraint names are schema internals: logged for us, never sent to the client.
      if (code && err.constraint)
        req.log.info({ constraint: err.constraint, sqlState: err.code, code }, 'constraint violation')
      if (code === 'TRY_AGAIN') {
        req.log.warn({ err }, 'transaction still collided after its retries')
        void reply.header('retry-after', '1')
      }
      if (code) return sendError(req, reply, code)
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
    if (err instanceof DatabaseReentryError)
      req.log.error({ err }, 'database re-entry: a query on the root db inside its own transaction (use trx)')
    else req.log.error({ err }, 'unhandled error')
    return sendError(req, reply, 'INTERNAL')
  })
}

/** The error responses a route can give, for its OpenAPI description. */
export function errorResponses(...statuses: number[]) {
  const ref = Type.Ref('Error', { description: 'Error: see the error catalogue' })
  return Object.fromEntries([400, ...statuses].map((s) => [s, ref]))
}

/** True when every percent-escape of the URL decodes to valid UTF-8 (`%C3%28` and `%ED%A0%80` do not). */
export function decodableUrl(url: string): boolean {
  const q = url.indexOf('?')
  try {
    decodeURIComponent(q === -1 ? url : url.slice(0, q))
    if (q !== -1) decodeURIComponent(url.slice(q + 1).replace(/\+/g, ' '))
    return true
  } catch {
    return false // URIError: malformed escape or invalid UTF-8, answered as BAD_URL
  }
}

/** Registered first: checks that run before authentication, parsing and validation, for every route. */
export function registerHttpEdges(app: FastifyInstance): void {
  // The query parser would pass undecodable escapes through as literal text; refuse them instead.
  app.addHook('onRequest', async (req, reply) => {
    if (!decodableUrl(req.url)) return sendError(req, reply, 'BAD_URL')
  })
  // JSON is UTF-8 (RFC 8259). Decoding invalid bytes would silently store U+FFFD in their place.
  const parseJson = app.getDefaultJsonParser('error', 'ignore')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bytes = body as Buffer
    if (!isUtf8(bytes)) return done(new AppError('MALFORMED_JSON', { reason: 'not UTF-8' }), undefined)
    void parseJson(req, bytes.toString('utf8'), done) // synchronous: it answers through done
  })
  // API answers carry personal data or the CSRF token: no browser or proxy may keep a copy.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store')
  })
}

const CLIENT_ERRORS: Partial<Record<string, ErrorCode>> = {
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the bytes (headers over 16 KiB, a malformed request
 * line, a timeout), so there is no request to route. Answers in the same envelope, in Dutch (no Accept-Language
 * can be trusted from a request that did not parse), and closes the connection as Node itself would.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const code: ErrorCode = (err.code && CLIENT_ERRORS[err.code]) || 'BAD_REQUEST'
  const { status, message } = ERRORS[code]
  const body = JSON.stringify({ error: { code, message: message.nl } })
  if (!socket.writable) return void socket.destroy(err)
  // A client that never reads the answer must not hold the socket open.
  setTimeout(() => socket.destroy(), 5_000).unref()
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
      body,
    () => socket.destroy(),
  )
}
