// Who is asking: resolves the session cookie to an actor on every API request and enforces the CSRF token on
// unsafe methods. What the actor may do is the policy's (platform/policy/http.ts answers 401/403).
import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors.ts'
import type { Actor } from '../policy.ts'
import { SESSION_COOKIE, type ResolvedSession, type SessionStore } from './sessions.ts'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
    session: ResolvedSession | null
  }
}

export const CSRF_HEADER = 'x-csrf-token'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
// Logging in has no session yet; JSON-only bodies already keep cross-site forms out.
const CSRF_EXEMPT = new Set(['/api/auth/login'])
// What a session on a one-time password may still do: see who it is, choose a password (or the language of
// the page that asks for it), sign out. Everything else is PASSWORD_CHANGE_REQUIRED until it has.
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/me',
  'PATCH /api/me',
  'POST /api/me/password',
  'POST /api/auth/logout',
  'POST /api/auth/login',
])

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function registerAuth(app: FastifyInstance, sessions: SessionStore): void {
  app.decorateRequest('actor', null)
  app.decorateRequest('session', null)
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return
    const token = req.cookies[SESSION_COOKIE]
    if (token) {
      const session = await sessions.resolve(token)
      if (session) {
        req.session = session
        req.actor = session.actor
      }
    }
    const path = req.url.split('?')[0] ?? ''
    if (req.session && UNSAFE.has(req.method) && !CSRF_EXEMPT.has(path)) {
      const sent = req.headers[CSRF_HEADER]
      if (typeof sent !== 'string' || !sameSecret(sent, req.session.csrfToken)) throw new AppError('CSRF_FAILED')
    }
    if (req.session?.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${req.method} ${path}`))
      throw new AppError('PASSWORD_CHANGE_REQUIRED')
  })
}
