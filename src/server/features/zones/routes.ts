import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { actorOf, requirePermission } from '../../platform/auth/plugin.ts'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import { AssociationList, DomainList, Figures, FiguresQuery, Zone, ZoneCodeParams, ZoneList } from './schema.ts'
import { zonesService } from './service.ts'

/** Zones, municipalities, associations and the domain catalogue: public facts. Figures need a session. */
export async function zonesRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const zones = zonesService(opts.db)
  const tags = ['zones']

  app.get(
    '/api/zones',
    {
      schema: {
        operationId: 'listZones',
        tags,
        summary: 'All police zones with their municipalities (effective-dated)',
        response: { 200: ZoneList },
      },
    },
    async () => ({ items: await zones.listZones() }),
  )
  app.get(
    '/api/zones/:code',
    {
      schema: {
        operationId: 'getZone',
        tags,
        summary: 'One zone by its 4-digit code',
        params: ZoneCodeParams,
        response: { 200: Zone, ...errorResponses(404) },
      },
    },
    async (req) => zones.zoneByCode(req.params.code),
  )
  app.get(
    '/api/associations',
    {
      schema: {
        operationId: 'listAssociations',
        tags,
        summary: 'Associations and their member zones',
        response: { 200: AssociationList },
      },
    },
    async () => ({ items: await zones.listAssociations() }),
  )
  app.get(
    '/api/associations/:id/figures',
    {
      schema: {
        operationId: 'getAssociationFigures',
        tags,
        summary: 'The association "in cijfers": municipalities, area, inhabitants and staff per zone and in total',
        params: IdParams,
        querystring: FiguresQuery,
        response: { 200: Figures, ...errorResponses(401, 403, 404) },
      },
      onRequest: requirePermission('figures.read'),
    },
    async (req) => zones.figures(actorOf(req), req.params.id, req.query.date),
  )
  app.get(
    '/api/domains',
    {
      schema: {
        operationId: 'listDomains',
        tags,
        summary: 'The catalogue of cooperation domains',
        response: { 200: DomainList },
      },
    },
    async () => ({ items: await zones.domains() }),
  )
}
