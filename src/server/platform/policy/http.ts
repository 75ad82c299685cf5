// The policy at the HTTP edge. Every /api route declares its rule (`config: { policy: 'agreement.read' }`);
// a route without one, or with a rule the table does not know, fails at start-up. One onRequest hook answers
// from the table before the body is parsed: 401 without a session (unless the rule is public), 403 when no
// role of the actor holds the rule. The rule is published on the operation as `x-policy` in the OpenAPI
// document. `req.policy` is the request's policy context (the actor, and the grants loaded once, lazily).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { today } from '../clock.ts'
import { AppError } from '../errors.ts'
import { holds, isRule, POLICY, type Rule } from '../policy.ts'
import type { DB } from '../schema.ts'
import { policyContext, type PolicyContext } from './context.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy rule of the route (platform/policy.ts). Required on every /api route. */
    policy?: Rule
  }
  interface FastifyRequest {
    /** The request's policy context; only on routes whose rule is not public (else 401 UNAUTHENTICATED). */
    readonly policy: PolicyContext
  }
}

const contexts = new WeakMap<FastifyRequest, PolicyContext>()

export function registerPolicy(app: FastifyInstance, db: Kysely<DB>): void {
  app.decorateRequest('policy', {
    getter(this: FastifyRequest): PolicyContext {
      const known = contexts.get(this)
      if (known) return known
      if (!this.actor) throw new AppError('UNAUTHENTICATED')
      // The request clock's Brussels date, fixed at first use: one day for every decision of the request.
      const ctx = policyContext(db, this.actor, today())
      contexts.set(this, ctx)
      return ctx
    },
  })

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return
    const rule = route.config?.policy
    if (!isRule(rule))
      throw new Error(
        `${String(route.method)} ${route.url}: no policy rule. Declare config: { policy: '<rule>' } with a rule of ` +
          `POLICY (platform/policy.ts); a new kind of access is a new row there.`,
      )
    // Published on the operation (the document copies x- keys of the route schema).
    if (route.schema) (route.schema as Record<string, unknown>)['x-policy'] = rule
  })

  app.addHook('onRequest', async (req) => {
    const rule = req.routeOptions.config.policy
    if (rule === undefined || POLICY[rule].who === 'anyone') return
    if (!req.actor) throw new AppError('UNAUTHENTICATED')
    if (!holds(req.actor, rule)) throw new AppError('FORBIDDEN')
  })
}
