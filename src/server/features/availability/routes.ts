import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import {
  AvailabilityCreate,
  AvailabilityList,
  AvailabilityQuery,
  AvailabilityUpdate,
  DutyPreferenceCreate,
  DutyPreferenceList,
} from './schema.ts'
import { availabilityService } from './service.ts'

/** Leave/unavailability and duty preferences per person: own entry, and the zone's planner or korpschef. */
export async function availabilityRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const availability = availabilityService(opts.db)
  const tags = ['availability']
  const entry = Type.Ref('AvailabilityEntry')

  app.get(
    '/api/availability',
    {
      schema: {
        operationId: 'listAvailability',
        tags,
        summary: 'Leave and unavailability: own, and (planner, korpschef) of the people of their zone',
        querystring: AvailabilityQuery,
        response: { 200: AvailabilityList, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'availability.read' },
    },
    async (req) => availability.list(req.policy, req.query),
  )
  app.post(
    '/api/availability',
    {
      schema: {
        operationId: 'createAvailability',
        tags,
        summary: 'Enter leave or unavailability for oneself, or (planner, korpschef) for a person of their zone',
        body: AvailabilityCreate,
        response: { 201: entry, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'availability.manage' },
    },
    async (req, reply) => reply.code(201).send(await availability.create(req.policy, req.body)),
  )
  app.patch(
    '/api/availability/:id',
    {
      schema: {
        operationId: 'updateAvailability',
        tags,
        summary: 'Change an entry (kind, period, note)',
        params: IdParams,
        body: AvailabilityUpdate,
        response: { 200: entry, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'availability.manage' },
    },
    async (req) => availability.update(req.policy, req.params.id, req.body),
  )
  app.delete(
    '/api/availability/:id',
    {
      schema: {
        operationId: 'deleteAvailability',
        tags,
        summary: 'Remove an entry',
        params: IdParams,
        response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'availability.manage' },
    },
    async (req, reply) => {
      await availability.remove(req.policy, req.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/duty-preferences',
    {
      schema: {
        operationId: 'listDutyPreferences',
        tags,
        summary: 'Duty preferences (wish, rather not): own, and (planner, korpschef) of the people of their zone',
        querystring: AvailabilityQuery,
        response: { 200: DutyPreferenceList, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'availability.read' },
    },
    async (req) => availability.listPreferences(req.policy, req.query),
  )
  app.post(
    '/api/duty-preferences',
    {
      schema: {
        operationId: 'createDutyPreference',
        tags,
        summary: 'Enter an own duty preference, for one rotation or all',
        body: DutyPreferenceCreate,
        response: { 201: Type.Ref('DutyPreferenceEntry'), ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'preference.manage' },
    },
    async (req, reply) => reply.code(201).send(await availability.createPreference(req.policy, req.body)),
  )
  app.delete(
    '/api/duty-preferences/:id',
    {
      schema: {
        operationId: 'deleteDutyPreference',
        tags,
        summary: 'Remove an own duty preference',
        params: IdParams,
        response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'preference.manage' },
    },
    async (req, reply) => {
      await availability.removePreference(req.policy, req.params.id)
      return reply.code(204).send(null)
    },
  )
}
