import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { AuditActorList, AuditEventList, AuditExportQuery, AuditQuery, Verification } from './schema.ts'
import { auditService } from './service.ts'

/** For DPOs: their own zone's chain, and the chains of zones that share the `dpo` domain with it. */
export async function auditRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const audit = auditService(opts.db)
  const tags = ['audit']

  app.get(
    '/api/audit/verify',
    {
      schema: {
        operationId: 'verifyAudit',
        tags,
        summary: "Recompute the hash chains of the DPO's zones (own zone, and zones sharing the dpo domain)",
        response: { 200: Verification, ...errorResponses(401, 403) },
      },
      config: { policy: 'audit.read' },
    },
    async (req) => audit.verify(req.policy),
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
      config: { policy: 'audit.read' },
    },
    async (req) => audit.events(req.policy, req.query),
  )
  app.get(
    '/api/audit/actors',
    {
      schema: {
        operationId: 'listAuditActors',
        tags,
        summary: 'The users who acted in the events the DPO may read (the options of the user filter)',
        response: { 200: AuditActorList, ...errorResponses(401, 403) },
      },
      config: { policy: 'audit.read' },
    },
    async (req) => audit.actors(req.policy),
  )
  app.get(
    '/api/audit/export',
    {
      schema: {
        operationId: 'exportAuditEvents',
        tags,
        summary:
          'The filtered audit log as CSV for the supervisory body (UTF-8 with BOM, `;`, Brussels time); the export is itself logged',
        querystring: AuditExportQuery,
        produces: ['text/csv'],
        response: {
          200: { description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...errorResponses(401, 403, 422),
        },
      },
      config: { policy: 'audit.read' },
    },
    async (req, reply) => {
      const { filename, csv } = await audit.exportCsv(req.policy, req.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(csv)
    },
  )
}
