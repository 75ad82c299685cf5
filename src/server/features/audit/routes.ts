import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { actorOf, requirePermission } from '../../platform/auth/plugin.ts'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { AuditEventList, AuditQuery, Verification } from './schema.ts'
import { auditService } from './service.ts'

/** For DPOs: their own zone's chain, and the chains of zones that share the `dpo` domain with it. */
export async function auditRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const audit = auditService(opts.db)
  const tags = ['audit']
  const dpo = requirePermission('audit.verify')

  app.get(
    '/api/audit/verify',
    {
      schema: {
        operationId: 'verifyAudit',
        tags,
        summary: "Recompute the hash chains of the DPO's zones (own zone, and zones sharing the dpo domain)",
        response: { 200: Verification, ...errorResponses(401, 403) },
      },
      onRequest: dpo,
    },
    async (req) => audit.verify(actorOf(req)),
  )
  app.get(
    '/api/audit/events',
    {
      schema: {
        operationId: 'listAuditEvents',
        tags,
        summary: "The audit log of the DPO's zones, newest first",
        querystring: AuditQuery,
        response: { 200: AuditEventList, ...errorResponses(401, 403) },
      },
      onRequest: dpo,
    },
    async (req) => audit.events(actorOf(req), req.query),
  )
}
