import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { SESSION_COOKIE, type SessionStore } from '../../platform/auth/sessions.ts'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { LoginBody, LoginResponse, Me, MePatch } from './schema.ts'
import { authService, type ThrottlePolicy } from './service.ts'

export interface AuthRoutesOptions {
  db: Kysely<DB>
  sessions: SessionStore
  throttle: ThrottlePolicy
  cookieSecure: boolean
}

export async function authRoutes(fastify: FastifyInstance, opts: AuthRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const auth = authService(opts.db, opts.sessions, opts.throttle)

  app.post(
    '/api/auth/login',
    {
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Sign in; sets the HttpOnly session cookie',
        body: LoginBody,
        response: { 200: LoginResponse, ...errorResponses(401, 415, 429) },
      },
      config: { policy: 'public' },
    },
    async (req, reply) => {
      const result = await auth.login(req.body.email, req.body.password, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      })
      void reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.cookieSecure,
        path: '/',
        expires: result.expiresAt,
      })
      return { user: result.me, csrfToken: result.me.csrfToken }
    },
  )

  app.post(
    '/api/auth/logout',
    {
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'Sign out: ends the session',
        response: { 204: { type: 'null' }, ...errorResponses(401, 403) },
      },
      config: { policy: 'self' },
    },
    async (req, reply) => {
      if (req.session) await auth.logout(req.policy.actor, req.session.tokenHash)
      void reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/me',
    {
      schema: {
        operationId: 'getMe',
        tags: ['auth'],
        summary: 'The signed-in user, roles and CSRF token',
        response: { 200: Me, ...errorResponses(401) },
      },
      config: { policy: 'self' },
    },
    async (req) => auth.me(req.policy.actor.userId, req.session?.csrfToken ?? ''),
  )

  app.patch(
    '/api/me',
    {
      schema: {
        operationId: 'updateMe',
        tags: ['auth'],
        summary: "Change the user's language",
        body: MePatch,
        response: { 200: Me, ...errorResponses(401, 403) },
      },
      config: { policy: 'self' },
    },
    async (req) => auth.setLocale(req.policy.actor, req.body.locale, req.session?.csrfToken ?? ''),
  )
}
