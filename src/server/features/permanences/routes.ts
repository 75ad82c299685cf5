// The permanences API: thin handlers, each one service call (rotations and members here; rosters and duties in
// roster-routes.ts).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import {
  Member,
  MemberCreate,
  MemberEnded,
  MemberEndQuery,
  MemberList,
  MemberParams,
  RotationCreate,
  RotationList,
  RotationPatch,
  RotationQuery,
} from './schema.ts'
import { rotationsService } from './service.ts'

export async function rotationsRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const rotations = rotationsService(opts.db)
  const tags = ['permanences']
  const rotation = { $ref: 'Rotation#' } as const

  app.get(
    '/api/rotations',
    {
      schema: {
        operationId: 'listRotations',
        tags,
        summary: 'Rotations covering one of the caller’s zones (or of the association they administer)',
        querystring: RotationQuery,
        response: { 200: RotationList, ...errorResponses(401, 403) },
      },
      config: { policy: 'rotation.read' },
    },
    async (req) => ({ items: await rotations.list(req.policy, req.query) }),
  )
  app.get(
    '/api/rotations/:id',
    {
      schema: {
        operationId: 'getRotation',
        tags,
        summary: 'One rotation',
        params: IdParams,
        response: { 200: rotation, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'rotation.read' },
    },
    async (req) => rotations.read(req.policy, req.params.id),
  )
  app.post(
    '/api/rotations',
    {
      schema: {
        operationId: 'createRotation',
        tags,
        summary: 'Set up a rotation across zones sharing a permanence domain',
        body: RotationCreate,
        response: { 201: rotation, ...errorResponses(401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'rotation.manage' },
    },
    async (req, reply) => reply.code(201).send(await rotations.create(req.policy, req.body)),
  )
  app.patch(
    '/api/rotations/:id',
    {
      schema: {
        operationId: 'updateRotation',
        tags,
        summary: 'Change a rotation’s set-up',
        params: IdParams,
        body: RotationPatch,
        response: { 200: rotation, ...errorResponses(401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'rotation.manage' },
    },
    async (req) => rotations.update(req.policy, req.params.id, req.body),
  )
  app.get(
    '/api/rotations/:id/members',
    {
      schema: {
        operationId: 'listRotationMembers',
        tags,
        summary: 'Who stands in the rotation (partner zones’ names are logged as reads)',
        params: IdParams,
        response: { 200: MemberList, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'rotation.read' },
    },
    async (req) => ({ items: await rotations.members(req.policy, req.params.id) }),
  )
  app.post(
    '/api/rotations/:id/members',
    {
      schema: {
        operationId: 'addRotationMember',
        tags,
        summary: 'Add a person of the caller’s zone to the rotation',
        params: IdParams,
        body: MemberCreate,
        response: { 201: Member, ...errorResponses(401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'rotation.manage' },
    },
    async (req, reply) => reply.code(201).send(await rotations.addMember(req.policy, req.params.id, req.body)),
  )
  app.delete(
    '/api/rotations/:id/members/:memberId',
    {
      schema: {
        operationId: 'endRotationMember',
        tags,
        summary: 'End a membership after its last day (default yesterday: it ends today)',
        params: MemberParams,
        querystring: MemberEndQuery,
        response: { 200: MemberEnded, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'rotation.manage' },
    },
    async (req) => rotations.endMember(req.policy, req.params.id, req.params.memberId, req.query.lastDay),
  )
}
