import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import type { WorkerPool } from '../../platform/workers.ts'
import {
  AssetCreate,
  AssetDetail,
  AssetList,
  AssetQuery,
  AssetUpdate,
  Timeline,
  TimelineQuery,
  ValidityBody,
  ValidityParams,
} from './asset-schema.ts'
import { assetService } from './asset-service.ts'

/**
 * Equipment and investments (issue 10): assets, their validities, the catalogue and the availability search (assets
 * helper). Each route: schema → policy (the route's rule; the service decides per asset) → one service call.
 */
export async function equipmentAssetRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const assets = assetService(opts.db)
  const tags = ['equipment']

  app.get(
    '/api/equipment/assets',
    {
      schema: {
        operationId: 'listAssets',
        tags,
        summary:
          "The catalogue: the own zones' assets and partners' lendable ones under `equipment`; with from/to, whether each is free then",
        querystring: AssetQuery,
        response: { 200: AssetList, ...errorResponses(400, 401, 403, 422) },
      },
      config: { policy: 'equipment.read' },
    },
    async (req) => assets.list(req.policy, req.query),
  )

  app.get(
    '/api/equipment/assets/:id',
    {
      schema: {
        operationId: 'getAsset',
        tags,
        summary: 'One asset of the catalogue, with its validities and counters',
        params: IdParams,
        response: { 200: AssetDetail, ...errorResponses(400, 401, 403, 404) },
      },
      config: { policy: 'equipment.read' },
    },
    async (req) => assets.get(req.policy, req.params.id),
  )

  app.get(
    '/api/equipment/timeline',
    {
      schema: {
        operationId: 'getEquipmentTimeline',
        tags,
        summary:
          'Availability timeline: the assets in reach and the periods active bookings block (a partner sees only its own bookings named)',
        querystring: TimelineQuery,
        response: { 200: Timeline, ...errorResponses(400, 401, 403, 422) },
      },
      config: { policy: 'equipment.read' },
    },
    async (req) => assets.timeline(req.policy, req.query),
  )

  app.post(
    '/api/equipment/assets',
    {
      schema: {
        operationId: 'createAsset',
        tags,
        summary: 'Add an asset to the keeping zone (a weapon starts in its armoury: the first link of its custody)',
        body: AssetCreate,
        response: { 201: AssetDetail, ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'equipment.manage' },
    },
    async (req, reply) => reply.code(201).send(await assets.create(req.policy, req.body)),
  )

  app.patch(
    '/api/equipment/assets/:id',
    {
      schema: {
        operationId: 'updateAsset',
        tags,
        summary: "Change an asset's name, location, description, status or lendability (retire: status 'retired')",
        params: IdParams,
        body: AssetUpdate,
        response: { 200: AssetDetail, ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'equipment.manage' },
    },
    async (req) => assets.update(req.policy, req.params.id, req.body),
  )

  app.put(
    '/api/equipment/assets/:id/validities/:kind',
    {
      schema: {
        operationId: 'setAssetValidity',
        tags,
        summary: 'Set a validity date of an asset (calibration, approval, inspection, …); a new date is flagged again',
        params: ValidityParams,
        body: ValidityBody,
        response: { 200: AssetDetail, ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'equipment.manage' },
    },
    async (req) => assets.setValidity(req.policy, req.params.id, req.params.kind, req.body),
  )

  app.delete(
    '/api/equipment/assets/:id/validities/:kind',
    {
      schema: {
        operationId: 'removeAssetValidity',
        tags,
        summary: 'Remove a validity of an asset (none of that kind: the asset as it is)',
        params: ValidityParams,
        response: { 200: AssetDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { policy: 'equipment.manage' },
    },
    async (req) => assets.removeValidity(req.policy, req.params.id, req.params.kind),
  )
}
