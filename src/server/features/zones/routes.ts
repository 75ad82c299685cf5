import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Database } from '../../platform/db.ts'
import { errorResponses } from '../../platform/http.ts'
import { NotModified, publicCache, publicDataVersion, sendCached } from '../../platform/public-cache.ts'
import { IdParams } from '../../platform/typebox.ts'
import { AssociationList, DomainList, Figures, FiguresQuery, Zone, ZoneCodeParams, ZoneList } from './schema.ts'
import { zonesService } from './service.ts'

/**
 * Zones, municipalities, associations and the domain catalogue: public facts, served from memory for the
 * current data version with an ETag (platform/public-cache.ts). Figures need a session and are not cached.
 */
export async function zonesRoutes(fastify: FastifyInstance, opts: { database: Database }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const zones = zonesService(opts.database.db)
  const version = await publicDataVersion(opts.database)
  fastify.addHook('onClose', async () => version.close())
  const cache = publicCache(version)
  const tags = ['zones']

  app.get(
    '/api/zones',
    {
      schema: {
        operationId: 'listZones',
        tags,
        summary: 'All police zones with their municipalities (effective-dated)',
        response: { 200: ZoneList, 304: NotModified },
      },
      config: { policy: 'public' },
    },
    async (req, reply) =>
      sendCached(req, reply, await cache.get('zones', async () => reply.serialize({ items: await zones.listZones() }))),
  )
  app.get(
    '/api/zones/:code',
    {
      schema: {
        operationId: 'getZone',
        tags,
        summary: 'One zone by its 4-digit code',
        params: ZoneCodeParams,
        response: { 200: Zone, 304: NotModified, ...errorResponses(404) },
      },
      config: { policy: 'public' },
    },
    async (req, reply) =>
      sendCached(
        req,
        reply,
        await cache.get(`zone:${req.params.code}`, async () =>
          reply.serialize(await zones.zoneByCode(req.params.code)),
        ),
      ),
  )
  app.get(
    '/api/associations',
    {
      schema: {
        operationId: 'listAssociations',
        tags,
        summary: 'Associations and their member zones',
        response: { 200: AssociationList, 304: NotModified },
      },
      config: { policy: 'public' },
    },
    async (req, reply) =>
      sendCached(
        req,
        reply,
        await cache.get('associations', async () => reply.serialize({ items: await zones.listAssociations() })),
      ),
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
      config: { policy: 'figures.read' },
    },
    async (req) => zones.figures(req.policy, req.params.id, req.query.date),
  )
  app.get(
    '/api/domains',
    {
      schema: {
        operationId: 'listDomains',
        tags,
        summary: 'The catalogue of cooperation domains',
        response: { 200: DomainList, 304: NotModified },
      },
      config: { policy: 'public' },
    },
    async (req, reply) =>
      sendCached(req, reply, await cache.get('domains', async () => reply.serialize({ items: await zones.domains() }))),
  )
}
